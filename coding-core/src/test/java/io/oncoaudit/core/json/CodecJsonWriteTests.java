package io.oncoaudit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.json.CodecJson.ParsedEncounter;
import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.model.ValidationError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodecJsonWriteTests {

    private static RecodeResult sampleResult() {
        Finding f = new Finding(FindingKind.DOWNCODED_TO_96372, "ADMIN-SCIM-01", "96372", "96402", 1, 1,
                Direction.UNDERPAYMENT, new BigDecimal("18.25"), "Fulvestrant \"IM\" is an antineoplastic\nsee CPT",
                List.of("CMS Transmittal 129", "MAC article A52953"), "Please reprocess line 1.", 1);
        Finding missing = new Finding(FindingKind.MISSING_ADMINISTRATION, "ADMIN-MISSING-01", null, "96413", 0, 1,
                Direction.UNDERPAYMENT, new BigDecimal("5"), "x", List.of(), "y", null);
        return new RecodeResult("C-1001",
                List.of(new ExpectedLine("96402", 1, List.of()), new ExpectedLine("J9395", 20, List.of("JZ"))),
                List.of(f, missing), new BigDecimal("100.5"), new BigDecimal("123.75"), new BigDecimal("23.25"),
                List.of("no price for J9395 (MEDICARE, NONFACILITY)"), null);
    }

    @Test
    void writesTheContractResultShapeInContractKeyOrder() {
        String expected = "{\"claimId\":\"C-1001\","
                + "\"expectedLines\":[{\"procedureCode\":\"96402\",\"units\":1,\"modifiers\":[]},"
                + "{\"procedureCode\":\"J9395\",\"units\":20,\"modifiers\":[\"JZ\"]}],"
                + "\"findings\":[{\"kind\":\"DOWNCODED_TO_96372\",\"ruleId\":\"ADMIN-SCIM-01\",\"billedCode\":\"96372\","
                + "\"expectedCode\":\"96402\",\"billedUnits\":1,\"expectedUnits\":1,\"direction\":\"UNDERPAYMENT\","
                + "\"amount\":18.25,\"explanation\":\"Fulvestrant \\\"IM\\\" is an antineoplastic\\nsee CPT\","
                + "\"citations\":[\"CMS Transmittal 129\",\"MAC article A52953\"],\"appealText\":\"Please reprocess line 1.\","
                + "\"lineNumber\":1},"
                + "{\"kind\":\"MISSING_ADMINISTRATION\",\"ruleId\":\"ADMIN-MISSING-01\",\"billedCode\":null,"
                + "\"expectedCode\":\"96413\",\"billedUnits\":0,\"expectedUnits\":1,\"direction\":\"UNDERPAYMENT\","
                + "\"amount\":5.00,\"explanation\":\"x\",\"citations\":[],\"appealText\":\"y\",\"lineNumber\":null}],"
                + "\"billedAmount\":100.50,\"expectedAmount\":123.75,\"netImpact\":23.25,"
                + "\"warnings\":[\"no price for J9395 (MEDICARE, NONFACILITY)\"]}";
        assertEquals(expected, CodecJson.toJson(sampleResult()));
    }

    @Test
    void resultIsValidJsonWithTheContractKeys() {
        JsonObject o = (JsonObject) JsonReader.parse(CodecJson.toJson(sampleResult()));
        assertEquals(List.of("claimId", "expectedLines", "findings", "billedAmount", "expectedAmount", "netImpact", "warnings"),
                List.copyOf(o.keySet()));
        JsonObject finding = (JsonObject) ((List<?>) o.get("findings")).get(0);
        assertEquals(List.of("kind", "ruleId", "billedCode", "expectedCode", "billedUnits", "expectedUnits", "direction",
                "amount", "explanation", "citations", "appealText", "lineNumber"), List.copyOf(finding.keySet()));
        assertEquals("Fulvestrant \"IM\" is an antineoplastic\nsee CPT", finding.get("explanation"));
    }

    @ParameterizedTest
    @CsvSource({
            "18.25, 18.25", "0, 0.00", "18.2, 18.20", "5, 5.00", "1.005, 1.00", "1.015, 1.02", "-12.5, -12.50",
            "1E+3, 1000.00", "123456789.1, 123456789.10",
    })
    void writesMoneyWithExactlyTwoDecimals(String value, String written) {
        RecodeResult r = new RecodeResult("C", List.of(), List.of(), new BigDecimal(value), Money.ZERO,
                new BigDecimal(value), List.of(), null);
        String json = CodecJson.toJson(r);
        assertTrue(json.contains("\"billedAmount\":" + written + ","), json);
        assertTrue(json.contains("\"netImpact\":" + written + ","), json);
        assertTrue(json.contains("\"expectedAmount\":0.00,"), json);
    }

    @Test
    void writesNullMoneyAsZero() {
        RecodeResult r = new RecodeResult("C", List.of(), List.of(), null, null, null, List.of(), null);
        assertEquals("{\"claimId\":\"C\",\"expectedLines\":[],\"findings\":[],\"billedAmount\":0.00,"
                + "\"expectedAmount\":0.00,\"netImpact\":0.00,\"warnings\":[]}", CodecJson.toJson(r));
    }

    @Test
    void writesTheErrorShapeExactly() {
        RecodeResult r = RecodeResult.rejected("C-9", new ValidationError("lines[1].units", "must be a number, not 'x'"));
        assertEquals("{\"claimId\":\"C-9\",\"error\":{\"field\":\"lines[1].units\",\"message\":\"must be a number, not 'x'\"}}",
                CodecJson.toJson(r));
        RecodeResult anonymous = RecodeResult.rejected(null, new ValidationError("claimId", "is required"));
        assertEquals("{\"claimId\":null,\"error\":{\"field\":\"claimId\",\"message\":\"is required\"}}", CodecJson.toJson(anonymous));
        assertEquals(CodecJson.toJson(anonymous), CodecJson.errorToJson(null, new ValidationError("claimId", "is required")));
    }

    @Test
    void writesAListOfResultsAsAnArrayInOrder() {
        RecodeResult bad = RecodeResult.rejected("C-2", new ValidationError("payerId", "is required"));
        String json = CodecJson.toJson(List.of(sampleResult(), bad));
        assertEquals("[" + CodecJson.toJson(sampleResult()) + "," + CodecJson.toJson(bad) + "]", json);
        assertEquals("[]", CodecJson.toJson(List.<RecodeResult>of()));
    }

    @Test
    void writesColumnHelpers() {
        assertEquals("[{\"procedureCode\":\"96413\",\"units\":1,\"modifiers\":[]},"
                        + "{\"procedureCode\":\"96415\",\"units\":2,\"modifiers\":[\"59\",\"XU\"]}]",
                CodecJson.expectedLinesToJson(List.of(new ExpectedLine("96413", 1, null),
                        new ExpectedLine("96415", 2, List.of("59", "XU")))));
        ClaimLine line = new ClaimLine(1, "J9395", List.of("JZ"), new BigDecimal("20"), null, new BigDecimal("2400.00"),
                null, new BigDecimal("0"), List.of("CO-97"), List.of());
        assertEquals("[{\"lineNumber\":1,\"procedureCode\":\"J9395\",\"modifiers\":[\"JZ\"],\"units\":20,"
                        + "\"chargeAmount\":2400.00,\"paidAmount\":0,\"adjustmentReasonCodes\":[\"CO-97\"],\"remarkCodes\":[]}]",
                CodecJson.linesToJson(List.of(line)));
        Administration a = new Administration("A1", "J9312", null, new BigDecimal("375"), DoseUnit.MG, Route.IV,
                LocalDateTime.of(2026, 3, 2, 9, 5), LocalDateTime.of(2026, 3, 2, 13, 40, 30), false, null, null, "port");
        assertEquals("[{\"administrationId\":\"A1\",\"drugCode\":\"J9312\",\"dose\":375,\"doseUnit\":\"mg\",\"route\":\"IV\","
                        + "\"startTime\":\"2026-03-02T09:05:00\",\"endTime\":\"2026-03-02T13:40:30\",\"pump\":false,"
                        + "\"accessSite\":\"port\"}]",
                CodecJson.administrationsToJson(List.of(a)));
        assertEquals("[]", CodecJson.linesToJson(List.of()));
        assertEquals("[\"C50.911\",\"a\\\"b\"]", CodecJson.stringsToJson(List.of("C50.911", "a\"b")));
        assertEquals("[]", CodecJson.stringsToJson(null));
        assertEquals("[{\"kind\":\"MISSING_ADMINISTRATION\"", CodecJson.findingsToJson(sampleResult().findings().subList(1, 2))
                .substring(0, 33));
    }

    @Test
    void contractExampleRoundTrips() {
        Encounter e = CodecJson.parseEncounters(ContractExample.ENCOUNTER).get(0).encounter();
        String json = CodecJson.toJson(e);
        ParsedEncounter back = CodecJson.parseEncounters(json).get(0);
        assertTrue(back.ok(), () -> String.valueOf(back.error()));
        assertEquals(e, back.encounter());
        assertEquals(json, CodecJson.toJson(back.encounter()));
    }

    @Test
    void fullEncounterRoundTripsThroughJson() {
        List<Administration> admins = new ArrayList<>();
        admins.add(new Administration("A1", "J9312", "rituximab \"R\"\t10mg", new BigDecimal("375.5"), DoseUnit.MG,
                Route.IV, LocalDateTime.of(2026, 3, 2, 9, 0), LocalDateTime.of(2026, 3, 2, 13, 0, 45), true,
                new BigDecimal("4.50"), null, "port \\ left"));
        admins.add(new Administration("A2", "J9395", null, new BigDecimal("500"), DoseUnit.UNITS, Route.INTRALESIONAL,
                null, null, false, null, 3, null));
        admins.add(new Administration("A3", "J9000", null, new BigDecimal("0.25"), DoseUnit.ML, Route.SC,
                null, null, false, null, null, null));
        Encounter e = new Encounter("C-\u00e9\uD83D\uDE00", "P-1", LocalDate.of(2026, 1, 31), "1234567893", "1111111112",
                "Dr. M\u00fcller's \"Clinic\"", "UHC", "UnitedHealthcare", "22", List.of("C50.911", "Z51.11"),
                List.of(new ClaimLine(1, "96413", List.of(), new BigDecimal("1"), null, new BigDecimal("300.00"),
                                new BigDecimal("120.10"), new BigDecimal("96.08"), List.of("CO-45"), List.of("N122", "M15")),
                        new ClaimLine(2, "J9312", List.of("JW", "59"), new BigDecimal("38"), "50242005121",
                                new BigDecimal("10000"), null, null, List.of(), List.of())),
                admins);
        String json = CodecJson.toJson(e);
        ParsedEncounter back = CodecJson.parseEncounters(json).get(0);
        assertTrue(back.ok(), () -> String.valueOf(back.error()));
        assertEquals(e, back.encounter());
        assertEquals(json, CodecJson.toJson(back.encounter()));
        assertTrue(json.startsWith("{\"claimId\":\"C-\u00e9\uD83D\uDE00\",\"patientId\":\"P-1\",\"dateOfService\":\"2026-01-31\","
                + "\"billingNpi\":\"1234567893\",\"renderingNpi\":\"1111111112\""), json);
        assertEquals("10000", JsonWriter.write(new BigDecimal("1E+4")), "plain notation, never exponent form");
    }

    @Test
    void writerEscapesControlCharactersAndLoneSurrogates() {
        assertEquals("\"a\\u0001b\\u001f\\\\\\\"\\r\\t\\b\\f\\n\"", JsonWriter.write("a\u0001b\u001f\\\"\r\t\b\f\n"));
        assertEquals("\"x\\ud83dy\"", JsonWriter.write("x\uD83Dy"));
        assertEquals("\"\\ude00\"", JsonWriter.write("\uDE00"));
        assertEquals("\"\uD83D\uDE00/\u2028\"", JsonWriter.write("\uD83D\uDE00/\u2028"));
        String tricky = "\u0000\u007f\"\\ \uD83D\uDE00 \u00e9";
        assertEquals(tricky, JsonReader.parse(JsonWriter.write(tricky)));
    }

    @Test
    void genericValuesRoundTrip() {
        String text = "{\"a\":[1,2.50,-3E+2,true,false,null,\"s\"],\"b\":{\"c\":{}},\"d\":[]}";
        Object v = JsonReader.parse(text);
        assertEquals(v, JsonReader.parse(JsonWriter.write(v)));
        assertEquals(new BigDecimal("-300"), ((List<?>) ((JsonObject) v).get("a")).get(2), "no negative scale after reading");
        assertEquals("{\"a\":[1,2.50,-300,true,false,null,\"s\"],\"b\":{\"c\":{}},\"d\":[]}", JsonWriter.write(v));
    }

    @Test
    void prettyPrintsAndStaysTheSameValue() {
        String compact = "{\"a\":[1,{}],\"b\":\"x,{[\\\":\",\"c\":[]}";
        String pretty = CodecJson.pretty(compact);
        assertEquals("{\n  \"a\": [\n    1,\n    {}\n  ],\n  \"b\": \"x,{[\\\":\",\n  \"c\": []\n}", pretty);
        assertEquals(JsonReader.parse(compact), JsonReader.parse(pretty));
        String result = CodecJson.toJson(List.of(sampleResult()));
        assertEquals(JsonReader.parse(result), JsonReader.parse(CodecJson.pretty(result)));
    }
}
