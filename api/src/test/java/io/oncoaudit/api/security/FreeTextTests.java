package io.oncoaudit.api.security;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, hole 4: an auditor's campaign note naming a patient was shown verbatim to finance. Now free
 * text naming a patient id of a loaded run is refused on write (400 naming the field). Before the fix
 * there was no check at all (by reading the code; this test was not run against it).
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class FreeTextTests {
    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @Test
    void freeTextNamingAPatientIsRefusedWhereverFinanceReadsIt() throws Exception {
        Fixtures.users(users);
        RunFixture.Run run = Fixtures.run(loader, "freetext", 60, 17);
        RunFixture.Finding f = run.findings().get(0);
        String patient = f.patientId();

        Fixtures.auditor().contentType("application/json")
                .body(Map.of("name", "Follow up " + patient.toLowerCase() + ", UHC", "filter", Map.of("runId", run.runId())))
                .post("/api/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("name")).body("detail", containsString("patient"));
        int id = Fixtures.auditor().contentType("application/json")
                .body(Map.of("name", "Follow up claim " + f.claimId(), "filter", Map.of("runId", run.runId(), "payerId", f.payerId())))
                .post("/api/campaigns").then().statusCode(201).extract().path("id");
        Fixtures.auditor().contentType("application/json").body(Map.of("note", "called about (" + patient + ")"))
                .patch("/api/campaigns/" + id + "/claims/" + f.claimId()).then().statusCode(400).body("field", equalTo("note"));
        Fixtures.auditor().contentType("application/json").body(Map.of("note", "payer asked for the MAR"))
                .patch("/api/campaigns/" + id + "/claims/" + f.claimId()).then().statusCode(200);
        Fixtures.auditor().contentType("application/json")
                .body(Map.of("runId", run.runId(), "claimId", f.claimId(), "findingIndex", f.findingIndex(), "status", "DISMISSED",
                        "reason", "duplicate of " + patient + "'s other visit"))
                .put("/api/findings/status").then().statusCode(400).body("field", equalTo("reason"));

        for (String path : new String[] {"/api/campaigns", "/api/campaigns/" + id, "/api/campaigns/recovery"}) {
            String body = Fixtures.finance().get(path).then().statusCode(200).extract().asString();
            assertFalse(body.contains(patient), path + " shows finance a patient id");
        }
    }
}
