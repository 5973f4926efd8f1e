package io.oncoaudit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonReaderTests {

    private static JsonSyntaxException syntaxError(String text) {
        return assertThrows(JsonSyntaxException.class, () -> JsonReader.parse(text));
    }

    @Test
    void readsNestedValuesKeepingKeyOrder() {
        Object v = JsonReader.parse(" {\"z\": [1, 2.50, {\"b\": null}], \"a\": true, \"m\": false, \"s\": \"x\"} ");
        JsonObject o = assertInstanceOf(JsonObject.class, v);
        assertEquals(List.of("z", "a", "m", "s"), List.copyOf(o.keySet()));
        List<?> z = assertInstanceOf(List.class, o.get("z"));
        assertEquals(new BigDecimal("1"), z.get(0));
        assertEquals(new BigDecimal("2.50"), z.get(1)); // scale kept: money never passes through double
        Map<?, ?> inner = assertInstanceOf(Map.class, z.get(2));
        assertTrue(inner.containsKey("b"));
        assertNull(inner.get("b"));
        assertEquals(Boolean.TRUE, o.get("a"));
        assertEquals(Boolean.FALSE, o.get("m"));
        assertEquals("x", o.get("s"));
    }

    @Test
    void readsEmptyContainersAndScalarsAtTopLevel() {
        assertEquals(List.of(), JsonReader.parse("[]"));
        assertEquals(Map.of(), JsonReader.parse("{ }"));
        assertEquals("a", JsonReader.parse("\"a\""));
        assertNull(JsonReader.parse("null"));
        assertEquals(new BigDecimal("-0"), JsonReader.parse("-0"));
    }

    @Test
    void decodesEveryEscape() {
        assertEquals("\"\\/\b\f\n\r\t", JsonReader.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
        assertEquals("A\u00e9\u20ac", JsonReader.parse("\"\\u0041\\u00E9\\u20ac\""));
        assertEquals("a\u0000b", JsonReader.parse("\"a\\u0000b\""));
    }

    @Test
    void combinesEscapedSurrogatePairsAndKeepsRawNonAscii() {
        String s = (String) JsonReader.parse("\"x\\uD83D\\uDE00y\"");
        assertEquals(0x1F600, s.codePointAt(1));
        assertEquals("x\uD83D\uDE00y", s);
        assertEquals("Müller \uD83D\uDE00", JsonReader.parse("\"Müller \uD83D\uDE00\""));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"\\uD83D\"            | 1 | high surrogate",
            "\"\\uD83Dx\"           | 1 | high surrogate",
            "\"\\uD83D\\u0041\"     | 1 | high surrogate",
            "\"\\uDE00\"            | 1 | low surrogate",
            "\"\\u12G4\"            | 5 | invalid hex digit",
            "\"\\u12\"              | 1 | incomplete",
            "\"\\x\"                | 1 | invalid escape",
            "\"abc                  | 0 | unterminated string",
    })
    void rejectsBadStringsWithOffset(String text, int offset, String message) {
        JsonSyntaxException e = syntaxError(text.strip());
        assertEquals(offset, e.offset());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().endsWith("at offset " + offset), e.getMessage());
    }

    @Test
    void rejectsRawControlCharacterInString() {
        JsonSyntaxException e = syntaxError("[\"a\nb\"]");
        assertEquals(3, e.offset());
        assertTrue(e.getMessage().contains("U+000A"), e.getMessage());
    }

    @Test
    void readsNumbersExactlyAsBigDecimal() {
        assertEquals(new BigDecimal("123456789012345678901234567890.123456789"),
                JsonReader.parse("123456789012345678901234567890.123456789"));
        assertEquals(new BigDecimal("0.1"), JsonReader.parse("0.1"));
        assertEquals(0, new BigDecimal("100").compareTo((BigDecimal) JsonReader.parse("1E+2")));
        assertEquals(0, new BigDecimal("0.00001").compareTo((BigDecimal) JsonReader.parse("1e-5")));
        assertEquals(new BigDecimal("-12.5"), JsonReader.parse("-12.5"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "01      | 0 | leading zeros",
            "-01     | 0 | leading zeros",
            "1.      | 2 | after the decimal point",
            "-       | 1 | expected a digit",
            ".5      | 0 | expected a value",
            "+1      | 0 | expected a value",
            "1e      | 2 | exponent",
            "1e+     | 3 | exponent",
            "NaN     | 0 | expected a value",
            "1e5000  | 0 | out of the supported range",
            "1e-5000 | 0 | out of the supported range",
    })
    void rejectsMalformedNumbersWithOffset(String text, int offset, String message) {
        JsonSyntaxException e = syntaxError(text);
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1} x       | 8  | after the end",
            "[1,2]]            | 5  | after the end",
            "[1, 2 3]          | 6  | expected ',' or ']'",
            "[1,]              | 3  | trailing comma",
            "{\"a\":1,}        | 7  | trailing comma",
            "{\"a\" 1}         | 5  | expected ':'",
            "{a:1}             | 1  | expected a quoted key",
            "{\"a\":1 \"b\":2} | 7  | expected ',' or '}'",
            "[1,2              | 4  | end of input",
            "{\"a\":           | 5  | end of input",
            "tru               | 0  | expected a value",
            "nul               | 0  | expected a value",
            "truex             | 4  | after the end",
    })
    void rejectsStructuralErrorsWithOffset(String text, int offset, String message) {
        JsonSyntaxException e = syntaxError(text.strip());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void rejectsEmptyAndWhitespaceOnlyInput() {
        assertEquals(0, syntaxError("").offset());
        assertEquals(3, syntaxError(" \n\t").offset());
        assertTrue(syntaxError("").getMessage().contains("end of input"));
    }

    @Test
    void skipsLeadingByteOrderMarkOnly() {
        assertEquals(List.of(), JsonReader.parse("\uFEFF[]"));
        assertEquals(3, syntaxError("[] \uFEFF").offset());
    }

    @Test
    void recordsDuplicateKeysAndKeepsTheLastValue() {
        JsonObject o = (JsonObject) JsonReader.parse("{\"a\":1,\"b\":2,\"a\":3}");
        assertEquals(new BigDecimal("3"), o.get("a"));
        assertEquals(java.util.Set.of("a"), o.duplicateKeys());
        assertTrue(o.isDuplicate("a"));
        assertEquals(java.util.Set.of(), ((JsonObject) JsonReader.parse("{\"a\":1}")).duplicateKeys());
    }

    @Test
    void limitsNestingDepth() {
        String ok = "[".repeat(JsonReader.MAX_DEPTH) + "]".repeat(JsonReader.MAX_DEPTH);
        assertInstanceOf(List.class, JsonReader.parse(ok));
        String deep = "[".repeat(JsonReader.MAX_DEPTH + 1) + "]".repeat(JsonReader.MAX_DEPTH + 1);
        JsonSyntaxException e = syntaxError(deep);
        assertEquals(JsonReader.MAX_DEPTH, e.offset());
        assertTrue(e.getMessage().contains("nesting"));
    }

    @Test
    void acceptsAllJsonWhitespaceButNoOther() {
        assertEquals(List.of(BigDecimal.ONE), JsonReader.parse("\r\n\t [ \r\n\t1 \r\n\t] \r\n\t"));
        assertEquals(1, syntaxError("[\u000B1]").offset());
    }
}
