package io.oncoaudit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.json.CodecJson.ParsedEncounter;
import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.model.ValidationError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CodecJsonParseTests {

    /** The contract example, edited as a JSON tree and parsed back through the codec. */
    private static ParsedEncounter parseEdited(Consumer<JsonObject> edit) {
        JsonObject root = (JsonObject) JsonReader.parse(ContractExample.ENCOUNTER);
        edit.accept(root);
        List<ParsedEncounter> out = CodecJson.parseEncounters(JsonWriter.write(root));
        assertEquals(1, out.size());
        return out.get(0);
    }

    private static JsonObject line(JsonObject root, int i) { return (JsonObject) ((List<?>) root.get("lines")).get(i); }

    private static JsonObject admin(JsonObject root, int i) {
        return (JsonObject) ((List<?>) root.get("administrations")).get(i);
    }

    private static ValidationError errorOf(Consumer<JsonObject> edit) {
        ParsedEncounter p = parseEdited(edit);
        assertFalse(p.ok(), "expected a rejected encounter");
        assertNull(p.encounter());
        return p.error();
    }

    @Test
    void readsTheContractExample() {
        List<ParsedEncounter> out = CodecJson.parseEncounters(ContractExample.ENCOUNTER);
        assertEquals(1, out.size());
        ParsedEncounter p = out.get(0);
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        assertEquals("C-1001", p.claimId());
        Encounter e = p.encounter();
        assertEquals("C-1001", e.claimId());
        assertEquals("P-77", e.patientId());
        assertEquals(LocalDate.of(2026, 3, 2), e.dateOfService());
        assertEquals("1234567893", e.billingNpi());
        assertNull(e.renderingNpi());
        assertEquals("MEDICARE", e.payerId());
        assertEquals("11", e.placeOfService());
        assertEquals(List.of("C50.911"), e.diagnosisCodes());
        assertEquals(2, e.lines().size());
        ClaimLine l1 = e.lines().get(0);
        assertEquals(1, l1.lineNumber());
        assertEquals("96372", l1.procedureCode());
        assertEquals(List.of(), l1.modifiers());
        assertEquals(new BigDecimal("1"), l1.units());
        assertEquals(new BigDecimal("60.00"), l1.chargeAmount());
        assertEquals(new BigDecimal("14.50"), l1.allowedAmount());
        assertEquals(new BigDecimal("11.60"), l1.paidAmount());
        ClaimLine l2 = e.lines().get(1);
        assertEquals(List.of("JZ"), l2.modifiers());
        assertEquals(new BigDecimal("20"), l2.units());
        assertNull(l2.allowedAmount());
        assertNull(l2.paidAmount());
        Administration a = e.administrations().get(0);
        assertEquals("A1", a.administrationId());
        assertEquals("J9395", a.drugCode());
        assertEquals(new BigDecimal("500"), a.dose());
        assertEquals(DoseUnit.MG, a.doseUnit());
        assertEquals(Route.IM, a.route());
        assertNull(a.startTime());
        assertFalse(a.pump());
        assertNull(a.accessSite());
    }

    @Test
    void readsAnArrayInInputOrder() {
        String json = "[" + ContractExample.withClaimId("C-2") + "," + ContractExample.withClaimId("C-1") + "]";
        List<ParsedEncounter> out = CodecJson.parseEncounters(json);
        assertEquals(List.of("C-2", "C-1"), out.stream().map(ParsedEncounter::claimId).toList());
        assertTrue(out.stream().allMatch(ParsedEncounter::ok));
        assertEquals(List.of(), CodecJson.parseEncounters(" [ ] "));
    }

    @Test
    void readsOptionalFieldsAndTheAccessSiteExtension() {
        ParsedEncounter p = parseEdited(root -> {
            root.put("renderingNpi", "1111111112");
            root.put("providerName", "Valley Oncology");
            root.put("payerName", "Medicare Part B");
            line(root, 1).put("ndc", "00069014301");
            JsonObject a = admin(root, 0);
            a.put("route", "IV");
            a.put("startTime", "2026-03-02T09:00");
            a.put("endTime", "2026-03-02T10:31:15");
            a.put("pump", true);
            a.put("wasted", new BigDecimal("12.5"));
            a.put("lesionCount", new BigDecimal("3"));
            a.put("accessSite", "port");
            a.put("drugName", "leuprolide");
        });
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        Encounter e = p.encounter();
        assertEquals("1111111112", e.renderingNpi());
        assertEquals("Valley Oncology", e.providerName());
        assertEquals("Medicare Part B", e.payerName());
        assertEquals("00069014301", e.lines().get(1).ndc());
        Administration a = e.administrations().get(0);
        assertEquals(Route.IV, a.route());
        assertEquals(LocalDateTime.of(2026, 3, 2, 9, 0), a.startTime());
        assertEquals(LocalDateTime.of(2026, 3, 2, 10, 31, 15), a.endTime());
        assertTrue(a.pump());
        assertEquals(new BigDecimal("12.5"), a.wasted());
        assertEquals(3, a.lesionCount());
        assertEquals("port", a.accessSite());
        assertEquals("leuprolide", a.drugName());
    }

    @ParameterizedTest
    @ValueSource(strings = {"claimId", "patientId", "dateOfService", "billingNpi", "payerId", "placeOfService",
            "diagnosisCodes", "lines"})
    void missingEncounterFieldIsNamed(String field) {
        ValidationError e = errorOf(root -> root.remove(field));
        assertEquals(new ValidationError(field, "is required"), e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"claimId", "patientId", "dateOfService", "billingNpi", "payerId", "placeOfService",
            "diagnosisCodes", "lines"})
    void nullEncounterFieldIsMissing(String field) {
        assertEquals(new ValidationError(field, "is required"), errorOf(root -> root.put(field, null)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"claimId", "patientId", "dateOfService", "billingNpi", "payerId", "placeOfService",
            "diagnosisCodes"})
    void blankEncounterFieldIsMissing(String field) {
        assertEquals(new ValidationError(field, "is required (it is empty)"), errorOf(root -> root.put(field, "  ")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"lineNumber", "procedureCode", "units", "chargeAmount"})
    void missingLineFieldIsNamedWithItsIndex(String field) {
        ValidationError e = errorOf(root -> line(root, 1).remove(field));
        assertEquals(new ValidationError("lines[1]." + field, "is required"), e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"administrationId", "drugCode", "dose", "doseUnit", "route"})
    void missingAdministrationFieldIsNamedWithItsIndex(String field) {
        ValidationError e = errorOf(root -> admin(root, 0).remove(field));
        assertEquals(new ValidationError("administrations[0]." + field, "is required"), e);
    }

    @Test
    void claimIdIsKeptWhenAnotherFieldIsBad() {
        ParsedEncounter p = parseEdited(root -> line(root, 0).put("units", "abc"));
        assertEquals("C-1001", p.claimId());
        assertEquals(new ValidationError("lines[0].units", "must be a number, not 'abc'"), p.error());
        ParsedEncounter noId = parseEdited(root -> root.remove("claimId"));
        assertNull(noId.claimId());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "IV             | startTime",
            "INTRA_ARTERIAL | startTime",
    })
    void timedRoutesNeedStartAndEnd(String route, String field) {
        ValidationError e = errorOf(root -> admin(root, 0).put("route", route));
        assertEquals("administrations[0]." + field, e.field());
        assertTrue(e.message().startsWith("is required when route is " + route), e.message());
        ValidationError noEnd = errorOf(root -> {
            admin(root, 0).put("route", route);
            admin(root, 0).put("startTime", "2026-03-02T09:00");
        });
        assertEquals("administrations[0].endTime", noEnd.field());
    }

    @ParameterizedTest
    @ValueSource(strings = {"SC", "IM", "INTRALESIONAL", "INTRATHECAL", "INTRAPLEURAL", "INTRAPERITONEAL", "ORAL"})
    void untimedRoutesNeedNoTimes(String route) {
        ParsedEncounter p = parseEdited(root -> admin(root, 0).put("route", route));
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        assertEquals(Route.valueOf(route), p.encounter().administrations().get(0).route());
    }

    @Test
    void unknownRouteAndDoseUnitUseTheModelMessages() {
        ValidationError route = errorOf(root -> admin(root, 0).put("route", "IVP"));
        assertEquals("administrations[0].route", route.field());
        assertTrue(route.message().startsWith("unknown route 'IVP'; expected one of IV"), route.message());
        ValidationError unit = errorOf(root -> admin(root, 0).put("doseUnit", "tablets"));
        assertEquals("administrations[0].doseUnit", unit.field());
        assertTrue(unit.message().startsWith("unknown dose unit 'tablets'"), unit.message());
    }

    @Test
    void routeAndUnitSpellingsAreLenientAsInTheModel() {
        ParsedEncounter p = parseEdited(root -> {
            admin(root, 0).put("route", "intra-arterial");
            admin(root, 0).put("startTime", "2026-03-02 09:00");
            admin(root, 0).put("endTime", "2026-03-02T09:40:00");
            admin(root, 0).put("doseUnit", "MCG");
        });
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        assertEquals(Route.INTRA_ARTERIAL, p.encounter().administrations().get(0).route());
        assertEquals(DoseUnit.MCG, p.encounter().administrations().get(0).doseUnit());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-13-01", "2026-02-30", "26-03-02", "2026-3-2", "2026/03/02", "+2026-03-02", "2026-03-02T09:00"})
    void rejectsDatesThatAreNotYyyyMmDd(String bad) {
        ValidationError e = errorOf(root -> root.put("dateOfService", bad));
        assertEquals(new ValidationError("dateOfService", "'" + bad + "' is not a YYYY-MM-DD date"), e);
    }

    @Test
    void rejectsADateGivenAsANumber() {
        ValidationError e = errorOf(root -> root.put("dateOfService", new BigDecimal("20260302")));
        assertEquals("dateOfService", e.field());
        assertEquals("must be a YYYY-MM-DD date string, not the number 20260302", e.message());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2026-03-02T25:00", "2026-03-02T09:00Z", "2026-03-02T09:00:00+01:00", "2026-03-02T9:00",
            "2026-03-02T09:00:00.", "2026-03-02T09:00.5", "09:00", "2026-03-02"})
    void rejectsTimestampsOutsideTheContractForm(String bad) {
        ValidationError e = errorOf(root -> {
            admin(root, 0).put("route", "IV");
            admin(root, 0).put("startTime", bad);
            admin(root, 0).put("endTime", "2026-03-02T10:00");
        });
        assertEquals(new ValidationError("administrations[0].startTime",
                "'" + bad + "' is not a YYYY-MM-DDTHH:MM[:SS] local timestamp"), e);
    }

    /** Fractions of a second are read as the batch reads them (audit-batch Cells), so JSON and CSV agree. */
    @ParameterizedTest
    @CsvSource({"2026-03-02T10:31:15.5,500000000", "2026-03-02T10:31:15.123456789,123456789", "2026-03-02 10:31:15.0,0"})
    void acceptsFractionsOfASecondAsTheBatchDoes(String end, int nanos) {
        ParsedEncounter p = parseEdited(root -> {
            admin(root, 0).put("route", "IV");
            admin(root, 0).put("startTime", "2026-03-02T09:00");
            admin(root, 0).put("endTime", end);
        });
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        assertEquals(LocalDateTime.of(2026, 3, 2, 10, 31, 15, nanos), p.encounter().administrations().get(0).endTime());
    }

    @Test
    void reportsWrongTypesWithThePath() {
        assertEquals(new ValidationError("lines[1].units", "must be a number, not true"),
                errorOf(root -> line(root, 1).put("units", true)));
        assertEquals(new ValidationError("lines[0].chargeAmount", "must be a number, not an object"),
                errorOf(root -> line(root, 0).put("chargeAmount", new JsonObject())));
        assertEquals(new ValidationError("lines[0].lineNumber", "must be a whole number, not 1.5"),
                errorOf(root -> line(root, 0).put("lineNumber", new BigDecimal("1.5"))));
        assertEquals(new ValidationError("patientId", "must be a string, not an array"),
                errorOf(root -> root.put("patientId", List.of("P"))));
        assertEquals(new ValidationError("lines", "must be an array of claim line objects, not an object"),
                errorOf(root -> root.put("lines", new JsonObject())));
        assertEquals(new ValidationError("lines[1]", "must be a JSON object (a claim line), not the string 'x'"),
                errorOf(root -> ((List<Object>) root.get("lines")).set(1, "x")));
        assertEquals(new ValidationError("administrations", "must be an array of administration objects, not the string 'A1'"),
                errorOf(root -> root.put("administrations", "A1")));
        assertEquals(new ValidationError("diagnosisCodes[1]", "must be a string, not an object"),
                errorOf(root -> root.put("diagnosisCodes", List.of("C50.911", new JsonObject()))));
        assertEquals(new ValidationError("lines[0].modifiers", "must be an array of strings, not true"),
                errorOf(root -> line(root, 0).put("modifiers", true)));
        assertEquals(new ValidationError("administrations[0].pump", "must be true or false, not the string 'maybe'"),
                errorOf(root -> admin(root, 0).put("pump", "maybe")));
        assertEquals(new ValidationError("administrations[0].lesionCount", "must be a whole number, not 2.5"),
                errorOf(root -> admin(root, 0).put("lesionCount", new BigDecimal("2.5"))));
        assertEquals(new ValidationError("administrations[0].dose", "must be a number, not '500 mg'"),
                errorOf(root -> admin(root, 0).put("dose", "500 mg")));
        assertEquals("lines[0].lineNumber",
                errorOf(root -> line(root, 0).put("lineNumber", new BigDecimal("3000000000"))).field());
    }

    @Test
    void reportsTheFirstProblemInContractOrder() {
        ValidationError e = errorOf(root -> {
            root.remove("payerId");
            line(root, 0).remove("units");
        });
        assertEquals("payerId", e.field());
    }

    @Test
    void acceptsBarSeparatedStringsForListFields() {
        ParsedEncounter p = parseEdited(root -> {
            root.put("diagnosisCodes", "C50.911| Z51.11 ");
            line(root, 0).put("modifiers", " 59 | | XU|");
            line(root, 0).put("adjustmentReasonCodes", "CO-97|CO-16");
            line(root, 0).put("remarkCodes", "N122");
        });
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        ClaimLine l = p.encounter().lines().get(0);
        assertEquals(List.of("C50.911", "Z51.11"), p.encounter().diagnosisCodes());
        assertEquals(List.of("59", "XU"), l.modifiers());
        assertEquals(List.of("CO-97", "CO-16"), l.adjustmentReasonCodes());
        assertEquals(List.of("N122"), l.remarkCodes());
    }

    @Test
    void requiredListsMustNotBeEmpty() {
        assertEquals(new ValidationError("diagnosisCodes", "is required (it is empty)"),
                errorOf(root -> root.put("diagnosisCodes", List.of())));
        assertEquals(new ValidationError("diagnosisCodes", "is required (it is empty)"),
                errorOf(root -> root.put("diagnosisCodes", " | ")));
        assertEquals("lines", errorOf(root -> root.put("lines", List.of())).field());
        ParsedEncounter claimsOnly = parseEdited(root -> root.put("administrations", List.of()));
        assertTrue(claimsOnly.ok());
        assertTrue(claimsOnly.encounter().claimsOnly());
        ParsedEncounter absent = parseEdited(root -> root.remove("administrations"));
        assertTrue(absent.ok());
        assertTrue(absent.encounter().claimsOnly());
    }

    @Test
    void takesNumbersForCodesAndNumericStringsForNumbers() {
        ParsedEncounter p = parseEdited(root -> {
            root.put("placeOfService", new BigDecimal("11"));
            root.put("billingNpi", new BigDecimal("1234567893"));
            line(root, 1).put("units", " 20 ");
            line(root, 1).put("procedureCode", new BigDecimal("96413"));
            line(root, 1).put("modifiers", List.of(new BigDecimal("59")));
            admin(root, 0).put("pump", "TRUE");
        });
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        Encounter e = p.encounter();
        assertEquals("11", e.placeOfService());
        assertEquals("1234567893", e.billingNpi());
        assertEquals(new BigDecimal("20"), e.lines().get(1).units());
        assertEquals("96413", e.lines().get(1).procedureCode());
        assertEquals(List.of("59"), e.lines().get(1).modifiers());
        assertTrue(e.administrations().get(0).pump());
    }

    @Test
    void trimsStringsAndIgnoresUnknownFields() {
        ParsedEncounter p = parseEdited(root -> {
            root.put("claimId", "  C-9 ");
            root.put("somethingElse", List.of(1, 2));
            line(root, 0).put("revenueCode", "0636");
        });
        assertTrue(p.ok());
        assertEquals("C-9", p.encounter().claimId());
        assertEquals("C-9", p.claimId());
    }

    @Test
    void leavesValueRulesToTheRecoderValidator() {
        // dose <= 0, negative units, end before start, bad NPI, duplicate line numbers: typed correctly,
        // so the codec accepts them and the recoder's validator decides (one rule set for batch and CLI).
        ParsedEncounter p = parseEdited(root -> {
            root.put("billingNpi", "123");
            line(root, 0).put("units", new BigDecimal("-1"));
            line(root, 1).put("lineNumber", new BigDecimal("1"));
            admin(root, 0).put("dose", BigDecimal.ZERO);
            admin(root, 0).put("route", "IV");
            admin(root, 0).put("startTime", "2026-03-02T10:00");
            admin(root, 0).put("endTime", "2026-03-02T09:00");
        });
        assertTrue(p.ok(), () -> String.valueOf(p.error()));
        assertEquals(new BigDecimal("-1"), p.encounter().lines().get(0).units());
    }

    @Test
    void rejectsDuplicatedKnownFieldsAsAmbiguous() {
        String json = ContractExample.ENCOUNTER.replace("\"units\": 20,", "\"units\": 20, \"units\": 2,");
        ParsedEncounter p = CodecJson.parseEncounters(json).get(0);
        assertEquals(new ValidationError("lines[1].units", "appears more than once in the object; give it once"), p.error());
        assertEquals("C-1001", p.claimId());
        String unknownTwice = ContractExample.ENCOUNTER.replace("\"units\": 20,", "\"note\": 1, \"note\": 2, \"units\": 20,");
        assertTrue(CodecJson.parseEncounters(unknownTwice).get(0).ok());
    }

    @Test
    void oneBadEncounterDoesNotStopTheOthers() {
        String bad = ContractExample.withClaimId("C-2").replace("\"route\": \"IM\"", "\"route\": \"XX\"");
        String json = "[" + ContractExample.withClaimId("C-1") + ", 42, " + bad + ", \"C-x\", null, []," + ContractExample.withClaimId("C-3") + "]";
        List<ParsedEncounter> out = CodecJson.parseEncounters(json);
        assertEquals(7, out.size());
        assertTrue(out.get(0).ok());
        assertEquals(new ValidationError("encounter", "must be a JSON object {\"claimId\": ...}, not the number 42"), out.get(1).error());
        assertEquals("administrations[0].route", out.get(2).error().field());
        assertEquals("C-2", out.get(2).claimId());
        assertEquals("encounter", out.get(3).error().field());
        assertEquals("encounter", out.get(4).error().field());
        assertEquals("must be a JSON object {\"claimId\": ...}, not an array", out.get(5).error().message());
        assertTrue(out.get(6).ok());
        assertEquals("C-3", out.get(6).encounter().claimId());
    }

    @Test
    void aTopLevelScalarIsOneRejectedEncounter() {
        List<ParsedEncounter> out = CodecJson.parseEncounters("\"hello\"");
        assertEquals(1, out.size());
        assertNull(out.get(0).claimId());
        assertEquals("encounter", out.get(0).error().field());
    }

    @Test
    void malformedJsonThrowsWithOffset() {
        String text = ContractExample.ENCOUNTER.replace("\"P-77\",", "\"P-77\"");
        JsonSyntaxException e = assertThrows(JsonSyntaxException.class, () -> CodecJson.parseEncounters(text));
        assertEquals(text.indexOf("\"dateOfService\""), e.offset());
        assertNotNull(e.getMessage());
    }
}
