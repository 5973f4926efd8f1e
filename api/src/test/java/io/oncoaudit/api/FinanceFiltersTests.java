package io.oncoaudit.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, finance: every list or sum endpoint honours every filter of contract section 8, refuses an
 * unknown parameter, payer or kind, never adds directions together, sorts and groups the worklist, drills
 * down payer -> provider -> kind -> claims, and gives the deadline-adjusted recoverable amount. Every
 * expected figure is computed here from the fixture's own rows.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class FinanceFiltersTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "finance-filters", 300, 23);
    }

    @Test
    void summaryByKindHonoursThePayerFilterAndGivesEachDirectionOnItsOwn() throws Exception {
        JsonNode rows = get(Map.of("by", "kind", "runId", run.runId(), "payerId", "UHC"));
        Map<String, BigDecimal[]> expected = group(f -> f.payerId().equals("UHC"), RunFixture.Finding::kind);
        assertEquals(expected.keySet(), keys(rows, "kind"));
        for (JsonNode r : rows) {
            BigDecimal[] m = expected.get(r.get("kind").asText());
            assertMoney(m, r, "kind " + r.get("kind"));
            // summary.json's amount: both directions' money, kept; the three directions are never added in a total
            assertEquals(0, m[1].add(m[2]).add(m[3]).compareTo(r.get("amount").decimalValue()));
        }
        // the unfiltered answer is larger: the filter was not ignored
        long all = 0, uhc = 0;
        for (JsonNode r : get(Map.of("by", "kind", "runId", run.runId()))) all += r.get("findings").asLong();
        for (JsonNode r : rows) uhc += r.get("findings").asLong();
        assertTrue(uhc > 0 && uhc < all, uhc + " of " + all);
    }

    @Test
    void everyGroupingHonoursEveryFilter() throws Exception {
        String npi = RunFixture.NPIS.get(1);
        LocalDate from = LocalDate.of(2026, 2, 1), to = LocalDate.of(2026, 4, 15);
        Predicate<RunFixture.Finding> match = f -> f.billingNpi().equals(npi) && f.kind().equals("DRUG_UNITS")
                && !f.dos().isBefore(from) && !f.dos().isAfter(to);
        Map<String, String> filter = Map.of("runId", run.runId(), "billingNpi", npi, "kind", "DRUG_UNITS",
                "from", from.toString(), "to", to.toString());
        Map<String, Function<RunFixture.Finding, String>> groupings = Map.of(
                "payer", RunFixture.Finding::payerId, "provider", RunFixture.Finding::billingNpi,
                "kind", RunFixture.Finding::kind, "month", f -> f.dos().toString().substring(0, 7),
                "payer-provider", f -> f.payerId() + "/" + f.billingNpi());
        for (var g : groupings.entrySet()) {
            Map<String, String> q = new TreeMap<>(filter);
            q.put("by", g.getKey());
            JsonNode rows = get(q);
            Map<String, BigDecimal[]> expected = group(match, g.getValue());
            assertEquals(expected.size(), rows.size(), "rows by " + g.getKey());
            for (JsonNode r : rows) {
                String key = switch (g.getKey()) {
                    case "payer" -> r.get("payerId").asText();
                    case "provider" -> r.get("billingNpi").asText();
                    case "kind" -> r.get("kind").asText();
                    case "month" -> r.get("month").asText();
                    default -> r.get("payerId").asText() + "/" + r.get("billingNpi").asText();
                };
                assertMoney(expected.get(key), r, g.getKey() + " " + key);
            }
        }
        // the totals too, and the direction and amount filters
        Map<String, String> q = new TreeMap<>(filter);
        q.put("direction", "DENIAL");
        q.put("minAmount", "100.00");
        JsonNode totals = get(q);
        BigDecimal[] m = group(match.and(f -> f.direction().equals("DENIAL") && f.amount().compareTo(new BigDecimal("100")) >= 0),
                f -> "all").getOrDefault("all", zero());
        assertMoney(m, totals, "totals");
        assertEquals(0, totals.get("underpayment").decimalValue().signum());
    }

    @Test
    void unknownParametersPayersAndKindsAreRefusedByName() throws Exception {
        for (String path : List.of("/api/summary", "/api/findings", "/api/findings/export.csv", "/api/findings/export.xlsx",
                "/api/summary/export.xlsx")) {
            Fixtures.finance().queryParam("payer", "UHC").get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("payer"))
                    .body("detail", containsString("payerId"));
            Fixtures.finance().queryParam("payerId", "UHX").get(path).then().statusCode(400)
                    .body("field", equalTo("payerId")).body("detail", containsString("'UHX' is not a known payer"))
                    .body("detail", containsString("AETNA")).body("detail", containsString("MEDICARE"))
                    .body("detail", containsString("UHC"));
            Fixtures.finance().queryParam("kind", "DRUG_UNIT").get(path).then().statusCode(400)
                    .body("field", equalTo("kind")).body("detail", containsString("DRUG_UNITS"));
        }
        Fixtures.finance().queryParam("by", "kind").queryParam("sort", "amount").get("/api/summary").then().statusCode(400)
                .body("field", equalTo("sort"));
        // unauthenticated: 401 first, whatever the parameters
        io.restassured.RestAssured.given().queryParam("nope", "1").get("/api/summary").then().statusCode(401);
    }

    @Test
    void theWorklistSortsByAmountDateAndPayerAndGroupsWithPages() throws Exception {
        List<RunFixture.Finding> uhc = run.findings().stream().filter(f -> f.payerId().equals("UHC")).toList();
        List<JsonNode> byAmount = walk(Map.of("runId", run.runId(), "payerId", "UHC", "sort", "amount"), 40);
        assertEquals(uhc.size(), byAmount.size(), "every finding once over the pages");
        List<BigDecimal> amounts = byAmount.stream().map(r -> r.get("amount").decimalValue()).toList();
        List<BigDecimal> sorted = uhc.stream().map(RunFixture.Finding::amount).sorted(Comparator.reverseOrder()).toList();
        for (int i = 0; i < sorted.size(); i++) assertEquals(0, sorted.get(i).compareTo(amounts.get(i)), "largest first at " + i);

        List<JsonNode> ascending = walk(Map.of("runId", run.runId(), "sort", "amount", "order", "asc"), 100);
        for (int i = 1; i < ascending.size(); i++) {
            assertTrue(ascending.get(i - 1).get("amount").decimalValue().compareTo(ascending.get(i).get("amount").decimalValue()) <= 0);
        }
        List<JsonNode> byPayer = walk(Map.of("runId", run.runId(), "sort", "payer"), 100);
        assertEquals(run.findings().size(), byPayer.size());
        for (int i = 1; i < byPayer.size(); i++) {
            assertTrue(byPayer.get(i - 1).get("payerId").asText().compareTo(byPayer.get(i).get("payerId").asText()) <= 0);
        }
        // grouped by provider, largest first inside each group
        List<JsonNode> grouped = walk(Map.of("runId", run.runId(), "group", "provider", "sort", "amount"), 100);
        assertEquals(run.findings().size(), grouped.size());
        for (int i = 1; i < grouped.size(); i++) {
            JsonNode a = grouped.get(i - 1), b = grouped.get(i);
            int g = a.get("billingNpi").asText().compareTo(b.get("billingNpi").asText());
            assertTrue(g < 0 || (g == 0 && a.get("amount").decimalValue().compareTo(b.get("amount").decimalValue()) >= 0), "at " + i);
        }
        List<JsonNode> byKind = walk(Map.of("runId", run.runId(), "group", "kind"), 100);
        for (int i = 1; i < byKind.size(); i++) {
            assertTrue(byKind.get(i - 1).get("kind").asText().compareTo(byKind.get(i).get("kind").asText()) <= 0);
        }
        Fixtures.finance().queryParam("sort", "size").get("/api/findings").then().statusCode(400).body("field", equalTo("sort"));
        Fixtures.finance().queryParam("group", "payer").get("/api/findings").then().statusCode(400).body("field", equalTo("group"));
    }

    @Test
    void theDrillDownGoesPayerProviderKindClaimsEncounter() throws Exception {
        String payer = "MEDICARE";
        JsonNode providers = get(Map.of("by", "provider", "runId", run.runId(), "payerId", payer));
        String npi = providers.get(0).get("billingNpi").asText();
        assertEquals(group(f -> f.payerId().equals(payer), RunFixture.Finding::billingNpi).keySet(), keys(providers, "billingNpi"));
        JsonNode kinds = get(Map.of("by", "kind", "runId", run.runId(), "payerId", payer, "billingNpi", npi));
        String kind = kinds.get(0).get("kind").asText();
        Predicate<RunFixture.Finding> match = f -> f.payerId().equals(payer) && f.billingNpi().equals(npi) && f.kind().equals(kind);
        Map<String, BigDecimal[]> byClaim = group(match, RunFixture.Finding::claimId);
        List<JsonNode> claims = new ArrayList<>();
        int page = 0;
        JsonNode p;
        do {
            p = get(Map.of("by", "claim", "runId", run.runId(), "payerId", payer, "billingNpi", npi, "kind", kind,
                    "page", String.valueOf(page++), "size", "3"));
            p.get("items").forEach(claims::add);
            assertEquals(byClaim.size(), p.get("total").asLong());
        } while (p.get("items").size() == 3);
        assertEquals(byClaim.keySet(), claims.stream().map(r -> r.get("claimId").asText()).collect(Collectors.toSet()));
        for (JsonNode c : claims) assertMoney(byClaim.get(c.get("claimId").asText()), c, "claim " + c.get("claimId"));
        for (int i = 1; i < claims.size(); i++) {
            assertTrue(total(claims.get(i - 1)).compareTo(total(claims.get(i))) >= 0, "largest claim first");
        }
        String claimId = claims.get(0).get("claimId").asText();
        Fixtures.auditor().queryParam("runId", run.runId()).get("/api/encounters/" + claimId).then().statusCode(200)
                .body("claimId", equalTo(claimId));
    }

    @Test
    void theOverviewGivesTheDeadlineAdjustedRecoverableAmount() throws Exception {
        LocalDate asOf = LocalDate.of(2026, 8, 1);
        JsonNode totals = get(Map.of("runId", run.runId(), "asOf", asOf.toString()));
        JsonNode rec = totals.get("recoverable");
        // by hand from application.properties: the determination is estimated 30 days after the date of service;
        // Medicare: denial by redetermination (120 days + 5 days' receipt), any by reopening (1 year + 5);
        // UHC and Aetna: appeal 180 days for underpayment and denial
        BigDecimal inTime = BigDecimal.ZERO, late = BigDecimal.ZERO;
        for (RunFixture.Finding f : run.findings()) {
            if (f.direction().equals("OVERPAYMENT")) continue;
            LocalDate determination = f.dos().plusDays(30);
            LocalDate due = f.payerId().equals("MEDICARE") ? determination.plusDays(5).plusYears(1) : determination.plusDays(180);
            if (asOf.isAfter(due)) late = late.add(f.amount());
            else inTime = inTime.add(f.amount());
        }
        assertEquals(0, inTime.compareTo(rec.get("recoverable").decimalValue()), "recoverable " + rec);
        assertEquals(0, late.compareTo(rec.get("expired").decimalValue()), "expired " + rec);
        assertTrue(late.signum() > 0 && inTime.signum() > 0, "the date splits the fixture: " + rec);
        assertEquals(true, rec.get("estimated").asBoolean());
        BigDecimal all = totals.get("underpayment").decimalValue().add(totals.get("denial").decimalValue());
        assertEquals(0, all.compareTo(inTime.add(late)));
    }

    // --- helpers

    private List<JsonNode> walk(Map<String, String> query, int size) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        Integer page = 0;
        while (page != null) {
            RequestSpecification r = Fixtures.finance();
            for (var e : query.entrySet()) r = r.queryParam(e.getKey(), e.getValue());
            JsonNode p = JSON.readTree(r.queryParam("size", size).queryParam("page", page).get("/api/findings")
                    .then().statusCode(200).extract().asString());
            p.get("items").forEach(out::add);
            assertNull(p.get("nextCursor").isNull() ? null : p.get("nextCursor"), "sorted pages go by number");
            page = p.get("nextPage") == null ? null : p.get("nextPage").asInt();
        }
        return out;
    }

    private static BigDecimal total(JsonNode r) {
        return r.get("underpayment").decimalValue().add(r.get("overpayment").decimalValue()).add(r.get("denial").decimalValue());
    }

    private static BigDecimal[] zero() {
        return new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
    }

    /** key -> {findings, underpayment, overpayment, denial} of the fixture's matching findings. */
    private Map<String, BigDecimal[]> group(Predicate<RunFixture.Finding> match, Function<RunFixture.Finding, String> key) {
        Map<String, BigDecimal[]> out = new TreeMap<>();
        for (RunFixture.Finding f : run.findings()) {
            if (!match.test(f)) continue;
            BigDecimal[] m = out.computeIfAbsent(key.apply(f), k -> zero());
            m[0] = m[0].add(BigDecimal.ONE);
            int d = 1 + RunFixture.DIRECTIONS.indexOf(f.direction());
            m[d] = m[d].add(f.amount());
        }
        return out;
    }

    private static void assertMoney(BigDecimal[] expected, JsonNode row, String what) {
        assertEquals(expected[0].longValue(), row.get("findings").asLong(), what + " findings");
        assertEquals(0, expected[1].compareTo(row.get("underpayment").decimalValue()), what + " underpayment");
        assertEquals(0, expected[2].compareTo(row.get("overpayment").decimalValue()), what + " overpayment");
        assertEquals(0, expected[3].compareTo(row.get("denial").decimalValue()), what + " denial");
    }

    private static java.util.Set<String> keys(JsonNode rows, String key) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (JsonNode r : rows) out.add(r.get(key).asText());
        return out;
    }

    private static JsonNode get(Map<String, String> query) throws Exception {
        RequestSpecification r = Fixtures.finance();
        for (var e : query.entrySet()) r = r.queryParam(e.getKey(), e.getValue());
        return JSON.readTree(r.get("/api/summary").then().statusCode(200).extract().asString());
    }
}
