package io.oncoaudit.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The appeal campaign pages (issue 7, section 4) in Chromium against the real API on PostgreSQL with a
 * loaded run: a campaign built from the filtered worklist, its claims and totals as the API has them,
 * claim updates limited to the state machine's moves, the packet and letters as downloaded by the
 * browser, the recovery report, and finance reading without changing.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class CampaignPagesTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final String PAYER = "UHC";
    private static DashboardRun.Run run;
    private static Browser browser;
    private static Path downloads;

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @Inject
    io.agroal.api.AgroalDataSource ds;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        synchronized (CampaignPagesTests.class) {
            if (run == null) {
                String runId = "camp-web";
                Path dir = Files.createTempDirectory("oncoaudit-campaign-run");
                run = DashboardRun.write(dir, runId, "fp-" + runId + "-" + UUID.randomUUID(), 120, 20261126L);
                loader.load(dir, "test", new PrintStream(System.err, true));
            }
            if (browser == null) {
                browser = new Browser(root.toString());
                downloads = Files.createTempDirectory("oncoaudit-downloads");
            }
        }
        // a claim is in at most one open campaign: each test starts with none open
        io.oncoaudit.api.appeals.AppealsTestData.archiveOpenCampaigns(ds);
        // downloads land in a folder of the test's own (Chromium DevTools; headless asks nobody)
        browser.driver.executeCdpCommand("Browser.setDownloadBehavior",
                Map.of("behavior", "allow", "downloadPath", downloads.toAbsolutePath().toString()));
        browser.viewport(1280, 800);
        browser.drainConsole();
    }

    @AfterEach
    void noConsoleErrors() {
        assertEquals(List.of(), browser.consoleErrors(), "browser console errors");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    @Test
    void anAuditorBuildsACampaignFromTheFilteredWorklistAndSeesTheApisFigures() throws Exception {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/worklist?runId=" + run.runId());
        browser.waitFor(By.id("findings-table"));
        browser.waitUntil("payer options", d -> !d.findElements(By.cssSelector("#w-payer option[value='" + PAYER + "']")).isEmpty());
        new Select(browser.driver.findElement(By.id("w-payer"))).selectByValue(PAYER);
        new Select(browser.driver.findElement(By.id("w-direction"))).selectByValue("UNDERPAYMENT");
        browser.driver.findElement(By.id("w-max")).sendKeys("600.00");
        browser.driver.findElement(By.id("apply-filters")).click();
        browser.waitUntil("the filter in the URL", d -> d.getCurrentUrl().contains("payerId=" + PAYER)
                && d.getCurrentUrl().contains("direction=UNDERPAYMENT") && d.getCurrentUrl().contains("maxAmount=600"));
        browser.waitFor(By.id("findings-table"));
        WebElement name = browser.waitFor(By.id("campaign-name"));
        assertTrue(name.getAttribute("value").startsWith(PAYER), "a default name from the filter: " + name.getAttribute("value"));
        assertTrue(browser.text(By.id("build-campaign-filter")).contains("payer " + PAYER));
        assertTrue(browser.text(By.id("build-campaign-filter")).contains("finding amount ≤ 600.00"), browser.text(By.id("build-campaign-filter")));
        name.clear();
        name.sendKeys("UHC underpayments (browser)");
        browser.screenshot("campaign-build-from-worklist");
        browser.driver.findElement(By.id("build-campaign")).click();
        browser.waitUntil("the new campaign opens", d -> d.getCurrentUrl().matches(".*#/campaign/\\d+$"));
        long id = Long.parseLong(browser.driver.getCurrentUrl().replaceAll(".*#/campaign/", ""));
        browser.waitFor(By.id("campaign-claims"));

        // the campaign holds the claims of the findings the worklist showed ...
        List<DashboardRun.Finding> matching = run.findings().stream()
                .filter(f -> f.payerId().equals(PAYER) && f.direction().equals("UNDERPAYMENT"))
                .filter(f -> f.amount().compareTo(new BigDecimal("600.00")) <= 0).toList();
        assertTrue(matching.size() < run.findings().stream().filter(f -> f.payerId().equals(PAYER) && f.direction().equals("UNDERPAYMENT")).count(),
                "the maximum amount leaves findings out");
        Set<String> claimIds = matching.stream().map(DashboardRun.Finding::claimId).collect(Collectors.toCollection(TreeSet::new));
        // what a campaign asks never exceeds what the corrected line can be paid: every finding of the run is on billed
        // line 1 (96372 x1 charged $60.00), so the findings of a claim correcting it to one code share its charge basis
        Map<String, BigDecimal> perLine = new java.util.TreeMap<>();
        for (DashboardRun.Finding f : matching) perLine.merge(f.claimId() + "/" + DashboardRun.CODES.get(f.kind())[1], f.amount(), BigDecimal::add);
        BigDecimal amount = perLine.values().stream().map(v -> v.min(new BigDecimal("60.00"))).reduce(BigDecimal.ZERO, BigDecimal::add);
        JsonNode c = campaign(id);
        assertEquals(claimIds.size(), c.get("claims").asInt());
        assertEquals(0, amount.compareTo(c.get("amount").decimalValue()), amount + " vs " + c.get("amount"));
        assertEquals("UHC underpayments (browser)", c.get("name").asText());
        assertEquals(Fixtures.AUDITOR, c.get("owner").asText());
        assertEquals(run.runId(), c.get("filter").get("runId").asText());

        // ... and the page shows the API's figures and its claims in the API's (urgency) order
        assertEquals("UHC underpayments (browser)", browser.text(By.id("campaign-title")));
        assertEquals(whole(c.get("claims").asLong()), tile("claims"));
        assertEquals(usd(c.get("amount")), tile("amount"));
        assertEquals(usd(c.get("recoverable")), tile("recoverable"));
        List<String> apiOrder = new ArrayList<>();
        c.get("claimList").forEach(v -> apiOrder.add(v.get("claimId").asText()));
        assertEquals(new TreeSet<>(apiOrder), claimIds);
        assertEquals(apiOrder, shownClaimOrder());

        // claims past their deadline are marked, recover $0.00 and are not in the recoverable total
        int past = 0;
        BigDecimal recoverable = BigDecimal.ZERO;
        for (JsonNode v : c.get("claimList")) {
            WebElement row = claimRow(v.get("claimId").asText());
            boolean late = v.get("pastDeadline").asBoolean();
            assertEquals(late, row.getAttribute("class").contains("past-deadline"), v.get("claimId").asText());
            assertEquals(late, row.getText().contains("Past deadline"), v.get("claimId").asText());
            if (late) {
                past++;
                assertEquals("$0.00", row.findElement(By.cssSelector("td.recoverable")).getText().lines().findFirst().orElse(""));
            } else {
                recoverable = recoverable.add(v.get("claimed").decimalValue());
            }
        }
        assertTrue(past > 0, "UHC claims from January 2026 are past their 180-day appeal window");
        assertTrue(past < claimIds.size() || LocalDate.now().isAfter(LocalDate.of(2027, 1, 31)), "some claims are still in time");
        assertEquals(past, c.get("pastDeadlineClaims").asInt());
        assertEquals(0, recoverable.compareTo(c.get("recoverable").decimalValue()), "recoverable = open claims in time");
        assertTrue(browser.text(By.cssSelector("#tile-recoverable .tile-note")).contains("leaves out " + past + " past deadline"));
        // the first rows are the claims still in time, nearest deadline first
        if (past < claimIds.size()) assertFalse(claimRow(apiOrder.get(0)).getAttribute("class").contains("past-deadline"));
        browser.screenshot("campaign-detail-1280x800");

        // the list shows it with the API's figures
        browser.open("#/campaigns");
        browser.waitFor(By.id("campaigns-table"));
        WebElement link = browser.waitFor(By.cssSelector("#campaigns-table a.campaign-link[data-id='" + id + "']"));
        WebElement listRow = link.findElement(By.xpath("./ancestor::tr"));
        List<String> cells = listRow.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals(PAYER, cells.get(0));
        assertEquals(Fixtures.AUDITOR, cells.get(1));
        assertEquals(whole(c.get("claims").asLong()), cells.get(2));
        assertEquals(usd(c.get("amount")), cells.get(3));
        assertTrue(cells.get(4).startsWith(usd(c.get("recoverable"))), cells.get(4));
        if (c.has("nextDeadline")) assertTrue(cells.get(5).startsWith(c.get("nextDeadline").get("due").asText()), cells.get(5));
        assertEquals("draft " + c.get("claims").asInt(), cells.get(6));
        browser.screenshot("campaign-list");
    }

    @Test
    void claimUpdatesOfferOnlyTheLegalMovesAndAStaleMoveIsRefused() throws Exception {
        long id = createCampaign("UHC drug units (states)", Map.of("runId", run.runId(), "payerId", PAYER, "kind", "DRUG_UNITS"));
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/campaign/" + id);
        browser.waitFor(By.id("campaign-claims"));
        JsonNode first = campaign(id).get("claimList").get(0);
        String claim = first.get("claimId").asText();
        assertEquals("draft", first.get("state").asText());

        // draft: only ready and withdrawn are offered (the API's nextStates), never an outcome
        openEditor(0);
        assertEquals(List.of("", "ready", "withdrawn"), options("claim-0-state"));
        assertEquals(List.of("ready", "withdrawn"), texts(first.get("nextStates")));
        move(0, "ready", null);
        browser.waitUntil("moved", d -> browser.text(By.id("campaign-status")).contains("moved from draft to ready"));
        assertEquals("ready", claimState(id, claim).get("state").asText());
        assertEquals("ready", claimRow(claim).getAttribute("data-state"));

        // the server refuses what the state machine does not allow, with 409 naming the move
        String refused = Fixtures.auditor().contentType("application/json").body("{\"state\": \"won\"}")
                .patch("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(409).extract().asString();
        assertTrue(refused.contains("ready") && refused.contains("won"), refused);

        // ready -> submitted -> partially won with an amount, through the page
        int row = rowIndex(claim);
        openEditor(row);
        assertEquals(List.of("", "draft", "submitted", "withdrawn"), options("claim-" + row + "-state"));
        move(row, "submitted", null);
        browser.waitUntil("submitted", d -> browser.text(By.id("campaign-status")).contains("to submitted"));
        row = rowIndex(claim);
        openEditor(row);
        assertEquals(List.of("", "won", "partially_won", "lost", "withdrawn"), options("claim-" + row + "-state"));
        move(row, "partially_won", "10.25");
        browser.waitUntil("decided", d -> browser.text(By.id("campaign-status")).contains("to partially won"));
        JsonNode decided = claimState(id, claim);
        assertEquals("partially_won", decided.get("state").asText());
        assertEquals(0, new BigDecimal("10.25").compareTo(decided.get("amountRecovered").decimalValue()));
        assertEquals(List.of("draft->ready", "ready->submitted", "submitted->partially_won"), moves(decided.get("history")));
        JsonNode c = campaign(id);
        assertEquals(usd(c.get("recovered")), tile("recovered"));
        assertEquals("$10.25", tile("recovered"));
        // a final state offers no move
        int finalRow = rowIndex(claim);
        openEditor(finalRow);
        assertTrue(browser.driver.findElements(By.id("claim-" + finalRow + "-state")).isEmpty(), "partially won is final");
        assertTrue(browser.text(By.id("claim-" + finalRow + "-form")).contains("This state is final"));
        browser.waitUntil("the history", d -> browser.text(By.id("claim-" + finalRow + "-editor")).contains("Submitted → Partially won"));
        browser.screenshot("campaign-claim-history");

        // a screen gone stale: someone else moved the claim meanwhile; the page's move is refused, not applied
        String other = c.get("claimList").get(rowIndexIn(c, claim) == 0 ? 1 : 0).get("claimId").asText();
        int otherRow = rowIndex(other);
        openEditor(otherRow);
        assertEquals(List.of("", "ready", "withdrawn"), options("claim-" + otherRow + "-state"));
        Fixtures.auditor().contentType("application/json").body("{\"state\": \"withdrawn\"}")
                .patch("/api/campaigns/" + id + "/claims/" + other).then().statusCode(200);
        move(otherRow, "ready", null);
        browser.waitUntil("the refusal", d -> browser.text(By.id("claim-" + otherRow + "-message")).startsWith("Not saved:"));
        assertTrue(browser.text(By.id("claim-" + otherRow + "-message")).contains("withdrawn"), browser.text(By.id("claim-" + otherRow + "-message")));
        assertEquals("withdrawn", claimState(id, other).get("state").asText());
        browser.screenshot("campaign-stale-move-refused");
        // the refused request is the one expected console entry
        List<String> errors = browser.consoleErrors();
        assertTrue(errors.stream().allMatch(e -> e.contains("409")), errors.toString());
    }

    @Test
    void manyClaimsChangeStateAtOnceAndTheRefusalsAreListed() throws Exception {
        long id = createCampaign("UHC waste (bulk)", Map.of("runId", run.runId(), "payerId", PAYER, "kind", "WASTE_MODIFIER"));
        JsonNode c = campaign(id);
        List<String> claims = new ArrayList<>();
        c.get("claimList").forEach(v -> claims.add(v.get("claimId").asText()));
        assertTrue(claims.size() >= 3, "the fixture gives the campaign claims: " + claims);
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/campaign/" + id);
        browser.waitFor(By.id("bulk-bar"));
        // two ticked claims to ready
        browser.driver.findElement(By.id("pick-0")).click();
        browser.driver.findElement(By.id("pick-1")).click();
        new Select(browser.driver.findElement(By.id("bulk-state"))).selectByValue("ready");
        browser.driver.findElement(By.id("bulk-apply")).click();
        browser.waitUntil("the move", d -> browser.text(By.id("campaign-status")).startsWith("Moved 2 claims to ready"));
        long ready = 0;
        for (JsonNode v : campaign(id).get("claimList")) if (v.get("state").asText().equals("ready")) ready++;
        assertEquals(2, ready);
        // every claim to submitted: only the two ready ones may move, the drafts are refused by name
        browser.waitFor(By.id("bulk-all")).click();
        new Select(browser.driver.findElement(By.id("bulk-state"))).selectByValue("submitted");
        browser.driver.findElement(By.id("bulk-apply")).click();
        browser.waitUntil("the second move", d -> browser.text(By.id("campaign-status")).startsWith("Moved 2 claims to submitted; refused "
                + (claims.size() - 2)));
        assertTrue(browser.text(By.id("campaign-status")).contains("draft"), browser.text(By.id("campaign-status")));
        long submitted = 0;
        for (JsonNode v : campaign(id).get("claimList")) if (v.get("state").asText().equals("submitted")) submitted++;
        assertEquals(2, submitted);
        // archived from the page: a new campaign may then take these claims
        browser.driver.findElement(By.id("archive-campaign")).click();
        browser.waitUntil("archived", d -> browser.text(By.id("campaign-status")).startsWith("Archived"));
        assertTrue(campaign(id).hasNonNull("archivedAt"));
        createCampaign("UHC waste again", Map.of("runId", run.runId(), "payerId", PAYER, "kind", "WASTE_MODIFIER"));
    }

    @Test
    void thePacketDownloadedByTheBrowserHoldsOneLetterPerClaimAndTheCorrectedLines() throws Exception {
        long id = createCampaign("Aetna waste (packet)", Map.of("runId", run.runId(), "payerId", "AETNA", "kind", "WASTE_MODIFIER"));
        JsonNode c = campaign(id);
        List<String> claims = new ArrayList<>();
        c.get("claimList").forEach(v -> claims.add(v.get("claimId").asText()));
        assertTrue(claims.size() >= 2, "the fixture gives the packet claims");
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/campaign/" + id);
        browser.waitFor(By.id("campaign-claims"));

        // the fixture's dates of service are months old: ask for the claims past their deadline too
        browser.driver.findElement(By.id("packet-include-late")).click();
        browser.driver.findElement(By.id("packet-include-zero")).click();
        // every text the status shows while the packet is built
        browser.js("window.packetStatuses = []; const s = document.getElementById('packet-status');"
                + " new MutationObserver(() => window.packetStatuses.push(s.textContent)).observe(s, {childList: true, characterData: true, subtree: true});");
        browser.driver.findElement(By.id("download-packet")).click();
        String zipName = "campaign-" + id + "-packet.zip";
        browser.waitUntil("the packet", d -> browser.text(By.id("packet-status")).startsWith("Downloaded " + zipName));
        byte[] zip = downloaded(zipName);
        assertEquals("Downloaded " + zipName + " (" + whole(zip.length) + " bytes).", browser.text(By.id("packet-status")));
        @SuppressWarnings("unchecked")
        List<String> statuses = (List<String>) browser.js("return window.packetStatuses;");
        String built = "Building the packet: " + whole(claims.size()) + " of " + whole(claims.size()) + " letters\u2026";
        assertTrue(statuses.contains(built), "the build's progress, letter by letter: " + statuses);

        // the campaign's claims as a workbook, from its button
        browser.driver.findElement(By.id("download-campaign-xlsx")).click();
        byte[] xlsx = downloaded("campaign-" + id + ".xlsx");
        try (var wb = new org.dhatim.fastexcel.reader.ReadableWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertEquals(claims.size() + 1, wb.getFirstSheet().read().size(), "header + one row per claim");
        }
        Map<String, byte[]> entries = unzip(zip);
        List<String> pdfs = entries.keySet().stream().filter(n -> n.endsWith(".pdf")).toList();
        assertEquals(claims.size(), pdfs.size(), "one letter per claim: " + entries.keySet());
        assertEquals(2 * claims.size() + 2, entries.size(),
                "the letters, each claim's administration record, corrected-lines.csv and index.csv: " + entries.keySet());
        for (String claim : claims) {
            byte[] mar = entries.get("administrations-" + claim + ".csv");
            assertTrue(mar != null && new String(mar, StandardCharsets.UTF_8).contains(claim + ",A1,J9395"), "the MAR extract of " + claim);
        }
        assertTrue(entries.containsKey("corrected-lines.csv") && entries.containsKey("index.csv"));
        for (String claim : claims) {
            byte[] pdf = entries.get("appeal-" + claim + ".pdf");
            assertTrue(pdf != null, "letter of " + claim + " in " + entries.keySet());
            assertTrue(pdfText(pdf).contains(claim), "the letter names claim " + claim);
        }
        String csv = new String(entries.get("corrected-lines.csv"), StandardCharsets.UTF_8);
        for (String claim : claims) assertTrue(csv.contains(claim), "corrected lines of " + claim);

        // one claim's letter
        String claim = claims.get(0);
        browser.driver.findElement(By.id("claim-0-letter")).click();
        String pdfName = "appeal-" + id + "-" + claim + ".pdf";
        byte[] pdf = downloaded(pdfName);
        assertEquals("%PDF", new String(pdf, 0, 4, StandardCharsets.US_ASCII));
        String text = pdfText(pdf);
        assertTrue(text.contains(claim), text);
        browser.screenshot("campaign-packet-downloaded");
    }

    @Test
    void theRecoveryReportShowsTheApisFunnelByPayer() throws Exception {
        long id = createCampaign("Medicare (recovery)", Map.of("runId", run.runId(), "payerId", "MEDICARE", "kind", "INFUSION_HOURS"));
        JsonNode first = campaign(id).get("claimList").get(0);
        String claim = first.get("claimId").asText();
        for (String body : List.of("{\"state\": \"ready\"}", "{\"state\": \"submitted\"}", "{\"state\": \"won\", \"amountRecovered\": 5.50}")) {
            Fixtures.auditor().contentType("application/json").body(body).patch("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(200);
        }
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/recovery");
        browser.waitFor(By.id("recovery-table"));
        JsonNode report = JSON.readTree(Fixtures.finance().get("/api/campaigns/recovery").then().statusCode(200).extract().asString());
        JsonNode t = report.get("total");
        assertEquals(usd(t.get("identified")), tile("identified"));
        assertEquals(usd(t.get("inCampaigns")), tile("in-campaigns"));
        assertEquals(usd(t.get("appealed")), tile("appealed"));
        assertEquals(usd(t.get("recovered")), tile("recovered"));
        assertEquals(usd(t.get("recoverable")), tile("recoverable"));
        assertTrue(t.get("recovered").decimalValue().compareTo(new BigDecimal("5.50")) >= 0);
        Map<String, List<String>> shown = new LinkedHashMap<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#recovery-table tbody tr"))) {
            shown.put(tr.findElement(By.tagName("th")).getText(),
                    tr.findElements(By.tagName("td")).stream().map(td -> td.getText().lines().findFirst().orElse("")).toList().subList(0, 4));
        }
        Map<String, List<String>> expected = new LinkedHashMap<>();
        for (JsonNode r : report.get("byPayer")) {
            expected.put(r.get("payerId").asText(), List.of(usd(r.get("identified")), usd(r.get("inCampaigns")),
                    usd(r.get("appealed")), usd(r.get("recovered"))));
        }
        assertEquals(new TreeSet<>(expected.keySet()), new TreeSet<>(shown.keySet()));
        expected.forEach((payer, row) -> assertEquals(row, shown.get(payer), payer));
        browser.screenshot("recovery-report");

        // one campaign's report
        browser.open("#/recovery?campaignId=" + id);
        browser.waitUntil("the campaign's report", d -> browser.text(By.id("recovery-title")).endsWith("campaign " + id)
                && !d.findElements(By.cssSelector("#recovery-table tbody tr")).isEmpty());
        JsonNode one = JSON.readTree(Fixtures.finance().get("/api/campaigns/" + id + "/recovery").then().statusCode(200).extract().asString());
        assertEquals("$5.50", tile("recovered"));
        assertEquals(usd(one.get("total").get("recovered")), tile("recovered"));
        assertEquals(usd(one.get("total").get("identified")), tile("identified"));
    }

    @Test
    void financeSeesCampaignsReadOnlyAndTheApiRefusesItsChanges() throws Exception {
        long id = createCampaign("UHC denials (finance)", Map.of("runId", run.runId(), "payerId", PAYER, "direction", "DENIAL"));
        JsonNode c = campaign(id);
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        assertFalse(browser.driver.findElements(By.cssSelector("#nav a[href='#/campaigns']")).isEmpty(), "finance has the campaigns link");
        browser.open("#/campaigns");
        browser.waitFor(By.cssSelector("#campaigns-table a.campaign-link[data-id='" + id + "']"));
        assertTrue(browser.text(By.id("read-only-note")).startsWith("Read only"));
        browser.open("#/campaign/" + id);
        browser.waitFor(By.id("campaign-claims"));
        assertEquals(usd(c.get("recoverable")), tile("recoverable"));
        assertTrue(browser.text(By.id("read-only-note")).startsWith("Read only"));
        assertTrue(browser.driver.findElements(By.cssSelector("form.claim-form, select[id^='claim-'], button[id$='-save']")).isEmpty(),
                "no update controls for finance");
        browser.driver.findElement(By.id("claim-0-toggle")).click();
        browser.waitUntil("the history", d -> browser.text(By.id("claim-0-editor")).contains("History"));
        assertTrue(browser.driver.findElements(By.id("claim-0-form")).isEmpty());
        assertFalse(browser.driver.findElements(By.id("download-packet")).isEmpty(), "finance may download the packet");
        String dom = browser.driver.getPageSource();
        for (String patient : run.patientIds()) assertFalse(dom.contains(patient), "patient id " + patient + " shown to finance");
        browser.screenshot("campaign-detail-finance-read-only");

        // no build button on the worklist (finance has no worklist) and the API refuses every change with 403
        browser.open("#/worklist?runId=" + run.runId());
        browser.waitUntil("the refusal", d -> browser.text(By.tagName("h1")).equals("Not permitted"));
        assertTrue(browser.driver.findElements(By.id("build-campaign")).isEmpty());
        String claim = c.get("claimList").get(0).get("claimId").asText();
        Fixtures.finance().contentType("application/json").body("{\"name\": \"x\", \"filter\": {\"payerId\": \"UHC\"}}")
                .post("/api/campaigns").then().statusCode(403);
        Fixtures.finance().contentType("application/json").body("{\"state\": \"ready\"}")
                .patch("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(403);
        Fixtures.finance().contentType("application/json").body("{\"state\": \"ready\", \"from\": \"draft\"}")
                .post("/api/campaigns/" + id + "/transitions").then().statusCode(403);
        Fixtures.finance().get("/api/campaigns/" + id + "/packet").then().statusCode(200);
        assertEquals("draft", claimState(id, claim).get("state").asText());

        // the phone layout keeps the claims readable without sideways page scrolling
        browser.viewport(390, 844);
        browser.open("#/campaign/" + id);
        browser.waitFor(By.id("campaign-claims"));
        Number width = (Number) browser.js("return document.documentElement.scrollWidth");
        assertTrue(width.intValue() <= 390, "the page scrolls sideways: " + width + " px; too wide: " + browser.js(
                "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 391"
                + " && !e.closest('.table-scroll *')).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className"
                + " + ' ' + Math.round(e.getBoundingClientRect().right)).join(', ')"));
        browser.screenshot("campaign-detail-390x844");
    }

    // --- helpers

    private static long createCampaign(String name, Map<String, Object> filter) throws Exception {
        Map<String, Object> body = Map.of("name", name, "filter", filter);
        String resp = Fixtures.auditor().contentType("application/json").body(JSON.writeValueAsString(body))
                .post("/api/campaigns").then().statusCode(201).extract().asString();
        return JSON.readTree(resp).get("id").asLong();
    }

    private static JsonNode campaign(long id) throws Exception {
        return JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + id).then().statusCode(200).extract().asString());
    }

    private static JsonNode claimState(long id, String claim) throws Exception {
        return JSON.readTree(Fixtures.auditor().get("/api/campaigns/" + id + "/claims/" + claim).then().statusCode(200).extract().asString());
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.isTextual() ? n.asText() : n.toString()));
        return out;
    }

    private static List<String> moves(JsonNode history) {
        List<String> out = new ArrayList<>();
        history.forEach(h -> {
            if (h.hasNonNull("from")) out.add(h.get("from").asText() + "->" + h.get("to").asText());
        });
        return out;
    }

    private static int rowIndexIn(JsonNode c, String claim) {
        int i = 0;
        for (JsonNode v : c.get("claimList")) {
            if (v.get("claimId").asText().equals(claim)) return i;
            i++;
        }
        return -1;
    }

    private List<String> shownClaimOrder() {
        return browser.driver.findElements(By.cssSelector("#campaign-claims tbody tr.claim-row")).stream()
                .map(tr -> tr.getAttribute("data-claim")).toList();
    }

    private int rowIndex(String claim) {
        browser.waitFor(By.id("campaign-claims"));
        return Integer.parseInt(claimRow(claim).getAttribute("id").substring("claim-".length()));
    }

    private WebElement claimRow(String claim) {
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#campaign-claims tbody tr.claim-row"))) {
            if (claim.equals(tr.getAttribute("data-claim"))) return tr;
        }
        throw new AssertionError("no row for claim " + claim);
    }

    private void openEditor(int row) {
        browser.driver.findElement(By.id("claim-" + row + "-toggle")).click();
        browser.waitFor(By.id("claim-" + row + "-form"));
    }

    private List<String> options(String selectId) {
        return browser.driver.findElements(By.cssSelector("#" + selectId + " option")).stream()
                .map(o -> o.getAttribute("value")).toList();
    }

    private void move(int row, String state, String amount) {
        new Select(browser.driver.findElement(By.id("claim-" + row + "-state"))).selectByValue(state);
        if (amount != null) {
            WebElement input = browser.waitFor(By.id("claim-" + row + "-amount"));
            input.clear();
            input.sendKeys(amount);
        }
        browser.driver.findElement(By.id("claim-" + row + "-save")).click();
    }

    private byte[] downloaded(String name) throws IOException {
        Path file = downloads.resolve(name);
        browser.waitUntil("the download of " + name, d -> Files.isRegularFile(file)
                && !Files.exists(downloads.resolve(name + ".crdownload")));
        return Files.readAllBytes(file);
    }

    private String tile(String id) {
        return browser.text(By.cssSelector("#tile-" + id + " .tile-value"));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    private static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static String usd(JsonNode amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(new BigDecimal(amount.asText()));
    }

    private static String whole(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

}
