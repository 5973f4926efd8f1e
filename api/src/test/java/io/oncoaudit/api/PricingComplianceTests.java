package io.oncoaudit.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.load.LoadException;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.PricedRunFixture;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 (API half): the findings' pricing is loaded and served, COMPLIANCE findings are counted apart from the
 * money everywhere, and the runs carry their table versions. Every assertion is scoped to this class's own run
 * (its payer ids carry a unique tag).
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class PricingComplianceTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static PricedRunFixture.Run run;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        synchronized (PricingComplianceTests.class) {
            if (run == null) {
                String tag = "P" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
                run = PricedRunFixture.write(Files.createTempDirectory("mapi-priced"), tag, LocalDate.of(2026, 1, 30),
                        LocalDate.of(2026, 2, 2), "0.00");
                loader.load(run.dir(), "test", new PrintStream(System.err, true));
            }
        }
    }

    private static void assertMoney(String want, JsonNode got) {
        assertNotNull(got, "missing " + want);
        assertEquals(0, new BigDecimal(want).compareTo(got.decimalValue()), want + " vs " + got);
    }

    private static JsonNode get(io.restassured.specification.RequestSpecification r, String path) throws Exception {
        return JSON.readTree(r.get(path).then().statusCode(200).extract().asString());
    }

    private Map<String, JsonNode> findingsByKey() throws Exception {
        JsonNode page = get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("size", 100), "/api/findings");
        Map<String, JsonNode> out = new HashMap<>();
        for (JsonNode r : page.get("items")) out.put(r.get("claimId").asText() + "#" + r.get("findingIndex").asInt(), r);
        assertEquals(run.findings().size(), out.size());
        return out;
    }

    @Test
    void findingsCarryTheirPricingExactlyAsTheAuditWroteIt() throws Exception {
        String raw = Fixtures.auditor().queryParam("runId", run.runId()).queryParam("claimId", run.findings().get(0).claimId())
                .get("/api/findings").then().statusCode(200).extract().asString();
        assertTrue(raw.contains("\"billedPrice\":55.73,") && raw.contains("\"chargeBasis\":600.00,"),
                "prices without numeric(18,6)'s trailing zeros, money with its cents: " + raw);
        Map<String, JsonNode> byKey = findingsByKey();
        JsonNode p = byKey.get(run.findings().get(0).claimId() + "#1").get("pricing");
        assertNotNull(p, "the lesser-of finding carries its pricing");
        assertMoney("55.73", p.get("billedPrice"));
        assertEquals(10, p.get("billedUnits").asInt());
        assertMoney("557.30", p.get("billedValue"));
        assertMoney("55.73", p.get("expectedPrice"));
        assertEquals(12, p.get("expectedUnits").asInt());
        assertMoney("600.00", p.get("chargeBasis"));
        assertEquals("billed line's charge per unit x expected units", p.get("chargeBasisSource").asText());
        assertMoney("600.00", p.get("expectedValue"));
        assertTrue(p.get("chargeLimited").asBoolean(), "600.00 is below 12 x 55.73 = 668.76: the charge limits the value");
        assertEquals("PFS 2025 October; ASP 2025-10", p.get("tableVersion").asText());
        assertEquals(List.of("PFS 2025 October", "ASP 2025-10"), JSON.convertValue(p.get("tableVersions"), List.class));
        assertFalse(p.has("note"));
        // an OPPS compliance finding: amount 0, direction COMPLIANCE, and the note saying why
        JsonNode opps = byKey.get(run.findings().get(2).claimId() + "#1");
        assertEquals("COMPLIANCE", opps.get("direction").asText());
        assertEquals(0, opps.get("amount").decimalValue().signum());
        assertEquals("OPPS 2025-10: 96401 and 96372 are both in APC 5692", opps.get("pricing").get("note").asText());
        assertMoney("331.69", opps.get("pricing").get("expectedPrice"));
        assertFalse(opps.get("pricing").has("chargeBasis"), "no charge basis under OPPS");
        // a price is never shown with numeric(18,6)'s trailing zeros, nor a finding without a charge basis as charge-limited
        JsonNode over = byKey.get(run.findings().get(4).claimId() + "#2").get("pricing");
        assertMoney("72.34", over.get("billedPrice"));
        assertFalse(over.has("chargeLimited"));
        // finance reads the same pricing
        JsonNode fin = get(Fixtures.finance().queryParam("runId", run.runId()).queryParam("claimId", run.findings().get(0).claimId()),
                "/api/findings");
        assertMoney("600.00", fin.get("items").get(0).get("pricing").get("chargeBasis"));
    }

    @Test
    void aRunWithoutThePricingColumnsStillLoadsAndItsFindingsHaveNoPricing() throws Exception {
        RunFixture.Run old = Fixtures.run(loader, "mapi-unpriced", 12, 31);
        JsonNode page = get(Fixtures.auditor().queryParam("runId", old.runId()).queryParam("size", 100), "/api/findings");
        assertEquals(old.findings().size(), page.get("items").size());
        for (JsonNode r : page.get("items")) assertFalse(r.has("pricing"), r.toString());
        JsonNode runs = get(Fixtures.finance(), "/api/runs");
        for (JsonNode r : runs) {
            if (r.get("runId").asText().equals(old.runId())) {
                assertTrue(r.get("tableVersions").isObject() && r.get("tableVersions").isEmpty(), r.toString());
            }
        }
    }

    @Test
    void theEncounterCarriesEachFindingsPricing() throws Exception {
        String claim = run.findings().get(0).claimId();
        JsonNode e = get(Fixtures.auditor().queryParam("runId", run.runId()), "/api/encounters/" + claim);
        assertEquals(2, e.get("findings").size());
        JsonNode np = e.get("findings").get(1);
        assertEquals("NOT_PAYABLE_IN_SETTING", np.get("kind").asText());
        assertEquals("COMPLIANCE", np.get("direction").asText());
        assertTrue(np.get("pricing").get("note").asText().contains("no facility price (NA)"));
        assertMoney("600.00", e.get("findings").get(0).get("pricing").get("expectedValue"));
    }

    @Test
    void runsListTheirTableVersionsFromTheManifest() throws Exception {
        JsonNode mine = null;
        for (JsonNode r : get(Fixtures.finance(), "/api/runs")) if (r.get("runId").asText().equals(run.runId())) mine = r;
        assertNotNull(mine, "the run is listed");
        assertEquals(run.tableVersions(), JSON.convertValue(mine.get("tableVersions"), Map.class));
        assertTrue(mine.get("tablesAsOf").isNull());
    }

    /** The fixture's findings matching a predicate: {findings, underpayment, overpayment, denial, compliance}. */
    private static Object[] expected(java.util.function.Predicate<PricedRunFixture.F> p) {
        long n = 0, compliance = 0;
        BigDecimal[] m = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        for (PricedRunFixture.F f : run.findings()) {
            if (!p.test(f)) continue;
            n++;
            switch (f.direction()) {
                case "UNDERPAYMENT" -> m[0] = m[0].add(f.amount());
                case "OVERPAYMENT" -> m[1] = m[1].add(f.amount());
                case "DENIAL" -> m[2] = m[2].add(f.amount());
                default -> compliance++;
            }
        }
        return new Object[] {n, m[0], m[1], m[2], compliance};
    }

    private static void assertRow(Object[] want, JsonNode row) {
        String where = row.toString();
        assertEquals((long) want[0], row.get("findings").asLong(), where);
        assertEquals(0, ((BigDecimal) want[1]).compareTo(row.get("underpayment").decimalValue()), where);
        assertEquals(0, ((BigDecimal) want[2]).compareTo(row.get("overpayment").decimalValue()), where);
        assertEquals(0, ((BigDecimal) want[3]).compareTo(row.get("denial").decimalValue()), where);
        assertEquals((long) want[4], row.get("compliance").asLong(), where);
    }

    @Test
    void complianceIsCountedApartFromTheMoneyInEverySummary() throws Exception {
        // totals of the overview, from the aggregates (run only) and from the findings (a date range forces the raw path)
        assertRow(expected(f -> true), get(Fixtures.finance().queryParam("runId", run.runId()), "/api/summary"));
        assertRow(expected(f -> true), get(Fixtures.finance().queryParam("runId", run.runId())
                .queryParam("minAmount", "0.00"), "/api/summary"));
        assertEquals(2L, expected(f -> true)[4]);
        for (String by : List.of("payer", "provider", "kind")) {
            JsonNode rows = get(Fixtures.finance().queryParam("runId", run.runId()).queryParam("by", by), "/api/summary");
            assertTrue(rows.size() > 1, by);
            for (JsonNode r : rows) {
                java.util.function.Predicate<PricedRunFixture.F> p = switch (by) {
                    case "payer" -> f -> f.payerId().equals(r.get("payerId").asText());
                    case "provider" -> f -> f.npi().equals(r.get("billingNpi").asText());
                    default -> f -> f.kind().equals(r.get("kind").asText());
                };
                assertRow(expected(p), r);
            }
        }
        // month: from the day aggregate (run only) and from the findings (a payer filter)
        JsonNode months = get(Fixtures.finance().queryParam("runId", run.runId()).queryParam("by", "month"), "/api/summary");
        assertEquals(2, months.size());
        for (JsonNode r : months) assertRow(expected(f -> f.dos().toString().startsWith(r.get("month").asText())), r);
        for (JsonNode r : get(Fixtures.finance().queryParam("runId", run.runId()).queryParam("payerId", run.medicare())
                .queryParam("by", "month"), "/api/summary")) {
            assertRow(expected(f -> f.payerId().equals(run.medicare()) && f.dos().toString().startsWith(r.get("month").asText())), r);
        }
        JsonNode claims = get(Fixtures.finance().queryParam("runId", run.runId()).queryParam("by", "claim"), "/api/summary");
        for (JsonNode r : claims.get("items")) assertRow(expected(f -> f.claimId().equals(r.get("claimId").asText())), r);
        JsonNode codes = get(Fixtures.finance().queryParam("runId", run.runId()).queryParam("by", "code"), "/api/summary");
        long compliance = 0;
        for (JsonNode r : codes) compliance += r.get("compliance").asLong();
        assertEquals(2, compliance);
        // the summary workbook has a compliance column beside the money
        byte[] xlsx = Fixtures.finance().queryParam("runId", run.runId()).get("/api/summary/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.findSheet("By payer").orElseThrow().read();
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getText()));
            int at = header.indexOf("compliance");
            assertTrue(at > header.indexOf("denial"), header.toString());
            long sum = 0;
            for (Row r : rows.subList(1, rows.size())) sum += r.getCell(at).asNumber().longValue();
            assertEquals(2, sum);
        }
    }

    @Test
    void theDirectionFilterTakesComplianceAndTheErrorNamesIt() throws Exception {
        JsonNode page = get(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("direction", "compliance")
                .queryParam("total", "true"), "/api/findings");
        assertEquals(2, page.get("total").asLong());
        for (JsonNode r : page.get("items")) assertEquals("COMPLIANCE", r.get("direction").asText());
        Fixtures.auditor().queryParam("direction", "SIDEWAYS").get("/api/findings").then().statusCode(400)
                .body("field", equalTo("direction")).body("detail", containsString("COMPLIANCE"));
        JsonNode s = get(Fixtures.finance().queryParam("runId", run.runId()).queryParam("direction", "COMPLIANCE"), "/api/summary");
        assertRow(expected(f -> f.direction().equals("COMPLIANCE")), s);
    }

    @Test
    void exportsCarryDirectionAndThePricingColumns() throws Exception {
        String csv = Fixtures.auditor().queryParam("runId", run.runId()).get("/api/findings/export.csv").then().statusCode(200)
                .extract().asString();
        String[] lines = csv.split("\r\n");
        List<String> header = List.of(lines[0].split(","));
        for (String c : List.of("direction", "amount", "billed_price", "billed_value", "expected_price", "charge_basis",
                "charge_basis_source", "expected_value", "charge_limited", "table_version", "pricing_note")) {
            assertTrue(header.contains(c), "CSV header lacks " + c + ": " + header);
        }
        String lesserOf = java.util.Arrays.stream(lines).filter(l -> l.contains("DRUG_UNITS")).findFirst().orElseThrow();
        assertTrue(lesserOf.contains(",55.73,557.30,55.73,600.00,billed line's charge per unit x expected units,600.00,true,"
                + "PFS 2025 October; ASP 2025-10,"), lesserOf);
        String opps = java.util.Arrays.stream(lines).filter(l -> l.contains("APC 5692")).findFirst().orElseThrow();
        assertTrue(opps.contains(",COMPLIANCE,0.00,"), opps);

        byte[] xlsx = Fixtures.finance().queryParam("runId", run.runId()).get("/api/findings/export.xlsx").then().statusCode(200)
                .extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> h = new ArrayList<>();
            rows.get(0).forEach(c -> h.add(c.getText()));
            int kind = h.indexOf("kind"), price = h.indexOf("billed_price"), basis = h.indexOf("charge_basis"),
                    version = h.indexOf("table_version"), direction = h.indexOf("direction");
            assertTrue(price > 0 && basis > 0 && version > 0 && direction > 0, h.toString());
            Row r = rows.stream().filter(x -> "DRUG_UNITS".equals(x.getCell(kind).getText())).findFirst().orElseThrow();
            assertEquals(CellType.NUMBER, r.getCell(price).getType());
            assertEquals(0, new BigDecimal("55.73").compareTo(r.getCell(price).asNumber()));
            assertEquals(0, new BigDecimal("600.00").compareTo(r.getCell(basis).asNumber()));
            assertEquals("PFS 2025 October; ASP 2025-10", r.getCell(version).getText());
            List<Row> totals = wb.findSheet("Totals").orElseThrow().read();
            Row c = totals.stream().filter(x -> "COMPLIANCE".equals(x.getCell(0).getText())).findFirst().orElseThrow();
            assertEquals(2, c.getCell(1).asNumber().intValue());
            assertEquals(0, BigDecimal.ZERO.compareTo(c.getCell(2).asNumber()));
        }
    }

    @Test
    void aComplianceFindingThatMovesMoneyIsRefusedNamingTheRecordAndField() throws Exception {
        PricedRunFixture.Run bad = PricedRunFixture.write(Files.createTempDirectory("mapi-bad"), "B" + UUID.randomUUID().toString()
                .substring(0, 6).toUpperCase(), LocalDate.of(2026, 1, 5), LocalDate.of(2026, 1, 6), "5.00");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(bad.dir(), "test", new PrintStream(System.err, true)));
        assertTrue(e.getMessage().contains("claim " + bad.findings().get(1).claimId() + " finding 2: field amount is 5.00 on a COMPLIANCE finding"),
                e.getMessage());
        for (JsonNode r : get(Fixtures.finance(), "/api/runs")) assertFalse(r.get("runId").asText().equals(bad.runId()), "rolled back");
    }

    @Test
    void campaignsNeverCountComplianceAsMoneyAndPacketsLeaveTheirZeroClaimsOut() throws Exception {
        PricedRunFixture.Run recent = PricedRunFixture.write(Files.createTempDirectory("mapi-camp"), "K" + UUID.randomUUID().toString()
                .substring(0, 6).toUpperCase(), LocalDate.now().minusDays(12), LocalDate.now().minusDays(9), "0.00");
        loader.load(recent.dir(), "test", new PrintStream(System.err, true));
        String body = JSON.createObjectNode().put("name", "compliance " + recent.medicare())
                .set("filter", JSON.createObjectNode().put("payerId", recent.medicare())).toString();
        JsonNode c = JSON.readTree(Fixtures.auditor().contentType("application/json").body(body).post("/api/campaigns")
                .then().statusCode(201).extract().asString());
        // Medicare: C1 (42.70 underpayment + a COMPLIANCE finding), C2 (COMPLIANCE only), C5 (20.00 underpayment)
        assertEquals(3, c.get("claims").asInt());
        assertEquals(0, new BigDecimal("62.70").compareTo(c.get("amount").decimalValue()), c.toString());
        long id = c.get("id").asLong();
        JsonNode detail = get(Fixtures.auditor(), "/api/campaigns/" + id);
        Map<String, BigDecimal> amounts = new HashMap<>();
        for (JsonNode cl : detail.get("claimList")) amounts.put(cl.get("claimId").asText(), cl.get("amount").decimalValue());
        String c1 = recent.findings().get(0).claimId(), c2 = recent.findings().get(2).claimId();
        assertEquals(0, new BigDecimal("42.70").compareTo(amounts.get(c1)), amounts.toString());
        assertEquals(0, amounts.get(c2).signum(), amounts.toString());
        Map<String, byte[]> plain = unzip(Fixtures.auditor().get("/api/campaigns/" + id + "/packet").then().statusCode(200)
                .extract().asByteArray());
        assertFalse(plain.containsKey("appeal-" + c2 + ".pdf"), plain.keySet().toString());
        assertTrue(plain.containsKey("appeal-" + c1 + ".pdf"), plain.keySet().toString());
        String index = new String(plain.get("index.csv"), StandardCharsets.UTF_8);
        assertTrue(index.contains(c2 + ",,0.00,no,nothing to ask back"), index);
        Map<String, byte[]> all = unzip(Fixtures.auditor().queryParam("include", "zero").get("/api/campaigns/" + id + "/packet")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(all.containsKey("appeal-" + c2 + ".pdf"), all.keySet().toString());
        Fixtures.auditor().post("/api/campaigns/" + id + "/archive").then().statusCode(200);
    }

    static Map<String, byte[]> unzip(byte[] zip) throws java.io.IOException {
        Map<String, byte[]> out = new java.util.TreeMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }
}
