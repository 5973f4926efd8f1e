package io.oncoaudit.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RemitFixture;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 point 7: findings, encounters, summaries, exports and campaigns with the payers' remittances. Every
 * figure is scoped to this class's own run (runId) and compared with the fixture's remittance lines.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class RemittanceApiTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    RemitFixture.RemitRun run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = RemitFixture.loaded(loader, "remit-api", 60, 33);
    }

    /** The fixture's matched remittance line of (claim, line number), or null. */
    private RemitFixture.Line lineOf(String claim, int lineNumber) {
        return run.lines().stream().filter(l -> l.claimId().equals(claim) && Integer.valueOf(lineNumber).equals(l.lineNumber()))
                .findFirst().orElse(null);
    }

    private JsonNode get(String path) throws Exception {
        return JSON.readTree(Fixtures.auditor().get(path).then().statusCode(200).extract().asString());
    }

    private List<JsonNode> allFindings(String query) throws Exception {
        JsonNode page = get("/api/findings?runId=" + run.runId() + "&size=1000" + query);
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        assertTrue(page.get("nextCursor").isNull(), "one page holds them all");
        return out;
    }

    @Test
    void findingsCarryTheRemittanceOfTheirLine() throws Exception {
        int withStatus = 0, claimOnly = 0, none = 0;
        for (JsonNode f : allFindings("")) {
            String claim = f.get("claimId").asText();
            RemitFixture.Line l = lineOf(claim, f.get("lineNumber").asInt());
            boolean claimRemitted = !run.linesOf(claim).isEmpty();
            if (l != null) {
                JsonNode r = f.get("remittance");
                assertEquals(l.status(), r.get("status").asText(), f.toString());
                assertEquals(0, l.paid().compareTo(r.get("paid").decimalValue()));
                assertEquals(l.carcKeys(), joinAdjustments(r.get("adjustments")), f.toString());
                assertEquals(l.rarc() == null ? 0 : 1, r.get("rarc").size());
                assertEquals("PCN-" + claim, r.get("payerClaimNumber").asText());
                assertEquals("PROCESSED_PRIMARY", r.get("claimStatus").asText());
                withStatus++;
            } else if (claimRemitted) {
                // the claim has a remittance but no remittance line for this billed line (line 3)
                assertFalse(f.get("remittance").has("status"), f.toString());
                assertEquals("PCN-" + claim, f.get("remittance").get("payerClaimNumber").asText());
                claimOnly++;
            } else {
                assertFalse(f.has("remittance"), "no remittance for the claim: no remittance object " + f);
                none++;
            }
        }
        assertTrue(withStatus > 10 && claimOnly > 0 && none > 0, withStatus + "/" + claimOnly + "/" + none);
    }

    private static String joinAdjustments(JsonNode adj) {
        List<String> keys = new ArrayList<>();
        adj.forEach(a -> keys.add(a.get("group").asText() + "-" + a.get("carc").asText()));
        return keys.isEmpty() ? null : String.join("|", keys);
    }

    @Test
    void remitStatusAndCarcFilterTheFindingsAndUnknownValuesAre400() throws Exception {
        for (String status : List.of("DENIED", "REJECTED", "UNDERPAID", "ZERO_PAY", "PAID")) {
            long expected = run.run().findings().stream().filter(f -> {
                RemitFixture.Line l = lineOf(f.claimId(), f.findingIndex() + 1);
                return l != null && l.status().equals(status);
            }).count();
            List<JsonNode> got = allFindings("&remitStatus=" + status.toLowerCase());
            assertEquals(expected, got.size(), status);
            assertTrue(expected > 0, status);
            got.forEach(f -> assertEquals(status, f.get("remittance").get("status").asText()));
            JsonNode total = get("/api/findings?runId=" + run.runId() + "&remitStatus=" + status + "&total=true&size=1");
            assertEquals(expected, total.get("total").asLong());
        }
        long co50 = run.run().findings().stream().filter(f -> {
            RemitFixture.Line l = lineOf(f.claimId(), f.findingIndex() + 1);
            return l != null && l.carcKeys() != null && ("|" + l.carcKeys() + "|").contains("|CO-50|");
        }).count();
        assertEquals(co50, allFindings("&carc=CO-50").size());
        assertEquals(co50, allFindings("&carc=50").size(), "a bare reason code matches any group");
        Fixtures.auditor().get("/api/findings?remitStatus=DENYED").then().statusCode(400).body("field", equalTo("remitStatus"))
                .body("detail", containsString("DENIED, PAID, REJECTED, UNDERPAID, ZERO_PAY"));
        Fixtures.auditor().get("/api/findings?carc=CO-9999").then().statusCode(400).body("field", equalTo("carc"))
                .body("detail", containsString("CO-50"));
        Fixtures.auditor().get("/api/summary?by=payer&remitStatus=NOPE").then().statusCode(400).body("field", equalTo("remitStatus"));
        Fixtures.auditor().get("/api/summary/remits?carc=XX-1").then().statusCode(400).body("field", equalTo("carc"));
        Fixtures.auditor().get("/api/summary/remits?remit=DENIED").then().statusCode(400).body("field", equalTo("remit"));
    }

    @Test
    void summaryRemitsGivesTheDenialsOnRemittanceBesideThePredictedExposure() throws Exception {
        JsonNode s = get("/api/summary/remits?runId=" + run.runId());
        JsonNode remits = run.run().summary().get("remits");
        assertEquals(remits.get("denied").get("lines").asLong(), s.get("deniedOnRemittance").get("lines").asLong());
        assertEquals(0, remits.get("denied").get("amount").decimalValue().compareTo(s.get("deniedOnRemittance").get("amount").decimalValue()));
        assertEquals(remits.get("paidBelowExpected").get("lines").asLong(), s.get("paidBelowExpected").get("lines").asLong());
        assertEquals(0, remits.get("paidBelowExpected").get("amount").decimalValue().compareTo(s.get("paidBelowExpected").get("amount").decimalValue()));
        assertEquals(run.lines().size(), s.get("remittanceLines").asLong());
        Map<String, Long> carcs = new TreeMap<>();
        remits.get("byCarc").forEach(c -> carcs.put(c.get("group").asText() + "-" + c.get("carc").asText(), c.get("lines").asLong()));
        Map<String, Long> got = new TreeMap<>();
        s.get("byCarc").forEach(c -> got.put(c.get("group").asText() + "-" + c.get("carc").asText(), c.get("lines").asLong()));
        assertEquals(carcs, got);
        // the rules' prediction, over this run's DENIAL findings, on its own
        BigDecimal predicted = run.run().findings().stream().filter(f -> f.direction().equals("DENIAL")).map(RunFixture.Finding::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, predicted.compareTo(s.get("predictedDenialExposure").decimalValue()));
        // the revenue-cycle split
        Map<String, JsonNode> cycle = new HashMap<>();
        s.get("revenueCycle").forEach(c -> cycle.put(c.get("category").asText(), c));
        assertEquals(Set.of("denial", "rejection", "zero-pay", "underpayment", "paid"), cycle.keySet());
        assertEquals(count("DENIED"), cycle.get("denial").get("lines").asLong());
        assertEquals(count("REJECTED"), cycle.get("rejection").get("lines").asLong());
        assertEquals(count("ZERO_PAY"), cycle.get("zero-pay").get("lines").asLong());
        assertEquals(count("UNDERPAID"), cycle.get("underpayment").get("lines").asLong());
        assertEquals(0, new BigDecimal("50.00").multiply(BigDecimal.valueOf(count("UNDERPAID")))
                .compareTo(cycle.get("underpayment").get("amount").decimalValue()));
        // by payer: the extract's payer of each claim, and a row for the claim the extract does not hold
        Map<String, Long> deniedByPayer = new TreeMap<>();
        Map<String, String> payerOf = new HashMap<>();
        run.run().findings().forEach(f -> payerOf.put(f.claimId(), f.payerId()));
        for (RemitFixture.Line l : run.lines()) {
            if (l.status().equals("DENIED") || l.status().equals("REJECTED")) {
                deniedByPayer.merge(String.valueOf(payerOf.get(l.claimId())), 1L, Long::sum);
            }
        }
        Map<String, Long> gotByPayer = new TreeMap<>();
        s.get("byPayer").forEach(p -> { if (p.get("deniedLines").asLong() > 0) gotByPayer.put(p.get("payerId").asText("null"), p.get("deniedLines").asLong()); });
        assertEquals(deniedByPayer, gotByPayer);
        // a payer filter keeps that payer's claims; a remitStatus filter keeps those lines
        String payer = RunFixture.PAYERS.get(0);
        JsonNode one = get("/api/summary/remits?runId=" + run.runId() + "&payerId=" + payer);
        assertEquals(deniedByPayer.getOrDefault(payer, 0L), one.get("deniedOnRemittance").get("lines").asLong());
        JsonNode onlyUnder = get("/api/summary/remits?runId=" + run.runId() + "&remitStatus=UNDERPAID");
        assertEquals(count("UNDERPAID"), onlyUnder.get("remittanceLines").asLong());
        assertEquals(0, onlyUnder.get("deniedOnRemittance").get("lines").asLong());
        // finance reads it too
        Fixtures.finance().get("/api/summary/remits?runId=" + run.runId()).then().statusCode(200);
    }

    /** The remittance workbook holds the same figures as /api/summary/remits, the prediction and the payers' denials apart. */
    @Test
    void theRemittanceWorkbookHasTheSameFiguresWithTheirMeaning() throws Exception {
        JsonNode s = get("/api/summary/remits?runId=" + run.runId());
        byte[] xlsx = Fixtures.finance().queryParam("runId", run.runId()).get("/api/summary/remits/export.xlsx")
                .then().statusCode(200).header("Content-Disposition", containsString("remittances.xlsx")).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            assertEquals(List.of("Denials", "Revenue cycle", "By payer", "By CARC"), wb.getSheets().map(org.dhatim.fastexcel.reader.Sheet::getName).toList());
            List<Row> d = wb.findSheet("Denials").orElseThrow().read();
            assertEquals("predicted denial exposure", d.get(1).getCell(0).getText());
            assertEquals(0, s.get("predictedDenialExposure").decimalValue().compareTo(d.get(1).getCell(2).asNumber()));
            assertTrue(d.get(1).getCell(3).getText().contains("not a payer's decision"));
            assertEquals("denied on remittance", d.get(2).getCell(0).getText());
            assertEquals(s.get("deniedOnRemittance").get("lines").asLong(), d.get(2).getCell(1).asNumber().longValue());
            assertEquals(0, s.get("deniedOnRemittance").get("amount").decimalValue().compareTo(d.get(2).getCell(2).asNumber()));
            assertEquals(0, s.get("paidBelowExpected").get("amount").decimalValue().compareTo(d.get(3).getCell(2).asNumber()));
            List<Row> cycle = wb.findSheet("Revenue cycle").orElseThrow().read();
            assertEquals(s.get("revenueCycle").size() + 1, cycle.size());
            for (int i = 0; i < s.get("revenueCycle").size(); i++) {
                assertEquals(s.get("revenueCycle").get(i).get("category").asText(), cycle.get(i + 1).getCell(0).getText());
                assertEquals(s.get("revenueCycle").get(i).get("lines").asLong(), cycle.get(i + 1).getCell(2).asNumber().longValue());
            }
            List<Row> payers = wb.findSheet("By payer").orElseThrow().read();
            assertEquals(s.get("byPayer").size() + 1, payers.size());
            long denied = 0;
            for (int i = 1; i < payers.size(); i++) denied += payers.get(i).getCell(4).asNumber().longValue();
            assertEquals(s.get("deniedOnRemittance").get("lines").asLong(), denied);
            List<Row> carcs = wb.findSheet("By CARC").orElseThrow().read();
            assertEquals(s.get("byCarc").size() + 1, carcs.size());
            for (int i = 0; i < s.get("byCarc").size(); i++) {
                JsonNode c = s.get("byCarc").get(i);
                assertEquals(c.get("group").asText() + "-" + c.get("carc").asText(), carcs.get(i + 1).getCell(0).getText() + "-" + carcs.get(i + 1).getCell(1).getText());
                assertEquals(0, c.get("amount").decimalValue().compareTo(carcs.get(i + 1).getCell(3).asNumber()));
            }
        }
        Fixtures.auditor().get("/api/summary/remits/export.xlsx?nope=1").then().statusCode(400).body("field", equalTo("nope"));
    }

    private long count(String status) {
        return run.lines().stream().filter(l -> l.isLine() && l.status().equals(status)).count();
    }

    @Test
    void theOverviewNamesThePredictionAndTheDenialsOnRemittanceApart() throws Exception {
        JsonNode o = get("/api/summary?runId=" + run.runId());
        assertEquals(0, o.get("denial").decimalValue().compareTo(o.get("predictedDenialExposure").decimalValue()));
        JsonNode r = o.get("remittance");
        assertEquals(run.run().summary().get("remits").get("denied").get("lines").asLong(), r.get("deniedOnRemittance").get("lines").asLong());
        assertEquals(run.lines().size(), r.get("remittanceLines").asLong());
        // a run without remittances: zero lines, the prediction unchanged
        RunFixture.Run plain = Fixtures.run(loader, "remit-api-plain", 20, 8);
        JsonNode p = get("/api/summary?runId=" + plain.runId());
        assertEquals(0, p.get("remittance").get("remittanceLines").asLong());
        assertEquals(0, p.get("denial").decimalValue().compareTo(p.get("predictedDenialExposure").decimalValue()));
    }

    @Test
    void theEncounterShowsTheRemittanceLinesBesideTheBilledLines() throws Exception {
        List<String> claims = new ArrayList<>(new java.util.LinkedHashSet<>(run.run().findings().stream().map(RunFixture.Finding::claimId).toList()));
        String scenario3 = claims.get(3);
        JsonNode e = get("/api/encounters/" + scenario3 + "?runId=" + run.runId());
        JsonNode r = e.get("remittance");
        assertEquals("PCN-" + scenario3, r.get("payerClaimNumber").asText());
        assertEquals(2, r.get("lines").size());
        assertEquals(1, r.get("lines").get(0).get("lineNumber").asInt());
        assertEquals("PAID", r.get("lines").get(0).get("remitStatus").asText());
        assertEquals("CO", r.get("lines").get(0).get("adjustments").get(0).get("group").asText());
        assertEquals(0, new BigDecimal("20.00").compareTo(r.get("lines").get(0).get("adjustments").get(0).get("amount").decimalValue()));
        assertEquals(1, r.get("unmatchedLines").size());
        assertEquals("96413", r.get("unmatchedLines").get(0).get("procedureCode").asText());
        assertTrue(r.get("unmatchedLines").get(0).get("lineNumber").isNull());
        JsonNode none = get("/api/encounters/" + claims.get(4) + "?runId=" + run.runId());
        assertTrue(none.get("remittance").isNull(), "no remittance for the claim: null");
    }

    @Test
    void aCampaignIsBuiltFromRealDenials() throws Exception {
        Set<String> denied = new TreeSet<>();
        for (RunFixture.Finding f : run.run().findings()) {
            RemitFixture.Line l = lineOf(f.claimId(), f.findingIndex() + 1);
            if (l != null && l.status().equals("DENIED")) denied.add(f.claimId());
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("name", "Real denials " + run.runId().substring(0, 6));
        body.putObject("filter").put("runId", run.runId()).put("remitStatus", "DENIED");
        JsonNode c = JSON.readTree(Fixtures.auditor().contentType("application/json").body(body.toString())
                .post("/api/campaigns").then().statusCode(201).extract().asString());
        assertEquals(denied.size(), c.get("claims").asInt());
        assertEquals("DENIED", c.get("filter").get("remitStatus").asText());
        JsonNode detail = get("/api/campaigns/" + c.get("id").asLong());
        Set<String> got = new TreeSet<>();
        detail.get("claimList").forEach(x -> got.add(x.get("claimId").asText()));
        assertEquals(denied, got);
        Fixtures.auditor().post("/api/campaigns/" + c.get("id").asLong() + "/archive").then().statusCode(200);
        ObjectNode bad = JSON.createObjectNode();
        bad.put("name", "bad");
        bad.putObject("filter").put("runId", run.runId()).put("remitStatus", "DENY");
        Fixtures.auditor().contentType("application/json").body(bad.toString()).post("/api/campaigns").then().statusCode(400)
                .body("field", equalTo("filter.remitStatus")).body("detail", containsString("DENIED"));
    }

    @Test
    void anAppealPacketEnclosesTheClaimsRemittanceLinesAndSaysSoOnlyWhenThereAreAny() throws Exception {
        // claims whose line 1 was rejected... and one more run without remittances
        ObjectNode body = JSON.createObjectNode();
        body.put("name", "Remittance packet " + run.runId().substring(0, 6));
        body.putObject("filter").put("runId", run.runId()).put("remitStatus", "UNDERPAID");
        JsonNode c = JSON.readTree(Fixtures.auditor().contentType("application/json").body(body.toString())
                .post("/api/campaigns").then().statusCode(201).extract().asString());
        assertTrue(c.get("claims").asInt() > 0);
        Map<String, byte[]> zip = unzip(Fixtures.auditor().queryParam("include", "late,zero")
                .get("/api/campaigns/" + c.get("id").asLong() + "/packet").then().statusCode(200).extract().asByteArray());
        String index = new String(zip.get("index.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(index.startsWith("claim_id,file,claimed,included,reason,remittance\r\n"), index);
        int letters = 0;
        for (String row : index.split("\r\n")) {
            if (!row.contains(",yes,")) continue;
            String claim = row.substring(0, row.indexOf(','));
            String file = "remittance-" + claim + ".csv";
            assertTrue(row.endsWith("," + file), row);
            String csv = new String(zip.get(file), java.nio.charset.StandardCharsets.UTF_8);
            assertEquals(run.linesOf(claim).size() + 1, csv.split("\r\n").length, csv);
            assertTrue(csv.contains(",UNDERPAID") && csv.contains("CO-45 100.00"), csv);
            // the letter's enclosure list names the file (compared without the PDF's line breaks)
            String letter = pdfText(zip.get("appeal-" + claim + ".pdf")).replaceAll("\\s+", "");
            assertTrue(letter.contains("Remittanceadvice(X12835)linesforclaim" + claim) && letter.contains(file + "ofthispacket"), letter);
            letters++;
        }
        assertEquals(c.get("claims").asInt(), letters);
        Fixtures.auditor().post("/api/campaigns/" + c.get("id").asLong() + "/archive").then().statusCode(200);

        RunFixture.Run plain = Fixtures.run(loader, "remit-api-packet-plain", 4, 12);
        ObjectNode none = JSON.createObjectNode();
        none.put("name", "No remittance " + plain.runId().substring(0, 6));
        none.putObject("filter").put("runId", plain.runId());
        JsonNode p = JSON.readTree(Fixtures.auditor().contentType("application/json").body(none.toString())
                .post("/api/campaigns").then().statusCode(201).extract().asString());
        Map<String, byte[]> plainZip = unzip(Fixtures.auditor().queryParam("include", "late,zero")
                .get("/api/campaigns/" + p.get("id").asLong() + "/packet").then().statusCode(200).extract().asByteArray());
        assertTrue(plainZip.keySet().stream().noneMatch(k -> k.startsWith("remittance-")), plainZip.keySet().toString());
        for (Map.Entry<String, byte[]> e : plainZip.entrySet()) {
            if (e.getKey().endsWith(".pdf")) assertFalse(pdfText(e.getValue()).contains("Remittance advice"), e.getKey());
        }
        for (String row : new String(plainZip.get("index.csv"), java.nio.charset.StandardCharsets.UTF_8).split("\r\n")) {
            if (row.contains(",yes,")) assertTrue(row.endsWith(",yes,,"), row);
        }
        Fixtures.auditor().post("/api/campaigns/" + p.get("id").asLong() + "/archive").then().statusCode(200);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> out = new java.util.LinkedHashMap<>();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (java.util.zip.ZipEntry e; (e = in.getNextEntry()) != null; ) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
        }
    }

    @Test
    void theExportsCarryTheRemittanceColumns() throws Exception {
        RunFixture.Finding first = run.run().findings().get(0);
        String csv = Fixtures.auditor().get("/api/findings/export.csv?runId=" + run.runId() + "&claimId=" + first.claimId())
                .then().statusCode(200).extract().asString();
        String[] lines = csv.split("\r\n");
        assertTrue(lines[0].contains(",status,") && lines[0].endsWith(",pricing_note,remit_status,remit_paid,remit_allowed,remit_carc,remit_rarc,remit_claim_status,remit_payer_claim_number"), lines[0]);
        String line1 = java.util.Arrays.stream(lines).filter(l -> l.contains(",DENIED,")).findFirst().orElseThrow();
        assertTrue(line1.endsWith(",DENIED,0.00,,CO-50,N115,PROCESSED_PRIMARY,PCN-" + first.claimId()), line1);
        byte[] xlsx = Fixtures.finance().get("/api/findings/export.xlsx?runId=" + run.runId() + "&remitStatus=DENIED")
                .then().statusCode(200).extract().asByteArray();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
            List<Row> rows = wb.getFirstSheet().read();
            List<String> header = new ArrayList<>();
            rows.get(0).forEach(cell -> header.add(cell.getText()));
            int status = header.indexOf("remit_status");
            int paid = header.indexOf("remit_paid");
            assertTrue(status > 0 && paid > 0, header.toString());
            assertTrue(rows.size() > 1);
            for (Row r : rows.subList(1, rows.size())) {
                assertEquals("DENIED", r.getCell(status).getText());
                assertEquals(0, BigDecimal.ZERO.compareTo(r.getCell(paid).asNumber()), "paid is a number");
            }
        }
    }
}
