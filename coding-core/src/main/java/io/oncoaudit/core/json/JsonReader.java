package io.oncoaudit.core.json;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Strict RFC 8259 reader producing plain Java values: {@link JsonObject} (insertion-ordered), {@link List},
 * {@link String}, {@link BigDecimal} (every number, so money never passes through a double; never a negative
 * scale: {@code 1E+2} reads as {@code 100}),
 * {@link Boolean} and {@code null}.
 *
 * <p>Policies where RFC 8259 leaves a choice (section 9 allows limits):
 * <ul>
 *   <li>duplicate object keys: the last value wins and the key is recorded in
 *       {@link JsonObject#duplicateKeys()}, so a caller can reject it where it matters (the encounter codec
 *       rejects a duplicated known field as ambiguous instead of guessing);</li>
 *   <li>a UTF-8 byte order mark at the very start is skipped (RFC 8259 section 8.1 permits ignoring it);</li>
 *   <li>an escaped surrogate must be a well-formed pair ({@code \uD83D\uDE00}); a lone one is an error
 *       because it cannot be written as UTF-8;</li>
 *   <li>nesting is limited to {@value #MAX_DEPTH} levels and number exponents so that the value lies
 *       within 1e&plusmn;{@value #MAX_SCALE}: both guard against inputs that would exhaust the stack or memory.</li>
 * </ul>
 * Anything after the value except whitespace is an error. Error offsets are character (UTF-16) indexes.
 */
public final class JsonReader {
    public static final int MAX_DEPTH = 512;
    public static final int MAX_SCALE = 1000;

    private final String s;
    private final int n;
    private int pos;
    private int depth;

    private JsonReader(String text) {
        this.s = text;
        this.n = text.length();
    }

    /** Parses one complete JSON text. */
    public static Object parse(String text) {
        if (text == null) throw new JsonSyntaxException("no input", 0);
        JsonReader r = new JsonReader(text);
        if (r.n > 0 && r.s.charAt(0) == '\uFEFF') r.pos = 1;
        r.skipWhitespace();
        Object v = r.value();
        r.skipWhitespace();
        if (r.pos < r.n) {
            throw new JsonSyntaxException("unexpected " + r.describe(r.pos) + " after the end of the JSON value", r.pos);
        }
        return v;
    }

    private Object value() {
        if (pos >= n) throw new JsonSyntaxException("unexpected end of input; expected a value", pos);
        char c = s.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw new JsonSyntaxException("unexpected " + describe(pos) + "; expected a value", pos);
        }
    }

    private JsonObject object() {
        enter();
        pos++; // '{'
        JsonObject obj = new JsonObject();
        skipWhitespace();
        if (pos < n && s.charAt(pos) == '}') {
            pos++;
            depth--;
            return obj;
        }
        while (true) {
            if (pos >= n) throw new JsonSyntaxException("unexpected end of input inside an object; expected a quoted key", pos);
            if (s.charAt(pos) != '"') {
                String hint = s.charAt(pos) == '}' ? " (trailing comma before '}')" : "";
                throw new JsonSyntaxException("unexpected " + describe(pos) + "; expected a quoted key" + hint, pos);
            }
            String key = string();
            skipWhitespace();
            if (pos >= n || s.charAt(pos) != ':') {
                throw new JsonSyntaxException(atOrEnd() + "; expected ':' after key \"" + key + "\"", pos);
            }
            pos++;
            skipWhitespace();
            obj.putParsed(key, value());
            skipWhitespace();
            if (pos >= n) throw new JsonSyntaxException("unexpected end of input inside an object; expected ',' or '}'", pos);
            char c = s.charAt(pos++);
            if (c == '}') break;
            if (c != ',') throw new JsonSyntaxException("unexpected " + describe(pos - 1) + "; expected ',' or '}'", pos - 1);
            skipWhitespace();
        }
        depth--;
        return obj;
    }

    private List<Object> array() {
        enter();
        pos++; // '['
        List<Object> list = new ArrayList<>();
        skipWhitespace();
        if (pos < n && s.charAt(pos) == ']') {
            pos++;
            depth--;
            return list;
        }
        while (true) {
            if (pos < n && s.charAt(pos) == ']') {
                throw new JsonSyntaxException("unexpected ']'; expected a value (trailing comma before ']')", pos);
            }
            list.add(value());
            skipWhitespace();
            if (pos >= n) throw new JsonSyntaxException("unexpected end of input inside an array; expected ',' or ']'", pos);
            char c = s.charAt(pos++);
            if (c == ']') break;
            if (c != ',') throw new JsonSyntaxException("unexpected " + describe(pos - 1) + "; expected ',' or ']'", pos - 1);
            skipWhitespace();
        }
        depth--;
        return list;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) throw new JsonSyntaxException("nesting deeper than " + MAX_DEPTH + " levels", pos);
    }

    private String string() {
        int start = ++pos; // after the opening quote
        // Fast path: no escapes, the common case for codes and identifiers.
        for (int i = start; i < n; i++) {
            char c = s.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return s.substring(start, i);
            }
            if (c == '\\' || c < 0x20) {
                return slowString(start, i);
            }
        }
        throw new JsonSyntaxException("unterminated string starting", start - 1);
    }

    private String slowString(int start, int from) {
        StringBuilder sb = new StringBuilder(from - start + 16);
        sb.append(s, start, from);
        int i = from;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '"') {
                pos = i + 1;
                return sb.toString();
            }
            if (c < 0x20) {
                throw new JsonSyntaxException("control character " + describe(i) + " inside a string must be escaped", i);
            }
            if (c != '\\') {
                sb.append(c);
                i++;
                continue;
            }
            if (i + 1 >= n) break;
            char e = s.charAt(i + 1);
            switch (e) {
                case '"': sb.append('"'); i += 2; break;
                case '\\': sb.append('\\'); i += 2; break;
                case '/': sb.append('/'); i += 2; break;
                case 'b': sb.append('\b'); i += 2; break;
                case 'f': sb.append('\f'); i += 2; break;
                case 'n': sb.append('\n'); i += 2; break;
                case 'r': sb.append('\r'); i += 2; break;
                case 't': sb.append('\t'); i += 2; break;
                case 'u': {
                    char u = hex4(i);
                    if (Character.isHighSurrogate(u)) {
                        if (i + 7 < n && s.charAt(i + 6) == '\\' && s.charAt(i + 7) == 'u') {
                            char low = hex4(i + 6);
                            if (!Character.isLowSurrogate(low)) {
                                throw new JsonSyntaxException("high surrogate \\u" + hex(u) + " is not followed by a low surrogate", i);
                            }
                            sb.append(u).append(low);
                            i += 12;
                        } else {
                            throw new JsonSyntaxException("high surrogate \\u" + hex(u) + " is not followed by a low surrogate", i);
                        }
                    } else if (Character.isLowSurrogate(u)) {
                        throw new JsonSyntaxException("low surrogate \\u" + hex(u) + " without a preceding high surrogate", i);
                    } else {
                        sb.append(u);
                        i += 6;
                    }
                    break;
                }
                default:
                    throw new JsonSyntaxException("invalid escape '\\" + printable(e) + "' in a string", i);
            }
        }
        throw new JsonSyntaxException("unterminated string starting", start - 1);
    }

    /** The four hex digits of the {@code \\u} escape starting at {@code at} (the backslash). */
    private char hex4(int at) {
        if (at + 6 > n) throw new JsonSyntaxException("incomplete \\u escape", at);
        int v = 0;
        for (int k = at + 2; k < at + 6; k++) {
            char h = s.charAt(k);
            int d;
            if (h >= '0' && h <= '9') d = h - '0';
            else if (h >= 'a' && h <= 'f') d = h - 'a' + 10;
            else if (h >= 'A' && h <= 'F') d = h - 'A' + 10;
            else throw new JsonSyntaxException("invalid hex digit " + describe(k) + " in a \\u escape", k);
            v = (v << 4) | d;
        }
        return (char) v;
    }

    private static String hex(char c) {
        String h = Integer.toHexString(c).toUpperCase(java.util.Locale.ROOT);
        return "0000".substring(h.length()) + h;
    }

    private BigDecimal number() {
        int start = pos;
        if (s.charAt(pos) == '-') pos++;
        if (pos >= n || !digit(s.charAt(pos))) {
            throw new JsonSyntaxException(atOrEnd() + "; expected a digit in the number", pos);
        }
        if (s.charAt(pos) == '0') {
            pos++;
            if (pos < n && digit(s.charAt(pos))) throw new JsonSyntaxException("leading zeros are not allowed in a number", start);
        } else {
            while (pos < n && digit(s.charAt(pos))) pos++;
        }
        if (pos < n && s.charAt(pos) == '.') {
            pos++;
            if (pos >= n || !digit(s.charAt(pos))) throw new JsonSyntaxException(atOrEnd() + "; expected a digit after the decimal point", pos);
            while (pos < n && digit(s.charAt(pos))) pos++;
        }
        if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
            pos++;
            if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
            if (pos >= n || !digit(s.charAt(pos))) throw new JsonSyntaxException(atOrEnd() + "; expected a digit in the exponent", pos);
            while (pos < n && digit(s.charAt(pos))) pos++;
        }
        BigDecimal v;
        try {
            v = new BigDecimal(s.substring(start, pos));
        } catch (NumberFormatException e) {
            throw new JsonSyntaxException("number out of range", start);
        }
        if (!inRange(v)) {
            throw new JsonSyntaxException("number " + abbreviate(start) + " is out of the supported range (1e-" + MAX_SCALE
                    + " .. 1e" + MAX_SCALE + ")", start);
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

    private Object literal(String word, Object value) {
        if (!s.startsWith(word, pos)) {
            throw new JsonSyntaxException("unexpected " + describe(pos) + "; expected a value", pos);
        }
        pos += word.length();
        return value;
    }

    private void skipWhitespace() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\r' || c == '\t') pos++;
            else return;
        }
    }

    private static boolean digit(char c) { return c >= '0' && c <= '9'; }

    private String atOrEnd() {
        return pos >= n ? "unexpected end of input" : "unexpected " + describe(pos);
    }

    private String abbreviate(int start) {
        int end = Math.min(pos, start + 20);
        return s.substring(start, end) + (end < pos ? "..." : "");
    }

    /** A character for an error message: quoted when printable, else as U+XXXX. */
    private String describe(int at) {
        if (at >= n) return "end of input";
        char c = s.charAt(at);
        return "character " + (c >= 0x20 && c < 0x7F ? "'" + c + "'" : "U+" + hex(c));
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7F ? String.valueOf(c) : "U+" + hex(c);
    }
}
