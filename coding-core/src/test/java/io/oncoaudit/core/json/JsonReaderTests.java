package io.oncoaudit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

    // Syntax errors: jackson-core's description (location notes made readable) and the character offset where it
    // stopped, at or just after the offending character.
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"\\uD83D\"            | 0 | lone surrogate U+D83D",
            "\"\\uD83Dx\"           | 0 | lone surrogate U+D83D",
            "\"\\uD83D\\u0041\"     | 0 | lone surrogate U+D83D",
            "\"\\uDE00\"            | 0 | lone surrogate U+DE00",
            "\"\\u12G4\"            | 5 | expected a hex-digit",
            "\"\\u12\"              | 5 | expected a hex-digit",
            "\"\\x\"                | 2 | Unrecognized character escape 'x'",
            "\"abc                  | 4 | expecting closing quote",
    })
    void rejectsBadStringsWithOffset(String text, int offset, String message) {
        JsonSyntaxException e = syntaxError(text.strip());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertTrue(e.getMessage().endsWith("at offset " + offset), e.getMessage());
    }

    @Test
    void rejectsRawControlCharacterInString() {
        JsonSyntaxException e = syntaxError("[\"a\nb\"]");
        assertEquals(3, e.offset());
        assertTrue(e.getMessage().contains("CTRL-CHAR, code 10") && e.getMessage().contains("has to be escaped"), e.getMessage());
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
            "01      | 1 | Leading zeroes not allowed",
            "-01     | 2 | Leading zeroes not allowed",
            "1.      | 1 | Decimal point not followed by a digit",
            "-       | 1 | end-of-input: No digit following sign",
            ".5      | 0 | expected a valid value",
            "+1      | 1 | does not allow numbers to have plus signs",
            "1e      | 2 | end-of-input: expected a digit for number exponent",
            "1e+     | 3 | end-of-input: expected a digit for number exponent",
            "NaN     | 3 | Non-standard token 'NaN'",
            "1e5000  | 0 | out of the supported range",
            "1e-5000 | 0 | out of the supported range",
    })
    void rejectsMalformedNumbersWithOffset(String text, int offset, String message) {
        JsonSyntaxException e = syntaxError(text);
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("enable `"), "no advice to relax the parser: " + e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"a\":1} x       | 8  | Unrecognized token 'x'",
            "[1,2]]            | 5  | Unexpected close marker ']'",
            "[1, 2 3]          | 6  | expecting comma to separate Array entries",
            "[1,]              | 3  | expected a valid value",
            "{\"a\":1,}        | 7  | expecting double-quote to start field name",
            "{\"a\" 1}         | 5  | expecting a colon",
            "{a:1}             | 1  | expecting double-quote to start field name",
            "{\"a\":1 \"b\":2} | 7  | expecting comma to separate Object entries",
            "[1,2              | 4  | end-of-input: expected close marker for Array (start marker at line 1, column 1)",
            "{\"a\":           | 5  | end-of-input",
            "tru               | 0  | Unrecognized token 'tru'",
            "nul               | 0  | Unrecognized token 'nul'",
            "truex             | 0  | Unrecognized token 'truex'",
    })
    void rejectsStructuralErrorsWithOffset(String text, int offset, String message) {
        JsonSyntaxException e = syntaxError(text.strip());
        assertEquals(offset, e.offset(), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertFalse(e.getMessage().contains("REDACTED"), e.getMessage());
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
        assertEquals(JsonReader.MAX_DEPTH + 1, e.offset()); // just after the bracket one level too deep
        assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    }

    @Test
    void acceptsAllJsonWhitespaceButNoOther() {
        assertEquals(List.of(BigDecimal.ONE), JsonReader.parse("\r\n\t [ \r\n\t1 \r\n\t] \r\n\t"));
        assertEquals(2, syntaxError("[\u000B1]").offset()); // just after the vertical tab
    }
}
