package io.oncoaudit.core.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict RFC 8259 reader (jackson-core's streaming parser) producing plain Java values: {@link JsonObject}
 * (insertion-ordered), {@link List}, {@link String}, {@link BigDecimal} (every number, so money never passes through a
 * double; never a negative scale: {@code 1E+2} reads as {@code 100}), {@link Boolean} and {@code null}.
 *
 * <p>Policies where RFC 8259 leaves a choice (section 9 allows limits):
 * <ul>
 *   <li>duplicate object keys: the last value wins and the key is recorded in
 *       {@link JsonObject#duplicateKeys()}, so a caller can reject it where it matters (the encounter codec
 *       rejects a duplicated known field as ambiguous instead of guessing);</li>
 *   <li>a UTF-8 byte order mark at the very start is skipped (RFC 8259 section 8.1 permits ignoring it);</li>
 *   <li>a string holding a lone surrogate ({@code "\uD83D"}) is an error because it cannot be written as UTF-8;</li>
 *   <li>nesting is limited to {@value #MAX_DEPTH} levels and numbers to the range 1e&plusmn;{@value #MAX_SCALE}:
 *       both guard against inputs that would exhaust the stack or memory.</li>
 * </ul>
 * Anything after the value except whitespace is an error. A syntax error is a {@link JsonSyntaxException} with
 * Jackson's description and the character (UTF-16) offset where reading stopped.
 */
public final class JsonReader {
    public static final int MAX_DEPTH = 512;
    public static final int MAX_SCALE = 1000;

    private final JsonParser p;
    private final int shift; // 1 when a byte order mark was skipped: offsets are into the caller's text

    private JsonReader(JsonParser p, int shift) {
        this.p = p;
        this.shift = shift;
    }

    /** Parses one complete JSON text. */
    public static Object parse(String text) {
        if (text == null) throw new JsonSyntaxException("no input", 0);
        int shift = !text.isEmpty() && text.charAt(0) == '\uFEFF' ? 1 : 0;
        try (JsonParser p = Jackson.FACTORY.createParser(shift == 0 ? text : text.substring(1))) {
            JsonReader r = new JsonReader(p, shift);
            try {
                JsonToken t = p.nextToken();
                if (t == null) throw new JsonSyntaxException("unexpected end of input; expected a value", text.length());
                Object v = r.value(t);
                if (p.nextToken() != null) {
                    throw new JsonSyntaxException("unexpected " + p.currentToken().asString() + " after the end of the JSON value",
                            r.offset(p.currentTokenLocation()));
                }
                return v;
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation() != null ? e.getLocation() : p.currentLocation();
                throw new JsonSyntaxException(readable(e.getOriginalMessage()), r.offset(at));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does not fail otherwise
        }
    }

    private static final java.util.regex.Pattern SOURCE = java.util.regex.Pattern.compile(
            "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");
    private static final java.util.regex.Pattern ENABLE = java.util.regex.Pattern.compile(
            ":? *\\(?enable `[A-Za-z_.]+` to allow\\)?");

    /**
     * Jackson's description for a person: its location notes as "line L, column C" and without its advice to enable
     * a parser feature (the codec is strict on purpose).
     */
    static String readable(String message) {
        if (message == null) return "not valid JSON";
        String m = SOURCE.matcher(message).replaceAll("line $1, column $2");
        m = ENABLE.matcher(m).replaceAll("");
        return m.replaceAll("end-of-input(?=[A-Za-z])", "end-of-input: ").strip();
    }

    private int offset(JsonLocation at) {
        long o = at.getCharOffset();
        return o < 0 ? 0 : (int) o + shift;
    }

    private Object value(JsonToken t) throws IOException {
        switch (t) {
            case START_OBJECT: return object();
            case START_ARRAY: return array();
            case VALUE_STRING: return string();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT: return number();
            case VALUE_TRUE: return Boolean.TRUE;
            case VALUE_FALSE: return Boolean.FALSE;
            case VALUE_NULL: return null;
            default: throw new JsonSyntaxException("unexpected " + t + "; expected a value", offset(p.currentTokenLocation()));
        }
    }

    private JsonObject object() throws IOException {
        JsonObject obj = new JsonObject();
        String key;
        while ((key = p.nextFieldName()) != null) {
            obj.putParsed(key, value(p.nextToken()));
        }
        return obj;
    }

    private List<Object> array() throws IOException {
        List<Object> list = new ArrayList<>();
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) list.add(value(t));
        return list;
    }

    private String string() throws IOException {
        String s = p.getText();
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (!Character.isSurrogate(c)) continue;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
                continue;
            }
            throw new JsonSyntaxException("lone surrogate U+" + Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT)
                    + " in a string (not a character: it cannot be written as UTF-8)", offset(p.currentTokenLocation()));
        }
        return s;
    }

    private BigDecimal number() throws IOException {
        BigDecimal v = p.getNumberType() == JsonParser.NumberType.INT ? BigDecimal.valueOf(p.getIntValue()) : p.getDecimalValue();
        if (!inRange(v)) {
            String text = p.getText();
            throw new JsonSyntaxException("number " + (text.length() > 20 ? text.substring(0, 20) + "..." : text)
                    + " is out of the supported range (1e-" + MAX_SCALE + " .. 1e" + MAX_SCALE + ")", offset(p.currentTokenLocation()));
        }
        // 1E+2 becomes 100: no negative scales, so what is written (plain notation) reads back equal
        return v.scale() < 0 ? v.setScale(0) : v;
    }

    /**
     * Whether {@code v} lies within the supported range: at most {@value #MAX_SCALE} digits after the point
     * and a magnitude below 1e{@value #MAX_SCALE}, so that writing it in plain notation stays small.
     */
    static boolean inRange(BigDecimal v) {
        return v.scale() <= MAX_SCALE && v.precision() - v.scale() <= MAX_SCALE;
    }
}
