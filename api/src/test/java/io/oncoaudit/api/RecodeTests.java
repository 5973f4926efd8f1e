package io.oncoaudit.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.oncoaudit.core.json.CodecJson;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.ReferenceTables;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class RecodeTests {
    /** Contract section 5's example: 96372 billed for an IM antineoplastic. */
    static final String ENCOUNTER = """
            {"claimId": "C-1001", "patientId": "P-77", "dateOfService": "2026-03-02", "billingNpi": "1234567893",
             "payerId": "MEDICARE", "placeOfService": "11", "diagnosisCodes": ["C50.911"],
             "lines": [
               {"lineNumber": 1, "procedureCode": "96372", "modifiers": [], "units": 1,
                "chargeAmount": 60.00, "allowedAmount": 14.50, "paidAmount": 11.60,
                "adjustmentReasonCodes": [], "remarkCodes": []},
               {"lineNumber": 2, "procedureCode": "J9395", "modifiers": ["JZ"], "units": 20, "chargeAmount": 2400.00}],
             "administrations": [
               {"administrationId": "A1", "drugCode": "J9395", "dose": 500, "doseUnit": "mg", "route": "IM"}]}""";
    static final String INVALID = ENCOUNTER.replace("\"C-1001\"", "\"C-BAD\"").replace("\"2026-03-02\"", "\"2026-02-30\"");

    @Inject
    UserService users;

    @BeforeEach
    void setUp() { Fixtures.users(users); }

    /** What bin/oncoaudit recode computes for the same text (its default tables and fee schedule). */
    private static List<RecodeResult> cli(String json) {
        Recoder recoder = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());
        return CodecJson.parseEncounters(json).stream()
                .map(p -> p.ok() ? recoder.recode(p.encounter()) : RecodeResult.rejected(p.claimId(), p.error())).toList();
    }

    @Test
    void oneEncounterGivesTheCliResultByteForByte() {
        String body = Fixtures.finance().contentType("application/json").body(ENCOUNTER).post("/api/recode")
                .then().statusCode(200).contentType("application/json").extract().asString();
        assertEquals(CodecJson.toJson(cli(ENCOUNTER).get(0)), body);
        assertTrue(body.contains("DOWNCODED_TO_96372"), body);
    }

    @Test
    void anArrayGivesAnArrayInInputOrderAnd400WhenOneIsInvalid() {
        String ok = "[" + ENCOUNTER + "," + ENCOUNTER.replace("C-1001", "C-1002") + "]";
        String body = Fixtures.auditor().contentType("application/json").body(ok).post("/api/recode")
                .then().statusCode(200).body("claimId", equalTo(List.of("C-1001", "C-1002"))).extract().asString();
        assertEquals(CodecJson.toJson(cli(ok)), body);

        String mixed = "[" + ENCOUNTER + "," + INVALID + "]";
        String bad = Fixtures.auditor().contentType("application/json").body(mixed).post("/api/recode")
                .then().statusCode(400)
                .body("[0].claimId", equalTo("C-1001"))
                .body("[1].claimId", equalTo("C-BAD"))
                .body("[1].error.field", not(emptyOrNullString()))
                .extract().asString();
        assertEquals(CodecJson.toJson(cli(mixed)), bad, "the same bytes the CLI prints when it exits 3");
    }

    @Test
    void oneInvalidEncounterIs400WithTheErrorShapeAsProblemJson() {
        RecodeResult expected = cli(INVALID).get(0);
        assertTrue(expected.isError());
        Fixtures.auditor().contentType("application/json").body(INVALID).post("/api/recode")
                .then().statusCode(400).contentType("application/problem+json")
                .body("claimId", equalTo("C-BAD"))
                .body("error.field", equalTo(expected.error().field()))
                .body("error.message", equalTo(expected.error().message()))
                .body("field", equalTo(expected.error().field()))
                .body("status", equalTo(400));
    }

    @Test
    void textThatIsNotJsonIs400ProblemJson() {
        Fixtures.auditor().contentType("application/json").body("{\"claimId\": ").post("/api/recode")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
        Fixtures.auditor().contentType("application/json").body("").post("/api/recode")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo("body"));
    }
}
