package io.oncoaudit.api;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class FindingsTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "findings", 250, 5);
    }

    @Test
    void keysetPagesWalkEveryFindingNewestFirstAndMatchOffsetPages() throws Exception {
        List<String> byCursor = new ArrayList<>();
        List<JsonNode> rows = new ArrayList<>();
        String cursor = null;
        do {
            var req = Fixtures.auditor().queryParam("runId", run.runId()).queryParam("size", 70);
            if (cursor != null) req = req.queryParam("cursor", cursor);
            JsonNode page = JSON.readTree(req.get("/api/findings").then().statusCode(200).extract().asString());
            for (JsonNode r : page.get("items")) {
                byCursor.add(r.get("claimId").asText() + "#" + r.get("findingIndex").asInt());
                rows.add(r);
            }
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
        } while (cursor != null);
        assertEquals(run.findings().size(), byCursor.size());
        List<String> expected = run.findings().stream()
                .sorted(Comparator.comparing(RunFixture.Finding::dos).reversed()
                        .thenComparing(RunFixture.Finding::claimId).thenComparing(RunFixture.Finding::findingIndex))
                .map(f -> f.claimId() + "#" + f.findingIndex()).toList();
        assertEquals(expected, byCursor);
        List<String> byOffset = new ArrayList<>();
        for (int p = 0; p * 70 < run.findings().size(); p++) {
            JsonNode page = JSON.readTree(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("size", 70)
                    .queryParam("page", p).get("/api/findings").asString());
            page.get("items").forEach(r -> byOffset.add(r.get("claimId").asText() + "#" + r.get("findingIndex").asInt()));
        }
        assertEquals(expected, byOffset);
        JsonNode first = rows.get(0);
        for (String key : List.of("claimId", "patientId", "dateOfService", "billingNpi", "payerId", "kind", "direction", "amount")) {
            assertTrue(first.hasNonNull(key), "item lacks " + key);
        }
        assertTrue(first.get("citations").isArray());
    }

    @Test
    void totalsSummedFromTheAggregatesEqualTheFindings() throws Exception {
        // run + payer + kind only: total=true is answered from summary_agg, the page from the covering index
        RunFixture.Finding probe = run.findings().get(3);
        JsonNode page = JSON.readTree(Fixtures.finance().queryParam("runId", run.runId())
                .queryParam("payerId", probe.payerId()).queryParam("kind", probe.kind())
                .queryParam("size", 5).queryParam("total", "true")
                .get("/api/findings").then().statusCode(200).extract().asString());
        long expected = run.findings().stream().filter(f -> f.payerId().equals(probe.payerId()) && f.kind().equals(probe.kind())).count();
        assertTrue(expected > 5);
        assertEquals(expected, page.get("total").asLong());
        assertEquals(5, page.get("items").size());
        JsonNode none = JSON.readTree(Fixtures.finance().queryParam("runId", "no-such-run").queryParam("total", "true")
                .get("/api/findings").then().statusCode(200).extract().asString());
        assertEquals(0, none.get("items").size());
        assertEquals(0, none.get("total").asLong());
    }

    @Test
    void everyFilterIsApplied() throws Exception {
        RunFixture.Finding probe = run.findings().get(10);
        JsonNode page = JSON.readTree(Fixtures.auditor().queryParam("runId", run.runId())
                .queryParam("payerId", probe.payerId()).queryParam("billingNpi", probe.billingNpi())
                .queryParam("kind", probe.kind()).queryParam("direction", probe.direction())
                .queryParam("from", "2026-02-01").queryParam("to", "2026-04-30")
                .queryParam("minAmount", "10.00").queryParam("maxAmount", "400.00")
                .queryParam("size", 1000).queryParam("total", "true")
                .get("/api/findings").then().statusCode(200).extract().asString());
        long expected = run.findings().stream().filter(f -> f.payerId().equals(probe.payerId())
                && f.billingNpi().equals(probe.billingNpi()) && f.kind().equals(probe.kind())
                && f.direction().equals(probe.direction())
                && !f.dos().isBefore(LocalDate.of(2026, 2, 1)) && !f.dos().isAfter(LocalDate.of(2026, 4, 30))
                && f.amount().compareTo(new BigDecimal("10.00")) >= 0 && f.amount().compareTo(new BigDecimal("400.00")) <= 0).count();
        assertEquals(expected, page.get("items").size());
        assertEquals(expected, page.get("total").asLong());
        for (JsonNode r : page.get("items")) {
            assertEquals(probe.payerId(), r.get("payerId").asText());
            assertEquals(probe.kind(), r.get("kind").asText());
        }
    }

    @Test
    void badParametersAnswerProblemJsonNamingTheField() {
        for (String[] bad : new String[][] {{"from", "yesterday"}, {"to", "2026-13-01"}, {"minAmount", "ten"},
                {"direction", "SIDEWAYS"}, {"size", "0"}, {"page", "-1"}, {"cursor", "garbage!"}, {"kind", "no such"}}) {
            Fixtures.auditor().queryParam(bad[0], bad[1]).get("/api/findings").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("status", equalTo(400)).body("field", equalTo(bad[0]));
        }
        Fixtures.finance().queryParam("by", "planet").get("/api/summary").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("by"));
        Fixtures.auditor().get("/api/encounters/NO-SUCH-CLAIM").then().statusCode(404)
                .contentType("application/problem+json").body("field", equalTo("claimId"));
    }

    @Test
    void encounterDetailShowsLinesSideBySideAdministrationsAndFindings() {
        RunFixture.Finding f = run.findings().get(0);
        long count = run.findings().stream().filter(x -> x.claimId().equals(f.claimId())).count();
        Fixtures.auditor().get("/api/encounters/" + f.claimId()).then().statusCode(200)
                .body("runId", equalTo(run.runId()))
                .body("billedLines", hasSize(2))
                .body("expectedLines", hasSize(2))
                .body("lineComparison.find { it.procedureCode == '96402' }.expectedUnits", equalTo(1))
                .body("lineComparison.find { it.procedureCode == '96372' }.billedUnits", equalTo(1.0f))
                .body("lineComparison.find { it.procedureCode == 'J9395' }.match", equalTo(true))
                .body("administrations[0].startTime", startsWith(f.dos().toString()))
                .body("findings", hasSize((int) count))
                .body("findings[0].citations[0]", equalTo("CMS Transmittal 129"))
                .body("findings[0].appealText", startsWith("Appeal for claim"));
    }

    @Test
    void auditorsRecordAStatusThatFindingsPagesShow() throws Exception {
        RunFixture.Finding f = run.findings().get(5);
        String body = "{\"runId\":\"" + run.runId() + "\",\"claimId\":\"" + f.claimId() + "\",\"findingIndex\":"
                + f.findingIndex() + ",\"status\":\"DISMISSED\",\"reason\":\"documented elsewhere\"}";
        Fixtures.auditor().contentType("application/json").body(body).put("/api/findings/status").then().statusCode(200)
                .body("status", equalTo("DISMISSED")).body("statusBy", equalTo(Fixtures.AUDITOR));
        Fixtures.auditor().queryParam("runId", run.runId()).queryParam("claimId", f.claimId()).get("/api/findings").then()
                .statusCode(200)
                .body("items.find { it.findingIndex == " + f.findingIndex() + " }.status", equalTo("DISMISSED"))
                .body("items.find { it.findingIndex == " + f.findingIndex() + " }.statusReason", equalTo("documented elsewhere"));
        Fixtures.auditor().contentType("application/json").body(body.replace(",\"reason\":\"documented elsewhere\"", ""))
                .put("/api/findings/status").then().statusCode(400).contentType("application/problem+json").body("field", equalTo("reason"));
        Fixtures.auditor().contentType("application/json").body(body.replace("DISMISSED", "MAYBE"))
                .put("/api/findings/status").then().statusCode(400).body("field", equalTo("status"));
        Fixtures.auditor().contentType("application/json").body(body.replace("\"findingIndex\":" + f.findingIndex(), "\"findingIndex\":99"))
                .put("/api/findings/status").then().statusCode(404).body("field", equalTo("findingIndex"));
        Fixtures.finance().contentType("application/json").body(body).put("/api/findings/status").then().statusCode(403);
        // the dashboard offers the change only when the OpenAPI document lists the operation
        Fixtures.auditor().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/api/findings/status'.put", org.hamcrest.Matchers.notNullValue());
    }
}
