package io.oncoaudit.core.json;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Writes plain Java values as compact JSON with jackson-core's generator (numbers exactly as held, in plain notation,
 * never via double).
 */
public final class JsonWriter {
    private JsonWriter() { }

    /** A list of strings as a JSON array; null is written as an empty array. */
    static void strings(JsonGenerator g, Collection<String> values) throws IOException {
        g.writeStartArray();
        if (values != null) for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /**
     * Writes any value the reader produces (and a few more): Map, Collection, String, BigDecimal, other
     * Number, Boolean, Enum (its name), null. Other types are an error, not a silent toString().
     */
    static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String str) g.writeString(str);
        else if (v instanceof BigDecimal bd) g.writeNumber(bd);
        else if (v instanceof Integer || v instanceof Short || v instanceof Byte) g.writeNumber(((Number) v).intValue());
        else if (v instanceof Long l) g.writeNumber(l.longValue());
        else if (v instanceof BigInteger bi) g.writeNumber(bi);
        else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) throw new IllegalArgumentException("JSON has no " + d);
            g.writeNumber(BigDecimal.valueOf(d));
        } else if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) throw new IllegalArgumentException("JSON has no " + f);
            g.writeNumber(new BigDecimal(f.toString()));
        } else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Enum<?> e) g.writeString(e.name());
        else if (v instanceof Map<?, ?> m) {
            g.writeStartObject();
            for (Map.Entry<?, ?> en : m.entrySet()) {
                g.writeFieldName(String.valueOf(en.getKey()));
                value(g, en.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) value(g, o);
            g.writeEndArray();
        } else {
            throw new IllegalArgumentException("cannot write a " + v.getClass().getName() + " as JSON");
        }
    }

    /** {@code v} as compact JSON text. */
    public static String write(Object v) {
        return Jackson.write(g -> value(g, v));
    }
}
