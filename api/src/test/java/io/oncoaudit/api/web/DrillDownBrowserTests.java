package io.oncoaudit.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 16 in Chromium against the real API: the finance drill-down payer -> provider -> kind -> claims ->
 * encounter, click by click, each step a URL that equals the API's rows; the XLSX download read back; the
 * worklist's sort and group controls.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class DrillDownBrowserTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static DashboardRun.Run run;
    private static Browser browser;
    private static Path downloads;

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        synchronized (DrillDownBrowserTests.class) {
            if (run == null) {
                String runId = "drill-web";
                Path dir = Files.createTempDirectory("oncoaudit-drill-run");
                run = DashboardRun.write(dir, runId, "fp-" + runId + "-" + UUID.randomUUID(), 200, 20261206L);
                loader.load(dir, "test", new PrintStream(System.err, true));
            }
            if (browser == null) {
                browser = new Browser(root.toString());
                downloads = Files.createTempDirectory("oncoaudit-drill-downloads");
            }
        }
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
    void theDrillDownGoesPayerProviderKindClaimsEncounterClickByClick() throws Exception {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        String base = "#/drill?runId=" + run.runId();
        browser.open(base);
        // payers
        JsonNode payers = api(Map.of("by", "payer", "runId", run.runId()));
        assertEquals(keys(payers, "payerId"), firstCells());
        String payer = payers.get(0).get("payerId").asText();
        click("drill-0", "payerId=" + payer);
        // providers of the payer
        JsonNode providers = api(Map.of("by", "provider", "runId", run.runId(), "payerId", payer));
        browser.waitUntil("the providers", d -> firstCells().size() == providers.size() && browser.text(By.id("drill-title")).contains(payer));
        assertMoney(providers);
        String npi = providers.get(0).get("billingNpi").asText();
        click("drill-0", "billingNpi=" + npi);
        // kinds of the provider under the payer
        JsonNode kinds = api(Map.of("by", "kind", "runId", run.runId(), "payerId", payer, "billingNpi", npi));
        browser.waitUntil("the kinds", d -> browser.text(By.id("drill-title")).contains(npi) && firstCells().size() == kinds.size());
        assertMoney(kinds);
        String kind = kinds.get(0).get("kind").asText();
        click("drill-0", "kind=" + kind);
        // claims
        JsonNode claims = api(Map.of("by", "claim", "runId", run.runId(), "payerId", payer, "billingNpi", npi, "kind", kind,
                "size", "25"));
        browser.waitUntil("the claims", d -> browser.text(By.id("drill-status")).contains(" of " + claims.get("total").asText()));
        List<String> claimIds = new ArrayList<>();
        claims.get("items").forEach(c -> claimIds.add(c.get("claimId").asText()));
        assertEquals(claimIds, firstCells());
        assertMoney(claims.get("items"));
        assertEquals(List.of("All payers", payer, "NPI " + npi),
                browser.driver.findElements(By.cssSelector("#drill-path a")).stream().map(WebElement::getText).toList());
        browser.screenshot("drill-down-claims");
        // the claims-level URL is the view: reload it and the same rows come back
        String claimsUrl = browser.driver.getCurrentUrl();
        browser.driver.navigate().refresh();
        browser.waitUntil("the claims again", d -> firstCells().equals(claimIds));

        // the findings of this step as an Excel workbook: one row per finding of payer, provider and kind
        browser.driver.findElement(By.id("drill-findings-xlsx")).click();
        browser.waitUntil("the download", d -> browser.text(By.id("drill-export-status")).startsWith("Downloaded findings.xlsx"));
        Path file = downloads.resolve("findings.xlsx");
        browser.waitUntil("the file", d -> Files.isRegularFile(file) && !Files.exists(downloads.resolve("findings.xlsx.crdownload")));
        long expected = run.findings().stream().filter(f -> f.payerId().equals(payer) && f.billingNpi().equals(npi)
                && f.kind().equals(kind)).count();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertEquals(expected + 1, rows.size(), "header + one row per finding");
        }

        // the last step: the encounter's lines, then back to the claims
        String claim = claimIds.get(0);
        browser.driver.findElement(By.id("drill-0")).click();
        browser.waitUntil("the encounter", d -> d.getCurrentUrl().contains("#/encounter/" + claim)
                && browser.text(By.id("encounter-title")).contains(claim));
        browser.driver.navigate().back();
        browser.waitUntil("back at the claims", d -> d.getCurrentUrl().equals(claimsUrl) && firstCells().equals(claimIds));
        // and up the path by its links
        browser.driver.findElement(By.id("crumb-payer")).click();
        browser.waitUntil("the payer's providers", d -> !d.getCurrentUrl().contains("billingNpi") && firstCells().size() == providers.size());
    }

    @Test
    void theWorklistSortsByAmountAndGroupsByProviderFromItsControls() throws Exception {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/worklist?runId=" + run.runId());
        browser.waitFor(By.id("findings-table"));
        new Select(browser.driver.findElement(By.id("w-sort"))).selectByValue("amount");
        new Select(browser.driver.findElement(By.id("w-group"))).selectByValue("provider");
        browser.driver.findElement(By.id("apply-filters")).click();
        browser.waitUntil("the sorted list", d -> d.getCurrentUrl().contains("sort=amount") && d.getCurrentUrl().contains("group=provider")
                && browser.text(By.id("worklist-status")).contains("grouped by billing provider, largest amount first"));
        JsonNode page = JSON.readTree(Fixtures.auditor().queryParam("runId", run.runId()).queryParam("sort", "amount")
                .queryParam("group", "provider").queryParam("size", 50).get("/api/findings").then().statusCode(200).extract().asString());
        List<String> expected = new ArrayList<>();
        page.get("items").forEach(r -> expected.add(r.get("claimId").asText() + "#" + r.get("findingIndex").asInt()));
        browser.waitUntil("the API's rows", d -> shownFindings().equals(expected));
        assertTrue(browser.driver.findElements(By.cssSelector("#findings-table tr.group-row")).size() >= 1, "group headings");
        // the next page goes by number
        browser.driver.findElement(By.id("next-page")).click();
        browser.waitUntil("page 2", d -> d.getCurrentUrl().contains("page=1") && browser.text(By.id("worklist-status")).startsWith("Findings 51"));
    }

    // --- helpers

    private List<String> shownFindings() {
        List<String> out = new ArrayList<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#findings-table tbody tr[data-claim]"))) {
            out.add(tr.getAttribute("data-claim") + "#" + tr.getAttribute("data-index"));
        }
        return out;
    }

    private void click(String id, String urlPart) {
        browser.waitFor(By.id(id)).click();
        browser.waitUntil("the URL carries " + urlPart, d -> d.getCurrentUrl().contains(urlPart));
    }

    private List<String> firstCells() {
        List<String> out = new ArrayList<>();
        for (WebElement th : browser.driver.findElements(By.cssSelector("#drill-table tbody th"))) {
            String t = th.getText();
            out.add(t.contains("(NPI ") ? t.substring(t.indexOf("(NPI ") + 5, t.length() - 1) : t.startsWith("NPI ") ? t.substring(4) : t);
        }
        return out;
    }

    /** The table's findings and money columns equal the API's rows, in order. */
    private void assertMoney(JsonNode rows) {
        List<WebElement> trs = browser.driver.findElements(By.cssSelector("#drill-table tbody tr"));
        assertEquals(rows.size(), trs.size());
        for (int i = 0; i < rows.size(); i++) {
            List<String> cells = trs.get(i).findElements(By.cssSelector("td.num")).stream().map(WebElement::getText).toList();
            JsonNode r = rows.get(i);
            assertEquals(List.of(java.text.NumberFormat.getIntegerInstance(java.util.Locale.US).format(r.get("findings").asLong()), usd(r.get("underpayment")), usd(r.get("overpayment")),
                    usd(r.get("denial"))), cells, "row " + i);
        }
    }

    private static String usd(JsonNode amount) {
        return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US).format(new java.math.BigDecimal(amount.asText()));
    }

    private static List<String> keys(JsonNode rows, String key) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.get(key).asText()));
        return out;
    }

    private static JsonNode api(Map<String, String> params) throws Exception {
        RequestSpecification r = Fixtures.auditor();
        for (var e : params.entrySet()) r = r.queryParam(e.getKey(), e.getValue());
        return JSON.readTree(r.get("/api/summary").then().statusCode(200).extract().asString());
    }
}
