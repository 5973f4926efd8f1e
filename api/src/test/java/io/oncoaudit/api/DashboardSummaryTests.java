package io.oncoaudit.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.oncoaudit.api.web.DashboardRun;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's summary extensions (issue 6): GET /api/summary?by=month|code|drug, the claims audited
 * in the totals, provider names in the provider rows. Every expected figure is computed here from the
 * fixture's own rows, not read back from the database.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class DashboardSummaryTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static DashboardRun.Run run;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @Inject
    AgroalDataSource ds;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        synchronized (DashboardSummaryTests.class) {
            if (run == null) {
                var dir = Files.createTempDirectory("oncoaudit-dashboard-api");
                run = DashboardRun.write(dir, "dash-api", "fp-dash-api-" + UUID.randomUUID(), 120, 77L);
                loader.load(dir, "test", new PrintStream(System.err, true));
            }
        }
    }

    @Test
    void byMonthHasEachMonthsFindingsAndMoney() throws Exception {
        JsonNode rows = get(Fixtures.finance(), Map.of("by", "month", "runId", run.runId()));
        Map<String, Money> expected = group(run.findings(), f -> f.dos().toString().substring(0, 7));
        assertEquals(List.copyOf(expected.keySet()), keys(rows, "month"), "every month with findings, oldest first");
        for (JsonNode r : rows) expected.get(r.get("month").asText()).assertRow(r, "month " + r.get("month"));

        // a range inside a month counts the days in it only (the aggregate's grain is the day)
        LocalDate from = LocalDate.of(2026, 2, 10), to = LocalDate.of(2026, 3, 20);
        JsonNode ranged = get(Fixtures.finance(), Map.of("by", "month", "runId", run.runId(), "from", from.toString(), "to", to.toString()));
        Map<String, Money> inRange = group(run.findings().stream()
                .filter(f -> !f.dos().isBefore(from) && !f.dos().isAfter(to)).toList(), f -> f.dos().toString().substring(0, 7));
        assertEquals(List.of("2026-02", "2026-03"), keys(ranged, "month"));
        for (JsonNode r : ranged) inRange.get(r.get("month").asText()).assertRow(r, "ranged month " + r.get("month"));
        assertTrue(inRange.get("2026-02").findings < expected.get("2026-02").findings);
    }

    @Test
    void byCodeGroupsBilledAndExpectedCodesLargestFirstAndHonoursTheLimit() throws Exception {
        JsonNode rows = get(Fixtures.finance(), Map.of("by", "code", "runId", run.runId()));
        Map<String, Money> expected = group(run.findings(), f -> {
            String[] c = DashboardRun.CODES.get(f.kind());
            return c[0] + ">" + c[1];
        });
        assertEquals(expected.size(), rows.size());
        List<String> order = expected.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Money> e) -> e.getValue().total()).reversed())
                .map(Map.Entry::getKey).toList();
        List<String> got = new ArrayList<>();
        for (JsonNode r : rows) {
            String key = text(r.get("billedCode")) + ">" + text(r.get("expectedCode"));
            got.add(key);
            expected.get(key).assertRow(r, "code " + key);
            assertEquals(0, expected.get(key).total().compareTo(r.get("amount").decimalValue()), "amount of " + key);
        }
        assertEquals(order, got, "largest money moved first");
        assertTrue(got.contains("null>96413"), "a missing line has no billed code: " + got);

        JsonNode top2 = get(Fixtures.finance(), Map.of("by", "code", "runId", run.runId(), "limit", "2"));
        assertEquals(2, top2.size());
        assertEquals(rows.get(0), top2.get(0));
        assertEquals(rows.get(1), top2.get(1));
    }

    @Test
    void byDrugCountsDrugLineFindingsWithTheDrugsName() throws Exception {
        JsonNode rows = get(Fixtures.finance(), Map.of("by", "drug", "runId", run.runId()));
        Map<String, Money> expected = group(run.findings().stream()
                .filter(f -> DashboardRun.CODES.get(f.kind())[0] != null && DashboardRun.CODES.get(f.kind())[0].startsWith("J")).toList(),
                f -> DashboardRun.CODES.get(f.kind())[0]);
        assertEquals(Map.of("J9395", "fulvestrant", "J9045", "carboplatin"),
                rowsBy(rows, "drugCode").entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("drugName").asText())));
        for (JsonNode r : rows) expected.get(r.get("drugCode").asText()).assertRow(r, "drug " + r.get("drugCode"));
        assertTrue(rows.get(0).get("amount").decimalValue().compareTo(rows.get(1).get("amount").decimalValue()) >= 0, "largest first");
        assertEquals(1, get(Fixtures.finance(), Map.of("by", "drug", "runId", run.runId(), "limit", "1")).size());
    }

    @Test
    void theTotalsCountTheClaimsAuditedInTheRunAndTheDateRange() throws Exception {
        JsonNode all = get(Fixtures.finance(), Map.of("runId", run.runId()));
        assertEquals(120, all.get("claims").asLong(), "every claim of the run was audited");
        LocalDate from = LocalDate.of(2026, 2, 10), to = LocalDate.of(2026, 3, 20);
        long inRange = run.findings().stream().filter(f -> !f.dos().isBefore(from) && !f.dos().isAfter(to))
                .map(DashboardRun.Finding::claimId).distinct().count();
        JsonNode ranged = get(Fixtures.finance(), Map.of("runId", run.runId(), "from", from.toString(), "to", to.toString()));
        assertEquals(inRange, ranged.get("claims").asLong());
        assertTrue(inRange > 0 && inRange < 120);
        assertEquals(0, get(Fixtures.finance(), Map.of("runId", run.runId(), "from", "2030-01-01")).get("claims").asLong());
    }

    @Test
    void providerRowsCarryTheExtractsProviderNameAsText() throws Exception {
        JsonNode rows = get(Fixtures.finance(), Map.of("by", "provider", "runId", run.runId()));
        Map<String, String> names = new TreeMap<>();
        for (JsonNode r : rows) names.put(r.get("billingNpi").asText(), r.get("providerName").asText());
        assertEquals(new TreeMap<>(DashboardRun.PROVIDERS), names, "the hostile names come back unchanged (the page escapes them)");
        JsonNode all = get(Fixtures.finance(), Map.of("runId", run.runId()));
        assertEquals(rows, all.get("byProvider"));
        List<String> fields = new ArrayList<>();
        rows.get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("billingNpi", "providerName", "findings", "underpayment", "overpayment", "denial", "compliance"), fields);
    }

    @Test
    void financeReceivesNoPatientIdFromAnyBreakdown() {
        for (String by : List.of("", "month", "code", "drug", "provider", "payer", "kind")) {
            RequestSpecification r = Fixtures.finance().queryParam("runId", run.runId());
            if (!by.isEmpty()) r.queryParam("by", by);
            String body = r.get("/api/summary").then().statusCode(200).extract().asString();
            assertFalse(body.toLowerCase().contains("patient"), by + ": " + body);
            for (String patient : run.patientIds()) assertFalse(body.contains(patient), by + " holds patient id " + patient);
        }
    }

    @Test
    void everyRoleReadsThemAndNobodyWithoutALogin() {
        for (String by : List.of("month", "code", "drug")) {
            RestAssured.given().queryParam("by", by).get("/api/summary").then().statusCode(401)
                    .header("WWW-Authenticate", containsStringIgnoringCase("basic"));
            Fixtures.as(Fixtures.FINANCE, "wrong-" + UUID.randomUUID()).queryParam("by", by).get("/api/summary").then().statusCode(401);
            for (RequestSpecification who : List.of(Fixtures.finance(), Fixtures.auditor(), Fixtures.admin())) {
                who.queryParam("by", by).queryParam("runId", run.runId()).get("/api/summary").then().statusCode(200);
            }
        }
    }

    @Test
    void badParametersGetProblemJsonNamingTheField() {
        Fixtures.finance().queryParam("by", "patient").get("/api/summary").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("field", equalTo("by"))
                .body("detail", containsString("month, code, drug, payer-provider or claim"));
        for (String limit : List.of("0", "1001", "ten")) {
            Fixtures.finance().queryParam("by", "code").queryParam("limit", limit).get("/api/summary").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("field", equalTo("limit"));
        }
        Fixtures.finance().queryParam("by", "payer").queryParam("limit", "5").get("/api/summary").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("field", equalTo("limit"));
        Fixtures.finance().queryParam("by", "month").queryParam("from", "2026-13-01").get("/api/summary").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("field", equalTo("from"));
        Fixtures.finance().queryParam("by", "drug").queryParam("from", "2026-03-01").queryParam("to", "2026-02-01")
                .get("/api/summary").then().statusCode(400).body("field", equalTo("from"));
    }

    @Test
    void theMigrationFillsTheAggregatesOfEarlierRunsExactlyAsTheLoadDoes() throws Exception {
        String v3 = new String(getClass().getResourceAsStream("/db/migration/V3__dashboard_aggregates.sql").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        String backfill = v3.substring(v3.indexOf("-- runs loaded before this migration"));
        List<String> tables = List.of("code_day_agg", "encounter_day_agg", "provider_names");
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                List<List<String>> loaded = new ArrayList<>();
                for (String t : tables) loaded.add(rows(s, t));
                assertTrue(loaded.get(0).size() > 0 && loaded.get(1).size() > 0 && loaded.get(2).size() > 0);
                for (String t : tables) s.execute("DELETE FROM " + t);
                for (String sql : backfill.split(";")) {
                    if (!sql.replaceAll("(?m)^\\s*--.*$", "").isBlank()) s.execute(sql);
                }
                for (int i = 0; i < tables.size(); i++) assertEquals(loaded.get(i), rows(s, tables.get(i)), tables.get(i));
            } finally {
                c.rollback();
            }
        }
    }

    // --- helpers

    /** Every row of a table as text, in a stable order. */
    private static List<String> rows(Statement s, String table) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t ORDER BY 1")) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    private record Money(long findings, BigDecimal under, BigDecimal over, BigDecimal denial) {
        BigDecimal total() { return under.add(over).add(denial); }

        Money plus(DashboardRun.Finding f) {
            BigDecimal a = f.amount();
            return switch (f.direction()) {
                case "UNDERPAYMENT" -> new Money(findings + 1, under.add(a), over, denial);
                case "OVERPAYMENT" -> new Money(findings + 1, under, over.add(a), denial);
                default -> new Money(findings + 1, under, over, denial.add(a));
            };
        }

        void assertRow(JsonNode r, String what) {
            assertEquals(findings, r.get("findings").asLong(), what + " findings");
            assertEquals(0, under.compareTo(r.get("underpayment").decimalValue()), what + " underpayment");
            assertEquals(0, over.compareTo(r.get("overpayment").decimalValue()), what + " overpayment");
            assertEquals(0, denial.compareTo(r.get("denial").decimalValue()), what + " denial");
        }
    }

    private static Map<String, Money> group(List<DashboardRun.Finding> findings, Function<DashboardRun.Finding, String> key) {
        Map<String, Money> out = new TreeMap<>();
        for (DashboardRun.Finding f : findings) {
            out.merge(key.apply(f), new Money(0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO).plus(f),
                    (a, b) -> new Money(a.findings + b.findings, a.under.add(b.under), a.over.add(b.over), a.denial.add(b.denial)));
        }
        return out;
    }

    private static JsonNode get(RequestSpecification r, Map<String, String> params) throws Exception {
        params.forEach(r::queryParam);
        return JSON.readTree(r.get("/api/summary").then().statusCode(200).contentType(containsString("application/json"))
                .extract().asString());
    }

    private static List<String> keys(JsonNode rows, String key) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : rows) out.add(r.get(key).asText());
        return out;
    }

    private static Map<String, JsonNode> rowsBy(JsonNode rows, String key) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode r : rows) out.put(r.get(key).asText(), r);
        return out;
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "null" : n.asText();
    }
}
