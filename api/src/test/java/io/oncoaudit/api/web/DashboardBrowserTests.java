package io.oncoaudit.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
import java.io.PrintStream;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.file.Files;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard (web module, served by this app at /) in Debian's Chromium against the real API on a
 * real PostgreSQL with a loaded run (issue 6, section 6). Every number the page shows is compared with
 * what the API answers for the same question; the console must stay free of errors in every test.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class DashboardBrowserTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static DashboardRun.Run run;
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        synchronized (DashboardBrowserTests.class) {
            if (run == null) {
                String runId = "dash-web";
                var dir = Files.createTempDirectory("oncoaudit-dashboard-run");
                run = DashboardRun.write(dir, runId, "fp-" + runId + "-" + UUID.randomUUID(), 150, 20261125L);
                loader.load(dir, "test", new PrintStream(System.err, true));
            }
            if (browser == null) browser = new Browser(root.toString());
        }
        browser.viewport(1280, 800);
        browser.drainConsole();
    }

    @AfterEach
    void noConsoleErrors() {
        List<String> errors = browser.consoleErrors();
        assertEquals(List.of(), errors, "browser console errors");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    @Test
    void financeTilesAndTablesEqualTheApiSummary() throws Exception {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#tile-claims .tile-value"));

        JsonNode summary = apiSummary(Map.of("runId", run.runId()));
        assertEquals(usd(summary.get("underpayment")), tile("underpayment"));
        assertEquals(usd(summary.get("overpayment")), tile("overpayment"));
        assertEquals(usd(summary.get("denial")), tile("denial"));
        assertEquals(whole(summary.get("findings").asLong()), tile("findings"));
        assertEquals(whole(summary.get("claims").asLong()), tile("claims"));
        JsonNode runJson = JSON.readTree(Fixtures.finance().get("/api/runs/" + run.runId()).then().statusCode(200).extract().asString());
        assertEquals(whole(runJson.get("encounters").asLong()), tile("claims"));
        assertEquals(whole(150), tile("claims"), "the run has 150 claims");

        // the tables hold the API's rows, one for one
        assertEquals(apiRows(summary.get("byPayer"), "payerId"), tableRows("table-payer"));
        assertEquals(apiRows(summary.get("byProvider"), "billingNpi", "providerName"), tableRows("table-provider"));
        Map<String, List<String>> kinds = new LinkedHashMap<>();
        for (JsonNode r : summary.get("byKind")) kinds.put(r.get("kind").asText(), List.of(whole(r.get("findings").asLong()), usd(r.get("amount")),
                whole(r.get("compliance").asLong())));
        Map<String, List<String>> shownKinds = new LinkedHashMap<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#table-kind tbody tr"))) {
            String kind = tr.findElement(By.cssSelector("th span")).getAttribute("title");
            List<String> cells = tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
            shownKinds.put(kind, cells);
        }
        assertEquals(kinds.keySet().stream().sorted().toList(), shownKinds.keySet().stream().sorted().toList());
        kinds.forEach((k, v) -> assertEquals(v, shownKinds.get(k), k));

        browser.waitUntil("the month table", d -> d.findElements(By.cssSelector("#table-month tbody tr")).size() >= 6);
        browser.waitUntil("the charts", d -> d.findElements(By.cssSelector(".chart[data-rendered='true'] canvas")).size() >= 4);
        browser.screenshot("finance-1280x800");
    }

    @Test
    void aDateRangeGivesTheApisFiguresForThatRangeAndEachMonth() throws Exception {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/finance?runId=" + run.runId() + "&from=2026-02-01&to=2026-03-31");
        browser.waitFor(By.cssSelector("#tile-claims .tile-value"));
        JsonNode range = apiSummary(Map.of("runId", run.runId(), "from", "2026-02-01", "to", "2026-03-31"));
        assertEquals(usd(range.get("underpayment")), tile("underpayment"));
        assertEquals(usd(range.get("overpayment")), tile("overpayment"));
        assertEquals(usd(range.get("denial")), tile("denial"));
        assertEquals(whole(range.get("findings").asLong()), tile("findings"));
        assertEquals(whole(range.get("claims").asLong()), tile("claims"), "the claims audited in the date range");
        long claimsInRange = run.findings().stream().filter(f -> f.dos().getMonthValue() == 2 || f.dos().getMonthValue() == 3)
                .map(DashboardRun.Finding::claimId).distinct().count();
        assertEquals(whole(claimsInRange), tile("claims"));
        assertTrue(range.get("findings").asLong() < run.findings().size());

        browser.waitUntil("two months", d -> d.findElements(By.cssSelector("#table-month tbody tr")).size() == 2);
        Map<String, List<String>> months = tableRows("table-month");
        assertEquals(apiRows(apiSummary(Map.of("by", "month", "runId", run.runId(), "from", "2026-02-01", "to", "2026-03-31")), "month"), months);
        for (String[] m : new String[][] {{"2026-02", "2026-02-01", "2026-02-28"}, {"2026-03", "2026-03-01", "2026-03-31"}}) {
            JsonNode month = apiSummary(Map.of("runId", run.runId(), "from", m[1], "to", m[2]));
            assertEquals(List.of(whole(month.get("findings").asLong()), usd(month.get("underpayment")),
                    usd(month.get("overpayment")), usd(month.get("denial"))), months.get(m[0]), m[0]);
        }
        // the top tables answer for the same range
        browser.waitFor(By.cssSelector("#table-code tbody tr"));
        assertEquals(topRows(apiSummary(Map.of("by", "code", "limit", "10", "runId", run.runId(), "from", "2026-02-01", "to", "2026-03-31")),
                r -> text(r.get("billedCode")) + " → " + text(r.get("expectedCode"))), tableRows("table-code"));
    }

    @Test
    void theMonthsAndTopCodesAndDrugsEqualTheApisRows() throws Exception {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#table-drug tbody tr"));
        browser.waitUntil("the month table", d -> d.findElements(By.cssSelector("#table-month tbody tr")).size() >= 6);

        JsonNode months = apiSummary(Map.of("by", "month", "runId", run.runId()));
        assertEquals(apiRows(months, "month"), tableRows("table-month"));
        assertEquals(6, months.size(), "January to June 2026");

        JsonNode codes = apiSummary(Map.of("by", "code", "limit", "10", "runId", run.runId()));
        Map<String, List<String>> shownCodes = tableRows("table-code");
        assertEquals(topRows(codes, r -> text(r.get("billedCode")) + " → " + text(r.get("expectedCode"))), shownCodes);
        assertTrue(shownCodes.containsKey("none → 96413"), "a missing line reads 'none': " + shownCodes.keySet());
        assertEquals(DashboardRun.CODES.size(), shownCodes.size());

        JsonNode drugs = apiSummary(Map.of("by", "drug", "limit", "10", "runId", run.runId()));
        Map<String, List<String>> shownDrugs = tableRows("table-drug");
        assertEquals(topRows(drugs, r -> r.get("drugCode").asText(), "drugName"), shownDrugs);
        assertEquals(List.of("J9045", "J9395"), List.copyOf(shownDrugs.keySet()));
        assertEquals("fulvestrant", shownDrugs.get("J9395").get(0));

        // the rows come largest first, as the API sends them (the default sort is the total, descending)
        List<String> order = browser.driver.findElements(By.cssSelector("#table-code tbody th")).stream().map(WebElement::getText).toList();
        List<String> apiOrder = new ArrayList<>();
        for (JsonNode r : codes) apiOrder.add(text(r.get("billedCode")) + " → " + text(r.get("expectedCode")));
        assertEquals(apiOrder, order);
        browser.waitUntil("the charts", d -> d.findElements(By.cssSelector("#top-codes .chart[data-rendered='true'] canvas")).size() == 2);
        browser.js("document.getElementById('top-codes').scrollIntoView()");
        browser.screenshot("finance-top-codes-drugs-1280x800");
    }

    @Test
    void providerNamesFromTheExtractAreShownAsTextInTheFinanceView() {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#table-provider tbody tr"));
        Map<String, String> shown = new LinkedHashMap<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#table-provider tbody tr"))) {
            shown.put(tr.findElement(By.tagName("th")).getText(), tr.findElement(By.cssSelector(".provider-name")).getText());
        }
        assertEquals(new java.util.TreeMap<>(DashboardRun.PROVIDERS), new java.util.TreeMap<>(shown));
        assertEquals(1L, browser.js("return document.querySelectorAll('script').length"), "only the page's own module script");
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
        browser.js("document.getElementById('by-provider').scrollIntoView()");
        browser.screenshot("finance-provider-names");
    }

    @Test
    void anAuditorsFindingStatusIsSavedThroughTheApiAndShownAfterAReload() throws Exception {
        // a Riverside Oncology claim: the encounter test looks at the <script> provider's, still open
        DashboardRun.Finding f = run.findings().stream().filter(x -> x.billingNpi().equals("1234567893") && x.findingIndex() == 0)
                .findFirst().orElseThrow();
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/encounter/" + f.claimId() + "?runId=" + run.runId());
        WebElement form = browser.waitFor(By.cssSelector("#finding-0 form.status-form"));
        assertTrue(browser.text(By.id("finding-0-status")).startsWith("Status: Open"));

        // dismissing needs a reason: the page says so and sends nothing
        form.findElement(By.id("finding-0-dismissed")).click();
        form.findElement(By.cssSelector("button[type='submit']")).click();
        assertEquals("Give a reason to dismiss this finding.", form.findElement(By.cssSelector("[role='status']")).getText());
        JsonNode before = apiFinding(f).path("status");
        assertTrue(before.isNull() || "OPEN".equals(before.asText()), "nothing stored: " + before);

        String reason = "Documented as IM; <b>payer</b> =SUM(1) policy";
        form.findElement(By.id("finding-0-reason")).sendKeys(reason);
        form.findElement(By.cssSelector("button[type='submit']")).click();
        browser.waitUntil("saved", d -> "Saved.".equals(form.findElement(By.cssSelector("[role='status']")).getText()));
        assertTrue(browser.text(By.id("finding-0-status")).startsWith("Status: Dismissed · reason: " + reason + " · by " + Fixtures.AUDITOR),
                browser.text(By.id("finding-0-status")));
        JsonNode stored = apiFinding(f);
        assertEquals("DISMISSED", stored.get("status").asText());
        assertEquals(reason, stored.get("statusReason").asText());
        assertEquals(Fixtures.AUDITOR, stored.get("statusBy").asText());

        // shown to everyone who opens it later: a reload reads it back from the API
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#finding-0 form.status-form"));
        assertTrue(browser.text(By.id("finding-0-status")).startsWith("Status: Dismissed · reason: " + reason),
                browser.text(By.id("finding-0-status")));
        assertTrue(browser.driver.findElement(By.id("finding-0-dismissed")).isSelected());
        assertEquals(0L, browser.js("return document.querySelectorAll('main b').length"), "the reason is text, not markup");
        browser.screenshot("encounter-status-dismissed");

        WebElement again = browser.driver.findElement(By.cssSelector("#finding-0 form.status-form"));
        again.findElement(By.id("finding-0-accepted")).click();
        again.findElement(By.cssSelector("button[type='submit']")).click();
        browser.waitUntil("saved", d -> "Saved.".equals(again.findElement(By.cssSelector("[role='status']")).getText()));
        assertEquals("ACCEPTED", apiFinding(f).get("status").asText());
        assertTrue(browser.text(By.id("finding-0-status")).startsWith("Status: Accepted"), browser.text(By.id("finding-0-status")));

        again.findElement(By.id("finding-0-open")).click();
        again.findElement(By.id("finding-0-reason")).clear();
        again.findElement(By.cssSelector("button[type='submit']")).click();
        browser.waitUntil("saved", d -> "Saved.".equals(again.findElement(By.cssSelector("[role='status']")).getText()));
        assertEquals("OPEN", apiFinding(f).get("status").asText());
        browser.driver.navigate().refresh();
        browser.waitFor(By.cssSelector("#finding-0 form.status-form"));
        assertTrue(browser.text(By.id("finding-0-status")).startsWith("Status: Open"), browser.text(By.id("finding-0-status")));
    }

    @Test
    void theCsvExportIsTheApisExport() {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#tile-claims .tile-value"));
        browser.driver.findElement(By.id("export-csv")).click();
        browser.waitUntil("the export", d -> browser.text(By.id("export-status")).startsWith("Downloaded"));
        byte[] csv = Fixtures.finance().queryParam("runId", run.runId()).queryParam("bom", "true").get("/api/findings/export.csv")
                .then().statusCode(200).extract().asByteArray();
        assertEquals("Downloaded findings.csv (" + whole(csv.length) + " bytes).", browser.text(By.id("export-status")));
    }

    @Test
    void theFinanceRoleNeverSeesAPatientId() {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        assertTrue(browser.driver.findElements(By.cssSelector("#nav a[href='#/worklist']")).isEmpty(), "no worklist link for finance");
        browser.open("#/finance?runId=" + run.runId());
        browser.waitUntil("all of the finance view", d -> d.findElements(By.cssSelector("#table-month tbody tr")).size() >= 6
                && d.findElements(By.cssSelector("#table-kind tbody tr")).size() > 0
                && d.findElements(By.cssSelector("#table-code tbody tr")).size() > 0
                && d.findElements(By.cssSelector("#table-drug tbody tr")).size() > 0);
        assertNoPatientId("finance view");

        String claim = run.findings().get(0).claimId();
        for (String hash : List.of("#/worklist?runId=" + run.runId(), "#/encounter/" + claim + "?runId=" + run.runId())) {
            browser.open(hash);
            browser.waitUntil("the refusal", d -> browser.text(By.tagName("h1")).equals("Not permitted"));
            assertNoPatientId(hash);
        }
        browser.screenshot("finance-not-permitted");
    }

    @Test
    void filteringByPayerPutsTheFilterInTheUrlAndPagesWithTheKeysetCursor() throws Exception {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/worklist?runId=" + run.runId());
        browser.waitFor(By.id("findings-table"));
        browser.waitUntil("payer options", d -> !d.findElements(By.cssSelector("#w-payer option[value='UHC']")).isEmpty());
        new Select(browser.driver.findElement(By.id("w-payer"))).selectByValue("UHC");
        browser.driver.findElement(By.id("apply-filters")).click();
        browser.waitUntil("the URL carries the filter", d -> d.getCurrentUrl().contains("payerId=UHC"));
        assertTrue(browser.driver.getCurrentUrl().contains("runId=" + run.runId()));

        JsonNode first = apiFindings(Map.of("runId", run.runId(), "payerId", "UHC", "size", "50"), null);
        assertTrue(first.get("nextCursor").isTextual(), "the fixture has more than one page of UHC findings");
        waitForRows(keys(first));
        for (WebElement payer : browser.driver.findElements(By.cssSelector("#findings-table td.payer"))) {
            assertTrue(payer.getText().startsWith("UHC"), payer.getText());
        }
        browser.screenshot("worklist-payer-UHC-1280x800");

        browser.driver.findElement(By.id("next-page")).click();
        browser.waitUntil("cursor in the URL", d -> d.getCurrentUrl().contains("cursor="));
        JsonNode second = apiFindings(Map.of("runId", run.runId(), "payerId", "UHC", "size", "50"), first.get("nextCursor").asText());
        waitForRows(keys(second));
        assertNotEquals(keys(first), keys(second));
        browser.driver.findElement(By.id("prev-page")).click();
        waitForRows(keys(first));
        String shared = browser.driver.getCurrentUrl();
        assertFalse(shared.contains("cursor="));

        // the link works for someone else: new session, login, same filtered list
        browser.fresh();
        browser.driver.get(shared);
        browser.waitFor(By.id("username")).sendKeys(Fixtures.AUDITOR);
        browser.driver.findElement(By.id("password")).sendKeys(Fixtures.AUDITOR_PASSWORD, Keys.ENTER);
        browser.waitFor(By.id("findings-table"));
        assertTrue(browser.driver.getCurrentUrl().contains("payerId=UHC"));
        waitForRows(keys(first));
        assertEquals("UHC", new Select(browser.driver.findElement(By.id("w-payer"))).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void anEncounterShowsLinesSideBySideTheTimelineAndEachFinding() throws Exception {
        DashboardRun.Finding f = run.scriptProviderFinding();
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/worklist?runId=" + run.runId() + "&billingNpi=" + f.billingNpi());
        browser.waitFor(By.id("findings-table"));
        WebElement link = browser.driver.findElement(By.cssSelector("#findings-table a.claim-link"));
        String claimId = link.findElement(By.xpath("ancestor::tr")).getAttribute("data-claim");
        link.click();
        browser.waitFor(By.id("encounter-facts"));
        assertTrue(browser.driver.getCurrentUrl().contains("#/encounter/" + claimId), browser.driver.getCurrentUrl());

        JsonNode e = JSON.readTree(Fixtures.auditor().queryParam("runId", run.runId()).get("/api/encounters/" + claimId)
                .then().statusCode(200).extract().asString());
        assertEquals(e.get("patientId").asText(), browser.text(By.id("patient-id")));
        assertEquals(DashboardRun.SCRIPT_NAME, browser.text(By.id("provider-name")));

        assertEquals("differs", row("96372").getAttribute("class"));
        assertTrue(row("96372").getText().contains("Not expected"));
        assertTrue(row("96402").getText().contains("Missing"));
        assertEquals("matches", row("J9395").getAttribute("class"));
        assertEquals(e.get("lineComparison").size(), browser.driver.findElements(By.cssSelector("#lines-table tbody tr")).size());

        WebElement push = browser.driver.findElement(By.cssSelector(".tl-row.kind-push"));
        assertTrue(push.getText().contains("IV push, 5 min (08:40–08:45)"), push.getText());
        WebElement infusion = browser.driver.findElement(By.cssSelector(".tl-row.kind-infusion"));
        assertTrue(infusion.getText().contains("IV infusion, 1 h 32 min (09:00–10:32)"), infusion.getText());
        assertTrue(browser.driver.findElement(By.cssSelector(".tl-row.kind-none")).getText().contains("IM, no start/stop time"));
        assertEquals(2, browser.driver.findElements(By.cssSelector(".tl-row .bar")).size(), "bars only for timed administrations");

        List<WebElement> cards = browser.driver.findElements(By.cssSelector("#enc-findings li.finding"));
        assertEquals(e.get("findings").size(), cards.size());
        for (int i = 0; i < cards.size(); i++) {
            JsonNode fj = e.get("findings").get(i);
            WebElement card = cards.get(i);
            assertEquals(fj.get("explanation").asText(), card.findElement(By.cssSelector(".explanation")).getText());
            assertEquals(fj.get("appealText").asText(), card.findElement(By.cssSelector("pre.appeal")).getText());
            assertEquals(fj.get("citations").size(), card.findElements(By.cssSelector(".citations li")).size());
            assertTrue(card.findElement(By.cssSelector(".status-current")).getText().startsWith("Status: Open"));
        }
        cards.get(0).findElement(By.cssSelector("button.copy")).click();
        browser.waitUntil("copy feedback", d -> !cards.get(0).findElement(By.cssSelector(".copy-status")).getText().isEmpty());
        browser.screenshot("encounter-1280x800");
    }

    @Test
    void hostileTextFromTheExtractIsShownAsText() throws Exception {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        for (Map.Entry<String, String> p : List.of(Map.entry("4444444440", DashboardRun.SCRIPT_NAME),
                Map.entry("5555555551", DashboardRun.FORMULA_NAME))) {
            browser.open("#/worklist?runId=" + run.runId() + "&billingNpi=" + p.getKey());
            browser.waitFor(By.id("findings-table"));
            List<WebElement> names = browser.driver.findElements(By.cssSelector("#findings-table .provider-name"));
            assertFalse(names.isEmpty());
            for (WebElement n : names) assertEquals(p.getValue(), n.getText());
            assertEquals(1L, browser.js("return document.querySelectorAll('script').length"), "only the page's own module script");
            assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
        }
        browser.screenshot("worklist-hostile-provider");
        String claim = run.findings().stream().filter(f -> f.explanation().startsWith("<img")).findFirst().orElseThrow().claimId();
        browser.open("#/encounter/" + claim + "?runId=" + run.runId());
        browser.waitFor(By.id("enc-findings"));
        assertTrue(browser.text(By.id("enc-findings")).contains(DashboardRun.MARKUP_EXPLANATION));
        assertEquals(0L, browser.js("return document.querySelectorAll('main img').length"), "markup in an explanation is not parsed");
        assertThrows(NoAlertPresentException.class, () -> browser.driver.switchTo().alert());
    }

    @Test
    void logoutEndsTheSession() {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/worklist?runId=" + run.runId());
        browser.waitFor(By.id("findings-table"));
        // issue 17: a server session behind an HttpOnly, SameSite=Strict cookie; no credential in the page's storage
        org.openqa.selenium.Cookie cookie = browser.driver.manage().getCookieNamed("oncoaudit_session");
        assertTrue(cookie != null && cookie.isHttpOnly(), "an HttpOnly session cookie");
        assertEquals("Strict", cookie.getSameSite());
        assertFalse(String.valueOf(browser.js("return document.cookie")).contains("oncoaudit_session"), "script cannot read the session");
        String stored = String.valueOf(browser.js("return JSON.stringify(sessionStorage)"));
        assertFalse(stored.contains(Fixtures.AUDITOR_PASSWORD) || stored.toLowerCase(Locale.ROOT).contains("basic "), stored);
        browser.driver.findElement(By.id("logout")).click();
        browser.waitFor(By.id("username"));
        assertEquals(0L, browser.js("return sessionStorage.length"), "no credentials, nor anything else, left in the tab");
        // a real logout: the server ended the session, the old cookie no longer opens anything
        browser.waitUntil("the server-side logout", d -> io.restassured.RestAssured.given()
                .cookie("oncoaudit_session", cookie.getValue()).get("/api/me").statusCode() == 401);
        browser.open("#/worklist?runId=" + run.runId());
        browser.waitFor(By.id("username"));
        assertTrue(browser.driver.findElements(By.id("findings-table")).isEmpty());
        assertEquals("Please log in to open this view.", browser.text(By.id("login-error")));
    }

    @Test
    void aWrongPasswordIsRefusedOnTheLoginPage() {
        browser.fresh();
        browser.screenshot("login-1280x800");
        browser.driver.findElement(By.id("username")).sendKeys(Fixtures.AUDITOR);
        browser.driver.findElement(By.id("password")).sendKeys("not-the-password", Keys.ENTER);
        browser.waitUntil("the refusal", d -> browser.text(By.id("login-error")).equals("Wrong user name or password."));
        assertEquals(null, browser.js("return sessionStorage.getItem('oncoaudit.session')"), "nothing stored for a refused login");
        // the only console line allowed here is Chromium's note of the refused sign-in (POST /api/session)
        for (String line : browser.consoleErrors()) {
            assertTrue(line.contains("/api/session") && line.contains("401"), line);
        }
    }

    @Test
    void everyControlIsReachableByKeyboardWithAVisibleFocus() {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#table-payer tbody tr"));
        browser.js("document.getElementById('finance-title').focus()");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        assertEquals("f-run", browser.js("return document.activeElement.id"));
        assertEquals("solid", browser.js("return getComputedStyle(document.activeElement).outlineStyle"));
        assertEquals("3px", browser.js("return getComputedStyle(document.activeElement).outlineWidth"));
        // tab on until the first sortable column of the payer table, then sort it with Enter
        for (int i = 0; i < 60 && !"payerId".equals(browser.js("return document.activeElement.closest('#table-payer') ? document.activeElement.dataset.key : null")); i++) {
            new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals("payerId", browser.js("return document.activeElement.dataset.key"), "the payer column's sort button is a tab stop");
        new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
        assertEquals("ascending", browser.driver.findElement(By.cssSelector("#table-payer th[aria-sort]")).getAttribute("aria-sort"));
        List<String> payers = browser.driver.findElements(By.cssSelector("#table-payer tbody th")).stream().map(WebElement::getText).toList();
        assertEquals(payers.stream().sorted().toList(), payers);
        assertEquals("payerId", browser.js("return document.activeElement.dataset.key"), "focus stays on the sorted column");
        browser.screenshot("finance-keyboard-focus");
    }

    @Test
    void thePhoneLayoutFitsA390PixelScreen() {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.viewport(390, 844);
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#tile-claims .tile-value"));
        browser.waitUntil("the month table", d -> d.findElements(By.cssSelector("#table-month tbody tr")).size() >= 6);
        assertFitsWidth(390);
        browser.screenshot("finance-390x844");
        browser.open("#/worklist?runId=" + run.runId() + "&payerId=AETNA");
        browser.waitFor(By.id("findings-table"));
        assertFitsWidth(390);
        browser.screenshot("worklist-390x844");
        browser.driver.findElement(By.cssSelector("#findings-table a.claim-link")).click();
        browser.waitFor(By.id("enc-findings"));
        assertFitsWidth(390);
        browser.screenshot("encounter-390x844");
    }

    // --- helpers

    private void assertFitsWidth(int width) {
        Number scroll = (Number) browser.js("return document.documentElement.scrollWidth");
        assertTrue(scroll.intValue() <= width, "the page scrolls sideways: " + scroll + " px wide");
    }

    private void assertNoPatientId(String where) {
        String dom = browser.driver.getPageSource();
        String text = browser.text(By.tagName("body"));
        for (String patient : run.patientIds()) {
            assertFalse(dom.contains(patient), where + ": patient id " + patient + " in the DOM");
            assertFalse(text.contains(patient), where + ": patient id " + patient + " on screen");
        }
    }

    private WebElement row(String code) {
        return browser.driver.findElement(By.cssSelector("#lines-table tbody tr[data-code='" + code + "']"));
    }

    private String tile(String id) {
        return browser.text(By.cssSelector("#tile-" + id + " .tile-value"));
    }

    private static JsonNode apiSummary(Map<String, String> params) throws Exception {
        RequestSpecification r = Fixtures.finance();
        params.forEach(r::queryParam);
        return JSON.readTree(r.get("/api/summary").then().statusCode(200).extract().asString());
    }

    private static JsonNode apiFindings(Map<String, String> params, String cursor) throws Exception {
        RequestSpecification r = Fixtures.auditor();
        params.forEach(r::queryParam);
        if (cursor != null) r.queryParam("cursor", cursor);
        return JSON.readTree(r.get("/api/findings").then().statusCode(200).extract().asString());
    }

    private static List<String> keys(JsonNode page) {
        List<String> out = new ArrayList<>();
        for (JsonNode i : page.get("items")) out.add(i.get("claimId").asText() + "#" + i.get("findingIndex").asInt());
        return out;
    }

    private void waitForRows(List<String> expected) {
        browser.waitUntil("worklist rows " + expected.subList(0, Math.min(3, expected.size())) + "...", d -> {
            List<String> shown = new ArrayList<>();
            for (WebElement tr : d.findElements(By.cssSelector("#findings-table tbody tr"))) {
                shown.add(tr.getAttribute("data-claim") + "#" + tr.getAttribute("data-index"));
            }
            return shown.equals(expected);
        });
    }

    /** key -> [texts..., findings, underpayment, overpayment, denial] as the page should print them. */
    private static Map<String, List<String>> apiRows(JsonNode rows, String key, String... texts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            List<String> cells = new ArrayList<>();
            for (String t : texts) cells.add(r.hasNonNull(t) ? r.get(t).asText() : "—");
            cells.addAll(List.of(whole(r.get("findings").asLong()), usd(r.get("underpayment")),
                    usd(r.get("overpayment")), usd(r.get("denial"))));
            out.put(r.get(key).asText(), cells);
        }
        return sortedByKey(out);
    }

    /** The top tables: label -> [texts..., findings, underpayment, overpayment, denial, total]. */
    private static Map<String, List<String>> topRows(JsonNode rows, java.util.function.Function<JsonNode, String> label, String... texts) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (JsonNode r : rows) {
            List<String> cells = new ArrayList<>();
            for (String t : texts) cells.add(r.hasNonNull(t) ? r.get(t).asText() : "—");
            cells.addAll(List.of(whole(r.get("findings").asLong()), usd(r.get("underpayment")),
                    usd(r.get("overpayment")), usd(r.get("denial")), usd(r.get("amount"))));
            out.put(label.apply(r), cells);
        }
        return sortedByKey(out);
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? "none" : n.asText();
    }

    /** The finding as GET /api/findings returns it to an auditor. */
    private static JsonNode apiFinding(DashboardRun.Finding f) throws Exception {
        JsonNode page = apiFindings(Map.of("runId", run.runId(), "claimId", f.claimId()), null);
        for (JsonNode i : page.get("items")) if (i.get("findingIndex").asInt() == f.findingIndex()) return i;
        throw new AssertionError("no finding " + f.claimId() + "#" + f.findingIndex());
    }

    private Map<String, List<String>> tableRows(String tableId) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#" + tableId + " tbody tr"))) {
            out.put(tr.findElement(By.tagName("th")).getText(),
                    tr.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        return sortedByKey(out);
    }

    private static Map<String, List<String>> sortedByKey(Map<String, List<String>> m) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        m.keySet().stream().sorted().forEach(k -> out.put(k, m.get(k)));
        return out;
    }

    private static String usd(JsonNode amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(new BigDecimal(amount.asText()));
    }

    private static String whole(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

}
