package io.oncoaudit.core.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.FindingPricing;
import io.oncoaudit.core.model.PumpOwner;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.model.UnclassifiedDrug;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The optional contract columns of sections 1 and 5 (claim type, bill type, ...) and the result's extensions. */
class CodecOptionalColumnsTests {
    private static final String INSTITUTIONAL = """
            {"claimId": "H-1", "patientId": "P-1", "dateOfService": "2025-10-02", "billingNpi": "1234567893",
             "payerId": "MEDICARE", "placeOfService": "22", "diagnosisCodes": ["C50.911"],
             "claimType": "institutional", "billType": "131", "memberId": "1EG4TE5MK73", "patientName": "DOE, JANE",
             "payerClaimNumber": "ICN-77",
             "lines": [{"lineNumber": 1, "procedureCode": "96413", "units": 1, "chargeAmount": 900, "revenueCode": "0335"}],
             "administrations": [{"administrationId": "A1", "drugCode": "J9190", "dose": 2400, "doseUnit": "mg",
               "route": "IV", "startTime": "2025-10-02T09:00", "endTime": "2025-10-02T09:30", "pump": true,
               "pumpOwner": "practice", "separateSiteReason": "protocol requires two IV sites"},
              {"administrationId": "A2", "drugCode": "J9226", "dose": 50, "doseUnit": "mg", "route": "implant"},
              {"administrationId": "A3", "drugCode": "J9030", "dose": 50, "doseUnit": "mg", "route": "INTRAVESICAL"}]}
            """;

    @Test
    void readsTheOptionalClaimLineAndAdministrationColumns() {
        Encounter e = CodecJson.parseEncounters(INSTITUTIONAL).get(0).encounter();
        assertEquals(ClaimType.INSTITUTIONAL, e.claimType());
        assertEquals("131", e.billType());
        assertTrue(e.hospitalOutpatient());
        assertEquals("1EG4TE5MK73", e.memberId());
        assertEquals("DOE, JANE", e.patientName());
        assertEquals("ICN-77", e.payerClaimNumber());
        assertEquals("0335", e.lines().get(0).revenueCode());
        assertEquals(PumpOwner.PRACTICE, e.administrations().get(0).pumpOwner());
        assertEquals("protocol requires two IV sites", e.administrations().get(0).separateSiteReason());
        assertEquals(Route.IMPLANT, e.administrations().get(1).route());
        assertEquals(Route.INTRAVESICAL, e.administrations().get(2).route());
        assertNull(e.administrations().get(1).pumpOwner(), "blank owner is unknown");
    }

    @Test
    void absentOptionalColumnsMeanAProfessionalClaim() {
        Encounter e = CodecJson.parseEncounters(INSTITUTIONAL.replace("\"claimType\": \"institutional\",", "")
                .replace("\"billType\": \"131\",", "")).get(0).encounter();
        assertEquals(ClaimType.PROFESSIONAL, e.claimType());
        assertTrue(!e.hospitalOutpatient());
    }

    @Test
    void anUnknownClaimTypeOrPumpOwnerNamesTheField() {
        var bad = CodecJson.parseEncounters(INSTITUTIONAL.replace("institutional", "dental")).get(0);
        assertEquals("claimType", bad.error().field());
        var owner = CodecJson.parseEncounters(INSTITUTIONAL.replace("\"practice\"", "\"clinic\"")).get(0);
        assertEquals("administrations[0].pumpOwner", owner.error().field());
    }

    @Test
    void anEncounterWithTheOptionalColumnsRoundTrips() {
        Encounter e = CodecJson.parseEncounters(INSTITUTIONAL).get(0).encounter();
        Encounter again = CodecJson.parseEncounters(CodecJson.toJson(e)).get(0).encounter();
        assertEquals(e, again);
    }

    @Test
    void writesPricingDetailsAndUnclassifiedDrugsOnlyWhenPresent() {
        Finding f = new Finding(FindingKind.DOWNCODED_TO_96372, "R", "96372", "96401", 1, 1, Direction.COMPLIANCE,
                new BigDecimal("0.00"), "e", List.of("CPT"), "a", 1, List.of("internal note"),
                new FindingPricing(new BigDecimal("71.17"), null, new BigDecimal("71.17"), null, null, "OPPS 2025-10",
                        "same APC 5692"), Map.of("apc", "5692"));
        RecodeResult r = new RecodeResult("C", List.of(), List.of(f), BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                List.of(), null, List.of(new UnclassifiedDrug("A9", "J3490", "unlisted drug", "not classified")));
        String json = CodecJson.toJson(r);
        assertTrue(json.contains("\"pricing\":{\"billedPrice\":71.17,\"expectedPrice\":71.17,\"tableVersion\":\"OPPS 2025-10\","
                + "\"note\":\"same APC 5692\"}"), json);
        assertTrue(json.contains("\"details\":{\"apc\":\"5692\"}"), json);
        assertTrue(json.contains("\"unclassifiedDrugs\":[{\"administrationId\":\"A9\",\"drugCode\":\"J3490\","
                + "\"drugName\":\"unlisted drug\",\"reason\":\"not classified\"}]"), json);
        assertTrue(!json.contains("internal note"), "provenance is internal: never in the contract JSON");
        String plain = CodecJson.toJson(new RecodeResult("C", List.of(), List.of(), BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO, List.of(), null));
        assertTrue(!plain.contains("unclassifiedDrugs") && !plain.contains("pricing"), plain);
    }
}
