package io.oncoaudit.core.json;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Map;

/**
 * Appends compact JSON to a {@link StringBuilder}. Allocation-light on purpose: it runs once per encounter
 * in the batch, so no regex, no String.format, no intermediate strings for escaping.
 */
public final class JsonWriter {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonWriter() { }

    /** Writes {@code s} as a JSON string literal, or {@code null}. */
    public static StringBuilder string(StringBuilder sb, String s) {
        if (s == null) return sb.append("null");
        sb.append('"');
        int n = s.length();
        int run = 0; // start of the current run of characters that need no escaping
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            String esc = null;
            if (c == '"') esc = "\\\"";
            else if (c == '\\') esc = "\\\\";
            else if (c < 0x20) {
                switch (c) {
                    case '\n': esc = "\\n"; break;
                    case '\r': esc = "\\r"; break;
                    case '\t': esc = "\\t"; break;
                    case '\b': esc = "\\b"; break;
                    case '\f': esc = "\\f"; break;
                    default: break;
                }
                if (esc == null) {
                    sb.append(s, run, i);
                    unicodeEscape(sb, c);
                    run = i + 1;
                    continue;
                }
            } else if (Character.isSurrogate(c)) {
                // A well-formed pair is written as is; a lone surrogate is escaped so the output stays
                // valid JSON text even though it would not survive UTF-8 encoding.
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                sb.append(s, run, i);
                unicodeEscape(sb, c);
                run = i + 1;
                continue;
            }
            if (esc != null) {
                sb.append(s, run, i).append(esc);
                run = i + 1;
            }
        }
        sb.append(s, run, n);
        return sb.append('"');
    }

    private static void unicodeEscape(StringBuilder sb, char c) {
        sb.append("\\u").append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    /** Writes a number exactly as held: plain notation, never exponent form, never via double. */
    public static StringBuilder number(StringBuilder sb, BigDecimal v) {
        return v == null ? sb.append("null") : sb.append(v.toPlainString());
    }

    /** Writes a list of strings as a JSON array; null is written as an empty array. */
    public static StringBuilder strings(StringBuilder sb, Collection<String> values) {
        sb.append('[');
        if (values != null) {
            boolean first = true;
            for (String v : values) {
                if (!first) sb.append(',');
                first = false;
                string(sb, v);
            }
        }
        return sb.append(']');
    }

    /** Writes {@code "key":} (with the comma before it unless it is the first member). */
    public static StringBuilder key(StringBuilder sb, String key, boolean first) {
        if (!first) sb.append(',');
        sb.append('"').append(key).append("\":"); // keys are our own identifiers: nothing to escape
        return sb;
    }

    /**
     * Writes any value the reader produces (and a few more): Map, Collection, String, BigDecimal, other
     * Number, Boolean, Enum (its name), null. Other types are an error, not a silent toString().
     */
    public static StringBuilder value(StringBuilder sb, Object v) {
        if (v == null) return sb.append("null");
        if (v instanceof String str) return string(sb, str);
        if (v instanceof BigDecimal bd) return number(sb, bd);
        if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
                || v instanceof java.math.BigInteger) return sb.append(v);
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw new IllegalArgumentException("JSON has no " + d);
            return number(sb, BigDecimal.valueOf(d));
        }
        if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) throw new IllegalArgumentException("JSON has no " + f);
            return number(sb, new BigDecimal(f.toString()));
        }
        if (v instanceof Boolean b) return sb.append(b.booleanValue());
        if (v instanceof Enum<?> e) return string(sb, e.name());
        if (v instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> en : m.entrySet()) {
                if (!first) sb.append(',');
                first = false;
                string(sb, String.valueOf(en.getKey())).append(':');
                value(sb, en.getValue());
            }
            return sb.append('}');
        }
        if (v instanceof Collection<?> c) {
            sb.append('[');
            boolean first = true;
            for (Object o : c) {
                if (!first) sb.append(',');
                first = false;
                value(sb, o);
            }
            return sb.append(']');
        }
        throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
    }

    /** {@link #value(StringBuilder, Object)} into a new string. */
    public static String write(Object v) {
        return value(new StringBuilder(64), v).toString();
    }
}
