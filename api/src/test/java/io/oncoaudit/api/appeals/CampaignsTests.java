package io.oncoaudit.api.appeals;

import static io.oncoaudit.api.appeals.AppealsTestData.money;
import static io.oncoaudit.api.appeals.AppealsTestData.pdfText;
import static io.oncoaudit.api.appeals.AppealsTestData.unzip;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaigns over a loaded run on the real (zonky) PostgreSQL: counts, packets, the state machine, roles. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class CampaignsTests {
    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    static final Pattern PATIENT_ID = Pattern.compile("PT\\d{6}");

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @Inject
    AgroalDataSource ds;

    RunFixture.Run run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = Fixtures.run(loader, "appeals", 160, 77);
        AppealsTestData.archiveOpenCampaigns(ds);
    }

    /**
     * count(distinct claim) and the money of the loaded findings matching the filter, written here in SQL: each finding's
     * amount, but what is asked back (underpayment, denial) stops at its corrected line's value (the run's expected_value,
     * else the billed line's charge per unit x the expected units), which the findings on one line share in order.
     */
    long[] expected(String payer, String kind, String npi, LocalDate from, LocalDate to, BigDecimal min, BigDecimal[] amount) throws Exception {
        StringBuilder sql = new StringBuilder("""
                WITH m AS (
                  SELECT f.claim_id, f.run_pk, f.line_number, f.expected_code, f.finding_index, f.direction, f.amount,
                         coalesce(f.expected_value, (SELECT round((l->>'chargeAmount')::numeric * f.expected_units / (l->>'units')::numeric, 2)
                           FROM encounters e CROSS JOIN jsonb_array_elements(e.billed_lines_json::jsonb) l
                           WHERE e.claim_id = f.claim_id AND e.run_pk = f.run_pk AND (l->>'lineNumber')::int = f.line_number
                             AND (l->>'chargeAmount') IS NOT NULL)) AS line_value
                  FROM findings f WHERE TRUE""");
        List<Object> p = new ArrayList<>();
        if (payer != null) { sql.append(" AND payer_id = ?"); p.add(payer); }
        if (kind != null) { sql.append(" AND kind = ?"); p.add(kind); }
        if (npi != null) { sql.append(" AND billing_npi = ?"); p.add(npi); }
        if (from != null) { sql.append(" AND date_of_service >= ?"); p.add(Date.valueOf(from)); }
        if (to != null) { sql.append(" AND date_of_service <= ?"); p.add(Date.valueOf(to)); }
        if (min != null) { sql.append(" AND amount >= ?"); p.add(min); }
        sql.append("""
                ), asked AS (
                  SELECT claim_id, CASE WHEN direction IN ('UNDERPAYMENT', 'DENIAL') AND line_value IS NOT NULL
                    THEN greatest(0, least(line_value, sum(amount) OVER w) - least(line_value, sum(amount) OVER w - amount)) ELSE amount END AS a
                  FROM m WINDOW w AS (PARTITION BY claim_id, run_pk, line_number, expected_code,
                    direction IN ('UNDERPAYMENT', 'DENIAL') ORDER BY finding_index)
                ) SELECT count(DISTINCT claim_id), coalesce(sum(round(a, 2)), 0) FROM asked""");
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < p.size(); i++) ps.setObject(i + 1, p.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                amount[0] = rs.getBigDecimal(2);
                return new long[] {rs.getLong(1)};
            }
        }
    }

    static ObjectNode body(String name, Map<String, Object> filter) {
        ObjectNode b = JSON.createObjectNode();
        b.put("name", name);
        b.set("filter", JSON.valueToTree(filter));
        return b;
    }

    JsonNode create(String name, Map<String, Object> filter) throws Exception {
        String resp = Fixtures.auditor().contentType("application/json").body(body(name, filter).toString())
                .post("/api/campaigns").then().statusCode(201).extract().asString();
        return JSON.readTree(resp);
    }

    @Test
    void claimCountAndAmountEqualTheFindingsThatMatchTheFilter() throws Exception {
        String payer = "MEDICARE";
        String kind = "DOWNCODED_TO_96372";
        LocalDate from = LocalDate.of(2026, 1, 20);
        LocalDate to = LocalDate.of(2026, 5, 10);
        BigDecimal min = new BigDecimal("25.00");
        BigDecimal[] amount = new BigDecimal[1];
        long claims = expected(payer, kind, null, from, to, min, amount)[0];
        assertTrue(claims > 2, "the fixture must give the filter something to match");
        JsonNode c = create("Medicare downcoded Q1", Map.of("payerId", payer, "kind", kind, "from", from.toString(),
                "to", to.toString(), "minAmount", "25.00"));
        assertEquals(claims, c.get("claims").asLong());
        assertEquals(0, amount[0].compareTo(c.get("amount").decimalValue()), amount[0] + " vs " + c.get("amount"));
        assertTrue(c.get("id").asLong() > 0);

        // every contract filter field, provider included
        String npi = RunFixture.NPIS.get(0);
        long byNpi = expected("UHC", null, npi, null, null, null, amount)[0];
        JsonNode c2 = create("UHC one provider", Map.of("payerId", "UHC", "billingNpi", npi));
        assertEquals(byNpi, c2.get("claims").asLong());
        assertEquals(0, amount[0].compareTo(c2.get("amount").decimalValue()));

        // the detail lists the same claims and money
        JsonNode detail = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + c.get("id").asLong()).then().statusCode(200).extract().asString());
        assertEquals(claims, detail.get("claimList").size());
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode cl : detail.get("claimList")) {
            sum = sum.add(cl.get("amount").decimalValue());
            assertEquals("draft", cl.get("state").asText());
            assertEquals(payer, cl.get("payerId").asText());
            assertTrue(cl.get("deadline").hasNonNull("due"));
        }
        assertEquals(0, sum.compareTo(c.get("amount").decimalValue()));

        // a payer or kind no loaded run knows is refused with the known values, never an empty campaign
        Fixtures.auditor().contentType("application/json").body(body("nothing", Map.of("payerId", "NO-SUCH-PAYER")).toString())
                .post("/api/campaigns").then().statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("filter.payerId")).body("detail", containsString("MEDICARE"));
        Fixtures.auditor().contentType("application/json").body(body("nothing", Map.of("kind", "NO_SUCH_KIND")).toString())
                .post("/api/campaigns").then().statusCode(400).body("field", equalTo("filter.kind"))
                .body("detail", containsString("DRUG_UNITS"));
    }

    @Test
    void aClaimIsInOneOpenCampaignAtATimeAndTheRefusalSaysWhere() throws Exception {
        JsonNode first = create("UHC waste", Map.of("runId", run.runId(), "payerId", "UHC", "kind", "WASTE_MODIFIER"));
        assertTrue(first.get("claims").asInt() > 0);
        long firstId = first.get("id").asLong();
        String firstClaim = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + firstId).then().statusCode(200).extract().asString())
                .get("claimList").get(0).get("claimId").asText();
        // an overlapping filter: refused, naming the claims and the campaign that holds them; nothing created
        int before = JSON.readTree(Fixtures.auditor().get("/api/campaigns").then().statusCode(200).extract().asString()).size();
        String refusal = Fixtures.auditor().contentType("application/json")
                .body(body("UHC all", Map.of("runId", run.runId(), "payerId", "UHC")).toString())
                .post("/api/campaigns").then().statusCode(409).contentType("application/problem+json")
                .body("field", equalTo("filter")).extract().asString();
        JsonNode problem = JSON.readTree(refusal);
        assertTrue(problem.get("detail").asText().contains("campaign " + firstId + " \"UHC waste\""), refusal);
        assertTrue(problem.get("detail").asText().contains(firstClaim), refusal);
        assertEquals(before, JSON.readTree(Fixtures.auditor().get("/api/campaigns").then().statusCode(200).extract().asString()).size());
        // in SQL: no claim id is in two open campaigns
        assertEquals(0, single("""
                SELECT count(*) FROM (SELECT a.claim_id FROM appeal_claims a JOIN appeal_campaigns k ON k.id = a.campaign_id
                WHERE k.archived_at IS NULL GROUP BY a.claim_id HAVING count(*) > 1) x"""));
        // archived, the first no longer holds its claims; archiving twice is a conflict; finance cannot archive
        Fixtures.finance().post("/api/campaigns/" + firstId + "/archive").then().statusCode(403);
        Fixtures.auditor().post("/api/campaigns/" + firstId + "/archive").then().statusCode(200)
                .body("archivedBy", equalTo(Fixtures.AUDITOR));
        Fixtures.auditor().post("/api/campaigns/" + firstId + "/archive").then().statusCode(409);
        JsonNode second = create("UHC all", Map.of("runId", run.runId(), "payerId", "UHC"));
        assertTrue(second.get("claims").asInt() > first.get("claims").asInt());
    }

    @Test
    void theRecoveryReportCountsEachClaimOnceHoweverManyCampaignsHeldIt() throws Exception {
        // the same claims in an archived campaign and an open one, with a recovery recorded in the first
        JsonNode old = create("Aetna old", Map.of("runId", run.runId(), "payerId", "AETNA"));
        long oldId = old.get("id").asLong();
        String claim = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + oldId).then().statusCode(200).extract().asString())
                .get("claimList").get(0).get("claimId").asText();
        for (String state : List.of("ready", "submitted")) patch(oldId, claim, "{\"state\": \"" + state + "\"}").then().statusCode(200);
        patch(oldId, claim, "{\"state\": \"won\", \"amountRecovered\": 12.34, \"decidedOn\": \"" + LocalDate.now() + "\"}")
                .then().statusCode(200);
        Fixtures.auditor().post("/api/campaigns/" + oldId + "/archive").then().statusCode(200);
        create("Aetna again", Map.of("runId", run.runId(), "payerId", "AETNA"));

        JsonNode report = JSON.readTree(Fixtures.finance().get("/api/campaigns/recovery").then().statusCode(200).extract().asString());
        // independent count: distinct claim ids in any campaign, and the recoveries of distinct claims
        long claims = single("SELECT count(DISTINCT claim_id) FROM appeal_claims");
        assertEquals(claims, report.get("total").get("campaignClaims").asLong(), report.get("total").toString());
        long rows = single("SELECT count(*) FROM appeal_claims");
        assertTrue(rows > claims, "the fixture puts claims in two campaigns");
        BigDecimal recovered;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(sum(r), 0) FROM (SELECT claim_id, max(amount_recovered) AS r FROM appeal_claims GROUP BY claim_id) x");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            recovered = rs.getBigDecimal(1);
        }
        assertEquals(0, recovered.compareTo(report.get("total").get("recovered").decimalValue()));
        for (JsonNode p : report.get("byPayer")) {
            if (!p.get("payerId").asText().equals("AETNA")) continue;
            assertEquals(single("SELECT count(DISTINCT claim_id) FROM appeal_claims WHERE payer_id = 'AETNA'"), p.get("campaignClaims").asLong());
            assertEquals(single("SELECT count(DISTINCT claim_id) FROM appeal_claims WHERE payer_id = 'AETNA' AND state = 'won'"),
                    p.get("won").asLong(), "a won claim counts once");
        }
    }

    long single(String sql) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aMaximumAmountKeepsTheFindingsTheWorklistShowsUnderIt() throws Exception {
        // the worklist filters by minAmount and maxAmount: a campaign built from it keeps both bounds
        BigDecimal min = new BigDecimal("10.00");
        BigDecimal max = new BigDecimal("300.00");
        String sql = "SELECT count(DISTINCT claim_id), coalesce(sum(amount), 0) FROM findings f JOIN runs r ON r.id = f.run_pk"
                + " WHERE r.run_id = ? AND payer_id = 'UHC' AND amount >= ? AND amount <= ?";
        long claims;
        BigDecimal amount;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, run.runId());
            ps.setBigDecimal(2, min);
            ps.setBigDecimal(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                claims = rs.getLong(1);
                amount = rs.getBigDecimal(2);
            }
        }
        assertTrue(claims > 0, "the fixture has UHC findings between the bounds");
        JsonNode c = create("UHC 10 to 300", Map.of("runId", run.runId(), "payerId", "UHC", "minAmount", "10.00", "maxAmount", "300.00"));
        assertEquals(claims, c.get("claims").asLong());
        assertEquals(0, amount.compareTo(c.get("amount").decimalValue()), amount + " vs " + c.get("amount"));
        JsonNode detail = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + c.get("id").asLong()).then().statusCode(200).extract().asString());
        assertEquals(0, max.compareTo(detail.get("filter").get("maxAmount").decimalValue()));
        assertTrue(detail.get("filterDescription").asText().contains("finding amount <= 300.00"), detail.get("filterDescription").asText());
        Fixtures.auditor().post("/api/campaigns/" + c.get("id").asLong() + "/archive").then().statusCode(200);
        JsonNode unbounded = create("UHC from 10", Map.of("runId", run.runId(), "payerId", "UHC", "minAmount", "10.00"));
        assertTrue(unbounded.get("amount").decimalValue().compareTo(c.get("amount").decimalValue()) > 0, "the bound left findings out");
    }

    @Test
    void aClaimAuditedInTwoRunsIsAppealedOnceFromItsNewestRun() throws Exception {
        LocalDate dos = LocalDate.of(2026, 2, 2);
        AppealsTestData.insertRun(ds, "appeals-dup-1", new AppealsTestData.Claim("DUP-1", "PT999201", dos, "DUPPAYER", "Dup",
                "Clinic", "e", "a", new BigDecimal("10.00"), "UNDERPAYMENT"));
        AppealsTestData.insertRun(ds, "appeals-dup-2", new AppealsTestData.Claim("DUP-1", "PT999201", dos, "DUPPAYER", "Dup",
                "Clinic", "e", "a", new BigDecimal("25.00"), "UNDERPAYMENT"));
        JsonNode newest = create("dup", Map.of("payerId", "DUPPAYER"));
        assertEquals(1, newest.get("claims").asInt());
        assertEquals(0, new BigDecimal("25.00").compareTo(newest.get("amount").decimalValue()));
        // the same claim from its older run: only once the first campaign is archived
        Fixtures.auditor().post("/api/campaigns/" + newest.get("id").asLong() + "/archive").then().statusCode(200);
        JsonNode older = create("dup old", Map.of("payerId", "DUPPAYER", "runId", "appeals-dup-1"));
        assertEquals(0, new BigDecimal("10.00").compareTo(older.get("amount").decimalValue()));
        Fixtures.auditor().get("/api/campaigns/" + newest.get("id").asLong() + "/claims/DUP-1").then().statusCode(200)
                .body("runId", equalTo("appeals-dup-2"));
        // the packet of one state: nothing is ready yet, then the one claim
        long id = newest.get("id").asLong();
        assertEquals(List.of("corrected-lines.csv", "index.csv"), new ArrayList<>(unzip(Fixtures.auditor().queryParam("state", "ready")
                .queryParam("include", "late").get("/api/campaigns/" + id + "/packet").then().statusCode(200).extract().asByteArray()).keySet()));
        patch(id, "DUP-1", "{\"state\": \"ready\"}").then().statusCode(200);
        assertEquals(List.of("appeal-DUP-1.pdf", "corrected-lines.csv", "index.csv"), new ArrayList<>(unzip(Fixtures.auditor()
                .queryParam("state", "ready").queryParam("include", "late")
                .get("/api/campaigns/" + id + "/packet").then().statusCode(200).extract().asByteArray()).keySet()));
    }

    @Test
    void badRequestsNameTheField() {
        for (String[] bad : new String[][] {
                {"{\"filter\": {}}", "name"},
                {"{\"name\": \"x\", \"filter\": {\"payer\": \"MEDICARE\"}}", "filter.payer"},
                {"{\"name\": \"x\", \"filter\": {\"from\": \"yesterday\"}}", "filter.from"},
                {"{\"name\": \"x\", \"filter\": {\"minAmount\": \"ten\"}}", "filter.minAmount"},
                {"{\"name\": \"x\", \"filter\": {\"maxAmount\": \"-1\"}}", "filter.maxAmount"},
                {"{\"name\": \"x\", \"filter\": {\"minAmount\": 50, \"maxAmount\": 10}}", "filter.minAmount"},
                {"{\"name\": \"x\", \"filter\": {\"from\": \"2026-05-01\", \"to\": \"2026-01-01\"}}", "filter.from"}}) {
            Fixtures.auditor().contentType("application/json").body(bad[0]).post("/api/campaigns").then()
                    .statusCode(400).contentType("application/problem+json").body("field", equalTo(bad[1]));
        }
        Fixtures.finance().get("/api/campaigns/999999").then().statusCode(404).contentType("application/problem+json").body("field", equalTo("id"));
    }

    @Test
    void packetHoldsOneLetterPerClaimWithClaimIdCorrectedCodesAndAmounts() throws Exception {
        JsonNode c = create("packet", Map.of("payerId", "AETNA", "kind", "DRUG_UNITS", "runId", run.runId()));
        List<RunFixture.Finding> matching = run.findings().stream()
                .filter(f -> f.payerId().equals("AETNA") && f.kind().equals("DRUG_UNITS")).toList();
        long claims = matching.stream().map(RunFixture.Finding::claimId).distinct().count();
        assertTrue(claims > 1);
        assertEquals(claims, c.get("claims").asLong());
        byte[] zip = Fixtures.auditor().queryParam("include", "zero,late").get("/api/campaigns/" + c.get("id").asLong() + "/packet")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        assertEquals(claims, entries.keySet().stream().filter(n -> n.endsWith(".pdf")).count());
        assertTrue(entries.containsKey("corrected-lines.csv"));
        // one letter kept for people to look at (target/ is never committed)
        java.nio.file.Files.write(java.nio.file.Path.of("target", "sample-appeal-letter.pdf"),
                entries.get("appeal-" + matching.get(0).claimId() + ".pdf"));
        for (RunFixture.Finding f : matching) {
            String text = pdfText(entries.get("appeal-" + f.claimId() + ".pdf"));
            assertTrue(text.contains(f.claimId()), "letter names its claim");
            assertTrue(text.contains("96401"), "the finding's corrected code");
            assertTrue(text.contains("96402") && text.contains("J9395"), "the corrected lines");
            assertTrue(text.contains(money(f.amount())), "the finding's amount " + money(f.amount()) + " in\n" + text);
            assertTrue(text.contains(f.patientId()), "auditors' letters identify the patient");
            assertTrue(text.contains(f.dos().toString()), "date of service");
            assertTrue(text.contains("Clinic " + f.billingNpi()), "the billing provider");
            assertTrue(text.contains("AETNA Inc"), "the payer");
            assertTrue(text.contains("CMS Transmittal 129"), "citations");
            // public authorities only: the fixture's "NOTES 1.1" citation stays inside the product
            assertFalse(text.contains("NOTES") || text.contains("product decision") || text.contains("[S-"), "internal reference in\n" + text);
            assertFalse(io.oncoaudit.api.appeals.letter.PublicText.hasInternalReference(text), text);
            // the practice's identity and the signer, from configuration (oncoaudit.practice.*)
            for (String id : List.of("Test Oncology Associates, P.A.", "100 Main Street, Springfield, IL 62701", "TIN 12-3456789",
                    "PTAN TP1234", "Jordan Reyes", "Revenue Integrity Manager", "appeals@test-oncology.test")) {
                assertTrue(text.contains(id), id + " in\n" + text);
            }
            assertFalse(text.contains("billing office") || text.contains("demo"), "no stand-in signature, no demo footer");
            assertFalse(text.contains("Remittance advice"), "the letter encloses only what the packet holds");
            // the administration record it encloses is in the packet
            assertTrue(text.contains("administrations-" + f.claimId() + ".csv"), text);
            String mar = new String(entries.get("administrations-" + f.claimId() + ".csv"), StandardCharsets.UTF_8);
            assertTrue(mar.startsWith("claim_id,administration_id,drug_code,dose,dose_unit,route,start_time,end_time"), mar);
            assertTrue(mar.contains(f.claimId() + ",A1,J9395,500,mg,IM," + f.dos() + "T09:00," + f.dos() + "T09:05"), mar);
            assertTrue(text.contains("Appeal for claim " + f.claimId()), "the finding's appeal text");
        }
        String csv = new String(entries.get("corrected-lines.csv"), StandardCharsets.UTF_8);
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].startsWith("claim_frequency_code,original_claim_id,claim_id,line_number"));
        assertEquals(1 + 2 * claims, lines.length, "two replacement lines (96402, J9395) per claim");
        for (int i = 1; i < lines.length; i++) {
            assertTrue(lines[i].startsWith("7,"), lines[i]);
            String claim = lines[i].split(",")[1];
            assertEquals(claim, lines[i].split(",")[2]);
            assertTrue(matching.stream().anyMatch(f -> f.claimId().equals(claim)));
        }
        // the packet read is patient-level: it is in the access log
        Fixtures.admin().queryParam("claimId", matching.get(0).claimId()).get("/api/access-log").then().statusCode(200)
                .body("action", hasItem("campaign.packet"));

        // finance may read the packet, never with a patient id
        byte[] financeZip = Fixtures.finance().queryParam("include", "zero,late").get("/api/campaigns/" + c.get("id").asLong() + "/packet")
                .then().statusCode(200).extract().asByteArray();
        for (Map.Entry<String, byte[]> e : unzip(financeZip).entrySet()) {
            String text = e.getKey().endsWith(".pdf") ? pdfText(e.getValue()) : new String(e.getValue(), StandardCharsets.UTF_8);
            assertFalse(PATIENT_ID.matcher(text).find(), "finance packet entry " + e.getKey() + " holds a patient id");
            if (e.getKey().endsWith(".pdf")) assertTrue(text.contains("withheld"));
        }
    }

    @Test
    void aPacketLeavesOutLateAndZeroClaimsUnlessAskedAndItsIndexSaysWhy() throws Exception {
        LocalDate recent = LocalDate.now().minusDays(10), old = LocalDate.now().minusYears(2);
        AppealsTestData.insertRun(ds, "appeals-packet-choice",
                new AppealsTestData.Claim("PK-INTIME", "PT999301", recent, "PACKETPAYER", "Packet", "Clinic", "e", "a",
                        new BigDecimal("40.00"), "UNDERPAYMENT"),
                new AppealsTestData.Claim("PK-LATE", "PT999302", old, "PACKETPAYER", "Packet", "Clinic", "e", "a",
                        new BigDecimal("50.00"), "DENIAL"),
                new AppealsTestData.Claim("PK-ZERO", "PT999303", recent, "PACKETPAYER", "Packet", "Clinic", "e", "a",
                        new BigDecimal("60.00"), "OVERPAYMENT"));
        long id = create("packet choice", Map.of("payerId", "PACKETPAYER")).get("id").asLong();
        Map<String, byte[]> plain = unzip(Fixtures.auditor().get("/api/campaigns/" + id + "/packet").then().statusCode(200)
                .header("X-Packet-Letters", "1").extract().asByteArray());
        assertEquals(List.of("appeal-PK-INTIME.pdf", "corrected-lines.csv", "index.csv"), new ArrayList<>(plain.keySet()));
        String index = new String(plain.get("index.csv"), StandardCharsets.UTF_8);
        assertTrue(index.startsWith("claim_id,file,claimed,included,reason,remittance\r\n"), index);
        assertTrue(index.contains("PK-INTIME,appeal-PK-INTIME.pdf,40.00,yes,"), index);
        assertTrue(index.contains("PK-LATE,,50.00,no,past its appeal deadline"), index);
        assertTrue(index.contains("PK-ZERO,,0.00,no,nothing to ask back"), index);
        String csv = new String(plain.get("corrected-lines.csv"), StandardCharsets.UTF_8);
        assertFalse(csv.contains("PK-LATE") || csv.contains("PK-ZERO"), "the corrected lines go with the letters sent");
        Map<String, byte[]> all = unzip(Fixtures.auditor().queryParam("include", "late,zero").get("/api/campaigns/" + id + "/packet")
                .then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("appeal-PK-INTIME.pdf", "appeal-PK-LATE.pdf", "appeal-PK-ZERO.pdf", "corrected-lines.csv", "index.csv"),
                new ArrayList<>(all.keySet()).stream().sorted().toList());
        Fixtures.auditor().queryParam("include", "everything").get("/api/campaigns/" + id + "/packet").then().statusCode(400)
                .body("field", equalTo("include"));
    }

    @Test
    void aMedicarePartBClaimIsCorrectedByReopeningNeverByAFrequency7Replacement() throws Exception {
        AppealsTestData.insertRun(ds, "appeals-medicare-route", new AppealsTestData.Claim("MCR-1", "PT999401",
                LocalDate.now().minusDays(20), "MEDICARE", "Medicare Part B", "Clinic", "96372 billed for an IV push (NOTES 1.1)",
                "Please reprocess [S-TEST]", new BigDecimal("33.00"), "UNDERPAYMENT"));
        // the extract's optional beneficiary columns (contract section 1), as a load stores them
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE encounters SET member_id = '1EG4TE5MK73', patient_name = 'DOE, JANE', payer_claim_number = 'ICN 2026 0001'"
                        + " WHERE claim_id = 'MCR-1'")) {
            assertEquals(1, ps.executeUpdate());
        }
        long id = create("medicare route", Map.of("runId", "appeals-medicare-route")).get("id").asLong();
        Map<String, byte[]> entries = unzip(Fixtures.auditor().get("/api/campaigns/" + id + "/packet").then().statusCode(200).extract().asByteArray());
        String text = pdfText(entries.get("appeal-MCR-1.pdf"));
        for (String identifier : List.of("1EG4TE5MK73", "DOE, JANE", "ICN 2026 0001", "MCR-1", "TIN 12-3456789", "PTAN TP1234")) {
            assertTrue(text.contains(identifier), identifier + " in\n" + text);
        }
        String financeText = pdfText(unzip(Fixtures.finance().get("/api/campaigns/" + id + "/packet").then().statusCode(200)
                .extract().asByteArray()).get("appeal-MCR-1.pdf"));
        assertFalse(financeText.contains("1EG4TE5MK73") || financeText.contains("DOE, JANE"), "finance never sees the beneficiary");
        assertTrue(financeText.contains("ICN 2026 0001"));
        assertTrue(text.contains("Request for reopening: claim MCR-1"), "the title names the route\n" + text);
        String flowing = text.replaceAll("\\s+", " "); // the PDF's line breaks
        assertTrue(flowing.contains("We request a reopening of claim MCR-1") && flowing.contains("with this reopening request"),
                "the body names the same route\n" + text);
        assertFalse(text.contains("replacement") || text.contains("redetermination"), text);
        assertFalse(io.oncoaudit.api.appeals.letter.PublicText.hasInternalReference(text), text);
        assertTrue(text.contains("96372 billed for an IV push"), text);
        String[] rows = new String(entries.get("corrected-lines.csv"), StandardCharsets.UTF_8).split("\r\n");
        assertTrue(rows.length > 1);
        for (int i = 1; i < rows.length; i++) {
            assertTrue(rows[i].startsWith(",MCR-1,"), "no frequency code 7 for Medicare Part B: " + rows[i]);
            assertTrue(rows[i].contains("reopening"), rows[i]);
        }
    }

    @Test
    void theCampaignAndTheRecoveryReportReadBackFromExcelEqualTheApi() throws Exception {
        long id = create("Aetna xlsx", Map.of("runId", run.runId(), "payerId", "AETNA")).get("id").asLong();
        JsonNode detail = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + id).then().statusCode(200).extract().asString());
        byte[] xlsx = Fixtures.finance().get("/api/campaigns/" + id + "/export.xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx),
                new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            var rows = wb.getFirstSheet().read();
            assertEquals("Claims", wb.getFirstSheet().getName());
            assertEquals(detail.get("claimList").size() + 1, rows.size(), "one header row, one row per claim");
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getText()));
            for (int i = 0; i < detail.get("claimList").size(); i++) {
                JsonNode claim = detail.get("claimList").get(i);
                var r = rows.get(i + 1);
                assertEquals(claim.get("claimId").asText(), r.getCell(header.indexOf("claim_id")).getText());
                var claimed = r.getCell(header.indexOf("claimed"));
                assertEquals(org.dhatim.fastexcel.reader.CellType.NUMBER, claimed.getType());
                assertEquals(0, claim.get("claimed").decimalValue().compareTo(claimed.asNumber()));
                assertEquals(LocalDate.parse(claim.get("dateOfService").asText()),
                        r.getCell(header.indexOf("date_of_service")).asDate().toLocalDate());
                assertFalse(header.contains("patient_id"));
            }
            var totals = wb.findSheet("Totals").orElseThrow().read();
            assertEquals(0, detail.get("claimed").decimalValue().compareTo(totals.get(4).getCell(2).asNumber()), "asked back");
        }
        JsonNode report = JSON.readTree(Fixtures.finance().get("/api/campaigns/recovery").then().statusCode(200).extract().asString());
        byte[] rec = Fixtures.finance().get("/api/campaigns/recovery.xlsx").then().statusCode(200).extract().asByteArray();
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(rec))) {
            var byPayer = wb.getFirstSheet().read();
            assertEquals(report.get("byPayer").size() + 1, byPayer.size());
            var total = wb.findSheet("Total").orElseThrow().read().get(1);
            assertEquals(report.get("total").get("campaignClaims").asLong(), total.getCell(3).asNumber().longValue());
            assertEquals(0, report.get("total").get("recovered").decimalValue().compareTo(total.getCell(7).asNumber()));
        }
    }

    @Test
    void aClaimReturnedAsUnprocessableGetsNoAppealButItsLinesForANewClaim() throws Exception {
        LocalDate recent = LocalDate.now().minusDays(15);
        AppealsTestData.insertRun(ds, "appeals-unprocessable",
                new AppealsTestData.Claim("UNP-1", "PT999501", recent, "UNPPAYER", "Unp", "Clinic", "e", "a", new BigDecimal("20.00"), "UNDERPAYMENT"),
                new AppealsTestData.Claim("UNP-2", "PT999502", recent, "UNPPAYER", "Unp", "Clinic", "e", "a", new BigDecimal("30.00"), "UNDERPAYMENT"));
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE encounters SET billed_lines_json = replace(billed_lines_json, '\"remarkCodes\":[]', '\"remarkCodes\":[\"MA130\"]')"
                        + " WHERE claim_id = 'UNP-1'")) {
            assertEquals(1, ps.executeUpdate());
        }
        long id = create("unprocessable", Map.of("payerId", "UNPPAYER")).get("id").asLong();
        Map<String, byte[]> entries = unzip(Fixtures.auditor().get("/api/campaigns/" + id + "/packet").then().statusCode(200).extract().asByteArray());
        assertEquals(List.of("appeal-UNP-2.pdf", "corrected-lines.csv", "index.csv"), new ArrayList<>(entries.keySet()));
        String index = new String(entries.get("index.csv"), StandardCharsets.UTF_8);
        assertTrue(index.contains("UNP-1,,20.00,no,returned as unprocessable (remark code MA130): no appeal rights"), index);
        String csv = new String(entries.get("corrected-lines.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("\r\n1,UNP-1,UNP-1,") && csv.contains("submit as a new claim"), csv);
        assertTrue(csv.contains("\r\n7,UNP-2,UNP-2,"), csv);
        Fixtures.auditor().get("/api/campaigns/" + id + "/claims/UNP-1/letter.pdf").then().statusCode(409)
                .body("detail", containsString("MA130"));
    }

    @Test
    void extractTextIsEscapedInLettersAndNeutralisedInTheCsv() throws Exception {
        String hostileProvider = "Smith & Jones <b>Oncology</b> \"West\"";
        String hostileExplanation = "</p><script>alert(1)</script> & <img src=\"file:///etc/passwd\"/> ends";
        AppealsTestData.insertRun(ds, "appeals-escape", new AppealsTestData.Claim("ESC-<1>&\"x\"", "PT999001", LocalDate.of(2026, 2, 3),
                "ESCAPEPAYER", "=cmd|' /C calc'!A0", hostileProvider, hostileExplanation, "@SUM(1+1) please reprocess",
                new BigDecimal("1234.50"), "UNDERPAYMENT"));
        // the line is billed at $1,500: the $1,234.50 asked stays under what its corrected line can be paid
        try (Connection cn = ds.getConnection(); PreparedStatement ps = cn.prepareStatement(
                "UPDATE encounters SET billed_lines_json = replace(billed_lines_json, '\"chargeAmount\":60.00', '\"chargeAmount\":1500.00')"
                        + " WHERE payer_id = 'ESCAPEPAYER'")) {
            assertTrue(ps.executeUpdate() >= 1);
        }
        JsonNode c = create("escape", Map.of("payerId", "ESCAPEPAYER"));
        assertEquals(1, c.get("claims").asInt());
        Map<String, byte[]> entries = unzip(Fixtures.auditor().queryParam("include", "late").get("/api/campaigns/" + c.get("id").asLong() + "/packet")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(entries.containsKey("appeal-ESC-_1___x_.pdf"), entries.keySet().toString());
        String text = pdfText(entries.get("appeal-ESC-_1___x_.pdf"));
        assertTrue(text.contains("ESC-<1>&\"x\""), "the claim id prints as written");
        assertTrue(text.contains(hostileProvider), text);
        assertTrue(text.contains("<script>alert(1)</script>"), "markup in an explanation prints as text");
        assertTrue(text.contains("CMS Transmittal 129 <b>&</b>"));
        assertTrue(text.contains("$1,234.50"));
        String csv = new String(entries.get("corrected-lines.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",'=cmd|' /C calc'!A0,"), csv);
        assertFalse(csv.contains(",=cmd"), csv);
    }

    @Test
    void theStateMachineRefusesIllegalMovesAndKeepsEveryChange() throws Exception {
        JsonNode c = create("workflow", Map.of("payerId", "UHC", "runId", run.runId(), "kind", "WASTE_MODIFIER"));
        long id = c.get("id").asLong();
        JsonNode detail = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + id).asString());
        String claim = detail.get("claimList").get(0).get("claimId").asText();
        BigDecimal claimed = detail.get("claimList").get(0).get("claimed").decimalValue();
        String path = "/api/campaigns/" + id + "/claims/" + claim;

        Fixtures.auditor().contentType("application/json").body("{\"state\": \"submitted\"}").patch(path).then()
                .statusCode(409).contentType("application/problem+json")
                .body("transition", equalTo("draft -> submitted")).body("detail", containsString("draft -> submitted"))
                .body("allowed", hasItem("ready"));
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"ready\"}").patch(path).then()
                .statusCode(200).body("state", equalTo("ready")).body("stateChangedBy", equalTo(Fixtures.AUDITOR));
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"won\"}").patch(path).then()
                .statusCode(409).body("transition", equalTo("ready -> won"));
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"submitted\", \"from\": \"draft\"}").patch(path).then()
                .statusCode(409).body("field", equalTo("from"));
        Fixtures.admin().contentType("application/json").body("{\"state\": \"submitted\", \"from\": \"ready\"}").patch(path).then()
                .statusCode(200).body("state", equalTo("submitted")).body("submittedOn", equalTo(LocalDate.now().toString()));
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"partially_won\"}").patch(path).then()
                .statusCode(400).body("field", equalTo("amountRecovered"));
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"lost\", \"amountRecovered\": 5}").patch(path).then()
                .statusCode(400).body("field", equalTo("amountRecovered"));
        String won = Fixtures.auditor().contentType("application/json").body("{\"state\": \"won\"}").patch(path).then()
                .statusCode(200).body("state", equalTo("won")).body("decidedOn", equalTo(LocalDate.now().toString()))
                .extract().asString();
        assertEquals(0, claimed.compareTo(JSON.readTree(won).get("amountRecovered").decimalValue()), "a win recovers the claimed amount by default");
        for (String to : List.of("draft", "ready", "submitted", "lost", "withdrawn")) {
            Fixtures.auditor().contentType("application/json").body("{\"state\": \"" + to + "\"}").patch(path).then()
                    .statusCode(409).body("transition", equalTo("won -> " + to));
        }
        JsonNode history = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(200)
                .extract().asString()).get("history");
        List<String> moves = new ArrayList<>();
        history.forEach(h -> moves.add(h.path("from").asText("-") + ">" + h.get("to").asText() + "@" + h.get("changedBy").asText()));
        assertEquals(List.of("->draft@alice", "draft>ready@alice", "ready>submitted@admin", "submitted>won@alice"), moves);
        history.forEach(h -> assertTrue(h.hasNonNull("changedAt")));

        // a second claim: partial win and the recovery report
        String claim2 = detail.get("claimList").get(1).get("claimId").asText();
        String path2 = "/api/campaigns/" + id + "/claims/" + claim2;
        for (String step : List.of("{\"state\": \"ready\"}", "{\"state\": \"submitted\"}", "{\"state\": \"partially_won\", \"amountRecovered\": 3.10}")) {
            Fixtures.auditor().contentType("application/json").body(step).post(path2 + "/state").then().statusCode(200);
        }
        JsonNode report = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + id + "/recovery").then().statusCode(200).extract().asString());
        JsonNode uhc = report.get("byPayer").get(0);
        assertEquals("UHC", uhc.get("payerId").asText());
        assertEquals(2, uhc.get("appealedClaims").asInt());
        assertEquals(0, claimed.add(new BigDecimal("3.10")).compareTo(uhc.get("recovered").decimalValue()));
        assertEquals(1, uhc.get("won").asInt());
        assertEquals(1, uhc.get("partiallyWon").asInt());
        Fixtures.finance().get("/api/campaigns/recovery").then().statusCode(200).body("byPayer.payerId", hasItem("UHC"));
    }

    @Test
    void deadlinesAreShownSortedByUrgencyAndLateClaimsLeaveTheRecoverableTotal() throws Exception {
        LocalDate today = LocalDate.now();
        BigDecimal ten = new BigDecimal("10.00");
        AppealsTestData.insertRun(ds, "appeals-deadlines",
                new AppealsTestData.Claim("DL-A", "PT999101", today.minusDays(300), "MEDICARE", "Medicare", "Clinic DL", "e", "a", ten, "DENIAL"),
                new AppealsTestData.Claim("DL-B", "PT999102", today.minusDays(300), "MEDICARE", "Medicare", "Clinic DL", "e", "a", ten, "DENIAL"),
                new AppealsTestData.Claim("DL-LATE", "PT999103", today.minusYears(2), "MEDICARE", "Medicare", "Clinic DL", "e", "a", ten, "UNDERPAYMENT"),
                new AppealsTestData.Claim("DL-NEW", "PT999104", today.minusDays(10), "MEDICARE", "Medicare", "Clinic DL", "e", "a", ten, "DENIAL"));
        JsonNode c = create("deadlines", Map.of("runId", "appeals-deadlines"));
        long id = c.get("id").asLong();
        assertEquals(4, c.get("claims").asInt());
        // without a remittance date: estimated from the date of service, and the 2-year-old claim is already late
        JsonNode estimated = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + id + "/claims/DL-NEW").asString());
        assertTrue(estimated.get("deadline").get("estimated").asBoolean());
        assertEquals(today.minusDays(10).plusDays(30 + 5 + 120).toString(), estimated.get("deadline").get("due").asText());
        JsonNode lateEstimate = JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + id + "/claims/DL-LATE").asString());
        assertTrue(lateEstimate.get("pastDeadline").asBoolean());
        assertEquals("reopening", lateEstimate.get("deadline").get("route").asText(), "an underpayment is corrected by reopening only");
        String a = "DL-A";
        String b = "DL-B";
        String late = "DL-LATE";
        // day 120 after receipt (determination + 5 days) is still in time for a redetermination ...
        patch(id, a, "{\"determinationDate\": \"" + today.minusDays(125) + "\"}").then().statusCode(200)
                .body("deadline.route", equalTo("redetermination")).body("deadline.daysLeft", equalTo(0))
                .body("deadline.estimated", equalTo(false)).body("pastDeadline", equalTo(false));
        // ... day 121 is not: only the 1-year reopening is left
        patch(id, b, "{\"determinationDate\": \"" + today.minusDays(126) + "\"}").then().statusCode(200)
                .body("deadline.route", equalTo("reopening")).body("pastDeadline", equalTo(false));
        // a year and a day: every route closed
        JsonNode lateClaim = JSON.readTree(patch(id, late, "{\"determinationDate\": \"" + today.minusYears(1).minusDays(1) + "\"}")
                .then().statusCode(200).body("pastDeadline", equalTo(true)).body("deadline.expired", equalTo(true)).extract().asString());
        assertEquals(0, lateClaim.get("recoverable").decimalValue().signum());

        JsonNode detail = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + id).asString());
        assertEquals(a, detail.get("claimList").get(0).get("claimId").asText(), "the claim due today comes first");
        assertEquals(a, detail.get("nextDeadline").get("claimId").asText());
        JsonNode last = null;
        BigDecimal recoverable = BigDecimal.ZERO;
        LocalDate previous = LocalDate.MIN;
        boolean seenPast = false;
        for (JsonNode cl : detail.get("claimList")) {
            if (cl.get("pastDeadline").asBoolean()) {
                seenPast = true;
            } else {
                assertFalse(seenPast, "claims past their deadline come after the open ones");
                LocalDate due = LocalDate.parse(cl.get("deadline").get("due").asText());
                assertFalse(due.isBefore(previous), "open claims by deadline");
                previous = due;
                recoverable = recoverable.add(cl.get("claimed").decimalValue());
            }
            last = cl;
        }
        assertTrue(last.get("pastDeadline").asBoolean());
        assertEquals(0, recoverable.compareTo(detail.get("recoverable").decimalValue()), "recoverable leaves the late claim out");
        assertTrue(detail.get("pastDeadlineClaims").asInt() >= 1);
        assertTrue(detail.get("claimed").decimalValue().compareTo(detail.get("recoverable").decimalValue()) > 0);
        patch(id, a, "{\"determinationDate\": \"" + today.plusDays(1) + "\"}").then().statusCode(400).body("field", equalTo("determinationDate"));
    }

    @Test
    void rolesFinanceReadsButCannotChangeAndEverythingNeedsALogin() throws Exception {
        String create = body("roles", Map.of("payerId", "MEDICARE", "runId", run.runId())).toString();
        Fixtures.finance().contentType("application/json").body(create).post("/api/campaigns").then().statusCode(403);
        JsonNode c = create("roles", Map.of("payerId", "MEDICARE", "runId", run.runId()));
        long id = c.get("id").asLong();
        String claim = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + id).then().statusCode(200).extract().asString())
                .get("claimList").get(0).get("claimId").asText();
        Fixtures.finance().get("/api/campaigns").then().statusCode(200).body("id", hasItem((int) id));
        Fixtures.finance().get("/api/campaigns/" + id + "/history").then().statusCode(200);
        Fixtures.finance().get("/api/campaigns/recovery").then().statusCode(200);
        Fixtures.finance().contentType("application/json").body("{\"state\": \"ready\"}")
                .patch("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(403);
        Fixtures.finance().contentType("application/json").body("{\"state\": \"ready\"}")
                .post("/api/campaigns/" + id + "/claims/" + claim + "/state").then().statusCode(403);
        Fixtures.finance().contentType("text/html").body("<html/>").put("/api/appeal-templates/MEDICARE").then().statusCode(403);
        for (String path : List.of("/api/campaigns", "/api/campaigns/" + id, "/api/campaigns/" + id + "/packet",
                "/api/campaigns/recovery", "/api/appeal-templates")) {
            RestAssured.get(path).then().statusCode(401);
        }
        RestAssured.given().contentType("application/json").body(create).post("/api/campaigns").then().statusCode(401);
        RestAssured.given().contentType("application/json").body("{\"state\": \"ready\"}")
                .patch("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(401);
        Fixtures.finance().contentType("application/json").body("{\"state\": \"ready\", \"from\": \"draft\"}")
                .post("/api/campaigns/" + id + "/transitions").then().statusCode(403);
        Fixtures.auditor().get("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(200).body("state", equalTo("draft"));

        // many claims at once: every draft to ready; an illegal move is reported per claim
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"ready\", \"from\": \"draft\"}")
                .post("/api/campaigns/" + id + "/transitions").then().statusCode(200)
                .body("changed", equalTo(c.get("claims").asInt())).body("refused.size()", equalTo(0));
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"won\", \"claimIds\": [\"" + claim + "\"]}")
                .post("/api/campaigns/" + id + "/transitions").then().statusCode(200)
                .body("changed", equalTo(0)).body("refused[0].detail", containsString("ready -> won is not allowed"));
        Fixtures.finance().get("/api/campaigns/" + id).then().statusCode(200).body("states.ready", equalTo(c.get("claims").asInt()));
        Fixtures.auditor().queryParam("owner", "me").get("/api/campaigns").then().statusCode(200).body("id", hasItem((int) id));
        Fixtures.finance().queryParam("owner", "me").get("/api/campaigns").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aPayerTemplateEditedInTheProductWordsThatPayersLetters() throws Exception {
        AppealsTestData.insertRun(ds, "appeals-template", new AppealsTestData.Claim("TPL-1", "PT999002", LocalDate.of(2026, 3, 3),
                "TEMPLATEPAYER", "Template Payer", "Template Clinic", "explained", "appeal", new BigDecimal("10.00"), "DENIAL"));
        String template = "<html xmlns=\"http://www.w3.org/1999/xhtml\"><body><h1>Custom request for claim {letter.claimId}</h1>\n"
                + "<p>Requested {letter.amountRequested} from {letter.payerName}</p>{#include appeals/blocks/correctedLinesTable /}</body></html>";
        Fixtures.auditor().contentType("text/html").body(template.replace("{letter.claimId}", "{letter.claimNumber}"))
                .put("/api/appeal-templates/TEMPLATEPAYER").then().statusCode(400).body("field", equalTo("template"))
                .body("detail", containsString("claimNumber")).body("detail", containsString("line 1"));
        // Qute syntax errors name their line too
        Fixtures.auditor().contentType("text/html").body(template.replace("</h1>\n", "</h1>\n{#if letter.lineDetail}"))
                .put("/api/appeal-templates/TEMPLATEPAYER").then().statusCode(400).body("field", equalTo("template"))
                .body("detail", containsString("line"));
        // a value is escaped by Qute: a template cannot be broken by the claim data it prints
        Fixtures.auditor().contentType("text/html").body("<html><body><p>unclosed</body></html>")
                .put("/api/appeal-templates/TEMPLATEPAYER").then().statusCode(400).body("field", equalTo("template"));
        Fixtures.auditor().contentType("text/html")
                .body("<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html><body>&x;</body></html>")
                .put("/api/appeal-templates/TEMPLATEPAYER").then().statusCode(400).body("field", equalTo("template"));
        Fixtures.auditor().contentType("text/html").body(template).put("/api/appeal-templates/TEMPLATEPAYER").then().statusCode(200);
        Fixtures.finance().get("/api/appeal-templates/TEMPLATEPAYER").then().statusCode(200)
                .header("X-Template-Source", "database").body(containsString("Custom request"));
        Fixtures.finance().get("/api/appeal-templates/MEDICARE").then().statusCode(200).header("X-Template-Source", "built-in");

        JsonNode c = create("template", Map.of("payerId", "TEMPLATEPAYER"));
        byte[] pdf = Fixtures.auditor().get("/api/campaigns/" + c.get("id").asLong() + "/claims/TPL-1/letter.pdf").then()
                .statusCode(200).contentType("application/pdf").extract().asByteArray();
        String text = pdfText(pdf);
        assertTrue(text.contains("Custom request for claim TPL-1"), text);
        assertTrue(text.contains("Requested $10.00 from Template Payer"), text);
        assertTrue(text.contains("96401"), text);
        Fixtures.auditor().delete("/api/appeal-templates/TEMPLATEPAYER").then().statusCode(204);
        String back = pdfText(Fixtures.auditor().get("/api/campaigns/" + c.get("id").asLong() + "/claims/TPL-1/letter.pdf").asByteArray());
        assertTrue(back.contains("Request for"), "the built-in default is used again");
    }

    io.restassured.response.Response patch(long id, String claim, String json) {
        return Fixtures.auditor().contentType("application/json").body(json).patch("/api/campaigns/" + id + "/claims/" + claim);
    }
}
