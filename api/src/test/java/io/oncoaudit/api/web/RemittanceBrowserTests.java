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
import io.oncoaudit.api.support.RemitFixture;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.net.URL;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 15 point 7 in Debian's Chromium against the real API: the finance overview shows the denials on remittance
 * by CARC and by payer apart from the predicted denial exposure, the worklist filters by remittance status, the
 * encounter shows the remittance lines; every figure equals the API's; no console errors; 390 px wide fits.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class RemittanceBrowserTests {
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    RemitFixture.RemitRun run;

    @BeforeEach
    void setUp() throws Exception {
        Fixtures.users(users);
        run = RemitFixture.loaded(loader, "remit-web", 50, 44);
        synchronized (RemittanceBrowserTests.class) {
            if (browser == null) browser = new Browser(root.toString());
        }
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
    void theFinanceOverviewShowsDenialsOnRemittanceByCarcAndPayerApartFromThePrediction() throws Exception {
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#table-remit-carc tbody tr"));
        JsonNode api = JSON.readTree(Fixtures.finance().get("/api/summary/remits?runId=" + run.runId()).then().statusCode(200).extract().asString());
        JsonNode summary = JSON.readTree(Fixtures.finance().get("/api/summary?runId=" + run.runId()).then().statusCode(200).extract().asString());
        // two tiles, two names: the prediction and the payers' denials
        assertEquals("Predicted denial exposure", browser.text(By.cssSelector("#tile-denial .tile-label")));
        assertEquals(usd(summary.get("predictedDenialExposure")), browser.text(By.cssSelector("#tile-denial .tile-value")));
        assertEquals("Denied on remittance", browser.text(By.cssSelector("#tile-remit-denied .tile-label")));
        assertEquals(usd(api.get("deniedOnRemittance").get("amount")), browser.text(By.cssSelector("#tile-remit-denied .tile-value")));
        assertFalse(browser.text(By.tagName("body")).contains("recovered by the correction"), "no recovery wording for a prediction");
        // by CARC: the API's rows, one for one
        Map<String, List<String>> carcs = new TreeMap<>();
        for (JsonNode r : api.get("byCarc")) {
            carcs.put(r.get("group").asText() + "-" + r.get("carc").asText(),
                    List.of(whole(r.get("lines").asLong()), whole(r.get("deniedLines").asLong()), usd(r.get("amount"))));
        }
        assertEquals(carcs, table("table-remit-carc"));
        assertTrue(carcs.containsKey("CO-50") && carcs.containsKey("CO-16"), carcs.toString());
        // by payer
        Map<String, List<String>> payers = new TreeMap<>();
        for (JsonNode r : api.get("byPayer")) {
            String name = r.get("payerId").isNull() ? "not in the extract: " + r.get("remitPayerName").asText() : r.get("payerId").asText();
            payers.put(name, List.of(whole(r.get("deniedLines").asLong()), usd(r.get("deniedAmount")), usd(r.get("paidBelowExpectedAmount")),
                    usd(r.get("paid"))));
        }
        assertEquals(payers, table("table-remit-payer"));
        // the prediction is named apart in the panel too
        assertTrue(browser.text(By.id("remits-note")).contains("Predicted denial exposure from the coding rules, shown apart: "
                + usd(api.get("predictedDenialExposure"))), browser.text(By.id("remits-note")));
        browser.screenshot("finance-remits-1280x800");
        // the remittance workbook downloads from the overview (the page's own fetch, with the run filter)
        browser.driver.findElement(By.id("export-remits-xlsx")).click();
        browser.waitUntil("the remittance workbook", d -> browser.text(By.id("export-status")).startsWith("Downloaded remittances.xlsx"));
        // a phone: the panel's tables fit 390 px (they scroll inside their region, the page does not)
        browser.viewport(390, 844);
        browser.open("#/campaigns"); // another view first: the finance view is drawn anew at phone width
        browser.open("#/finance?runId=" + run.runId());
        browser.waitFor(By.cssSelector("#table-remit-payer tbody tr"));
        browser.waitUntil("the month table", d -> d.findElements(By.cssSelector("#table-month tbody tr")).size() >= 4);
        browser.waitUntil("the top codes", d -> !d.findElements(By.cssSelector("#table-code tbody tr")).isEmpty());
        assertFitsWidth(390);
        browser.screenshot("finance-remits-390x844");
    }

    @Test
    void theWorklistFiltersByRemittanceStatusAndTheEncounterShowsTheRemittanceLines() throws Exception {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/worklist?runId=" + run.runId() + "&remitStatus=DENIED");
        browser.waitFor(By.id("findings-table"));
        JsonNode api = JSON.readTree(Fixtures.auditor().get("/api/findings?runId=" + run.runId() + "&remitStatus=DENIED&size=50")
                .then().statusCode(200).extract().asString());
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#findings-table tbody tr[data-claim]"));
        assertEquals(api.get("items").size(), rows.size());
        assertTrue(rows.size() > 0);
        for (WebElement tr : rows) assertTrue(tr.findElement(By.cssSelector("td.remit")).getText().startsWith("Denied"), tr.getText());
        assertEquals("DENIED", browser.js("return document.getElementById('w-remit').value"));
        // the filter goes through the form as well
        browser.open("#/worklist?runId=" + run.runId());
        browser.waitFor(By.id("findings-table"));
        browser.js("document.getElementById('w-remit').value = 'UNDERPAID'");
        browser.driver.findElement(By.id("apply-filters")).click();
        browser.waitUntil("the URL keeps the filter", d -> d.getCurrentUrl().contains("remitStatus=UNDERPAID"));
        browser.waitUntil("only underpaid lines", d -> {
            List<WebElement> cells = d.findElements(By.cssSelector("#findings-table td.remit"));
            return !cells.isEmpty() && cells.stream().allMatch(c -> c.getText().startsWith("Paid below expected"));
        });

        List<String> claims = new ArrayList<>(new LinkedHashSet<>(run.run().findings().stream().map(RunFixture.Finding::claimId).toList()));
        String scenario3 = claims.get(3);
        browser.open("#/encounter/" + scenario3 + "?runId=" + run.runId());
        browser.waitFor(By.id("remit-table"));
        List<WebElement> lines = browser.driver.findElements(By.cssSelector("#remit-table tbody tr"));
        assertEquals(3, lines.size(), "two lines beside billed lines 1 and 2, one without a billed line");
        assertEquals("1", lines.get(0).getAttribute("data-line"));
        assertTrue(lines.get(0).getText().contains("Paid"), lines.get(0).getText());
        assertTrue(lines.get(2).getText().startsWith("none") && lines.get(2).getText().contains("96413")
                && lines.get(2).getText().contains("CO-4"), lines.get(2).getText());
        assertTrue(browser.text(By.id("remit-unmatched")).startsWith("1 remittance line"));
        browser.viewport(390, 844);
        browser.open("#/encounter/" + scenario3 + "?runId=" + run.runId());
        browser.waitFor(By.id("remit-table"));
        assertFitsWidth(390);
        browser.screenshot("encounter-remits-390x844");
        browser.open("#/encounter/" + claims.get(4) + "?runId=" + run.runId());
        browser.waitFor(By.id("remit-none"));
    }

    private Map<String, List<String>> table(String id) {
        Map<String, List<String>> out = new TreeMap<>();
        for (WebElement tr : browser.driver.findElements(By.cssSelector("#" + id + " tbody tr"))) {
            List<WebElement> cells = new ArrayList<>(tr.findElements(By.cssSelector("th, td")));
            String key = cells.remove(0).getText();
            out.put(key, cells.stream().map(WebElement::getText).toList());
        }
        return out;
    }

    private void assertFitsWidth(int width) {
        Number scroll = (Number) browser.js("return document.documentElement.scrollWidth");
        // the outermost elements sticking out, to say what to fix
        Object wide = browser.js("const w = arguments[0]; return [...document.querySelectorAll('body *')]"
                + ".filter(e => e.getBoundingClientRect().right > w + 1 && e.parentElement.getBoundingClientRect().right <= w + 1)"
                + ".slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)"
                + " + ' ' + (e.textContent || '').slice(0, 40)).join(' | ') + ' || body ' + document.body.scrollWidth + ' || '"
                + " + [...document.querySelectorAll('.table-scroll, .panel, .split, .sections, .tiles, main, section')].filter(e => e.scrollWidth > w)"
                + ".map(e => e.tagName + '#' + e.id + '.' + e.className + ' sw=' + e.scrollWidth + ' cw=' + e.clientWidth + ' ox='"
                + " + getComputedStyle(e).overflowX).join(' | ')", width);
        assertTrue(scroll.intValue() <= width, "the page scrolls sideways: " + scroll + " px wide: " + wide);
    }

    private static String usd(JsonNode amount) {
        return NumberFormat.getCurrencyInstance(Locale.US).format(new BigDecimal(amount.asText()));
    }

    private static String whole(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }
}
