package io.oncoaudit.api;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.PricedRunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 13's review list: GET /api/review/unclassified-drugs over this class's own run (filtered by its run id). */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class UnclassifiedDrugsReviewTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PricedRunFixture.Run run;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        synchronized (UnclassifiedDrugsReviewTests.class) {
            if (run == null) {
                run = PricedRunFixture.write(Files.createTempDirectory("mapi-review"), "R" + UUID.randomUUID().toString().substring(0, 6)
                        .toUpperCase(), LocalDate.of(2026, 3, 3), LocalDate.of(2026, 3, 17), "0.00");
                loader.load(run.dir(), "test", new PrintStream(System.err, true));
            }
        }
    }

    private static JsonNode get(io.restassured.specification.RequestSpecification r) throws Exception {
        return JSON.readTree(r.get("/api/review/unclassified-drugs").then().statusCode(200).extract().asString());
    }

    @Test
    void listsTheEncountersWithUnclassifiedDrugsNewestFirstWithCodeNdcAndReason() throws Exception {
        JsonNode page = get(Fixtures.auditor().queryParam("runId", run.runId()));
        // C4 (2026-03-17, two drugs) and C5 (2026-03-17); C1 and C3 have "[]" and C2 none: not listed
        assertEquals(2, page.get("total").asLong());
        List<String> claims = new ArrayList<>();
        page.get("items").forEach(i -> claims.add(i.get("claimId").asText()));
        String tag = run.findings().get(0).claimId().replace("-C1", "");
        assertEquals(List.of(tag + "-C4", tag + "-C5"), claims);
        JsonNode c4 = page.get("items").get(0);
        assertEquals(run.runId(), c4.get("runId").asText());
        assertEquals(run.commercial(), c4.get("payerId").asText());
        assertEquals("2026-03-17", c4.get("dateOfService").asText());
        assertEquals(PricedRunFixture.NPI_B, c4.get("billingNpi").asText());
        JsonNode nos = c4.get("drugs").get(0);
        assertEquals("J9999", nos.get("drugCode").asText());
        assertEquals("12345-6789-01", nos.get("ndc").asText(), "the NDC billed on the J9999 line");
        assertTrue(nos.get("reason").asText().contains("no class from a public source"));
        JsonNode noNdc = c4.get("drugs").get(1);
        assertEquals("J3490", noNdc.get("drugCode").asText());
        assertTrue(noNdc.get("ndc").isNull(), "no NDC billed on that line");
        assertEquals("Unclassified drugs", noNdc.get("drugName").asText());
        assertTrue(page.get("nextPage").isNull());
    }

    @Test
    void honoursTheEncounterFiltersAndPages() throws Exception {
        JsonNode medicare = get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("payerId", run.medicare()));
        assertEquals(1, medicare.get("total").asLong());
        assertEquals("J9045", medicare.get("items").get(0).get("drugs").get(0).get("drugCode").asText());
        assertEquals("1234-5678-90", medicare.get("items").get(0).get("drugs").get(0).get("ndc").asText());
        assertEquals(2, get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("from", "2026-03-17")
                .queryParam("to", "2026-03-17")).get("total").asLong());
        assertEquals(0, get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("to", "2026-03-16")).get("total").asLong());
        assertEquals(1, get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("billingNpi", PricedRunFixture.NPI_B))
                .get("total").asLong());
        JsonNode first = get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("size", 1));
        assertEquals(1, first.get("items").size());
        assertEquals(1, first.get("nextPage").asInt());
        JsonNode second = get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("size", 1).queryParam("page", 1));
        assertTrue(second.get("items").get(0).get("claimId").asText().endsWith("-C5"));
        assertTrue(second.get("nextPage").isNull());
    }

    @Test
    void findingOnlyFiltersUnknownPayersAndOtherRolesAreRefused() {
        for (String p : List.of("kind", "direction", "minAmount")) {
            Fixtures.auditor().queryParam(p, "X").get("/api/review/unclassified-drugs").then().statusCode(400).body("field", equalTo(p));
        }
        Fixtures.auditor().queryParam("payerId", "NO-SUCH-PAYER-" + UUID.randomUUID()).get("/api/review/unclassified-drugs")
                .then().statusCode(400).body("field", equalTo("payerId"));
        Fixtures.auditor().queryParam("size", "0").get("/api/review/unclassified-drugs").then().statusCode(400).body("field", equalTo("size"));
        Fixtures.finance().get("/api/review/unclassified-drugs").then().statusCode(403);
    }
}
