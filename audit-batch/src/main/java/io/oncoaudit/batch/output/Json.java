package io.oncoaudit.batch.output;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;

/** A small JSON writer for summary.json, manifest.json and the text columns (no JSON library on the job's classpath). */
public final class Json {
    private Json() { }

    public static ObjectWriter object() { return new ObjectWriter(); }

    public static String quote(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }

    public static String stringArray(Collection<String> items) {
        StringBuilder b = new StringBuilder("[");
        boolean first = true;
        for (String s : items) {
            if (!first) b.append(',');
            first = false;
            b.append(s == null ? "null" : quote(s));
        }
        return b.append(']').toString();
    }

    /** Money as a JSON number with exactly two decimals (contract section 7). */
    public static String money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** Builds one JSON object; {@link #raw} inserts already-serialised JSON. Pretty-printing is the caller's choice. */
    public static final class ObjectWriter {
        private final StringBuilder b = new StringBuilder("{");
        private boolean first = true;

        private ObjectWriter key(String k) {
            if (!first) b.append(',');
            first = false;
            b.append(quote(k)).append(':');
            return this;
        }

        public ObjectWriter field(String k, String v) { key(k); b.append(v == null ? "null" : quote(v)); return this; }

        public ObjectWriter field(String k, long v) { key(k); b.append(v); return this; }

        public ObjectWriter field(String k, double v) { key(k); b.append(v); return this; }

        public ObjectWriter money(String k, BigDecimal v) { key(k); b.append(Json.money(v)); return this; }

        public ObjectWriter raw(String k, String json) { key(k); b.append(json); return this; }

        @Override
        public String toString() { return b + "}"; }
    }
}
