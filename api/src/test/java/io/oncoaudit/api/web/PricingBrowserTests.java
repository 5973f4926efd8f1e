package io.oncoaudit.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.PricedRunFixture;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Issue 14 and 13 in the dashboard (real Chromium, real API and PostgreSQL): the compliance tile on the finance
 * overview without breaking the 390 px phone layout, each finding's pricing on the encounter page (COMPLIANCE as
 * "no money moves" with its note), the unclassified drugs review list and the runs page with table versions.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class PricingBrowserTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static PricedRunFixture.Run run;
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
        synchronized (PricingBrowserTests.class) {
            if (run == null) {
                run = PricedRunFixture.write(Files.createTempDirectory("mapi-web"), "W" + UUID.randomUUID().toString().substring(0, 6)
                        .toUpperCase(), LocalDate.of(2026, 4, 7), LocalDate.of(2026, 5, 12), "0.00");
                loader.load(run.dir(), "test", new PrintStream(System.err, true));
            }
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
    void theComplianceTileShowsTheApiCountAndEveryTileFitsA390PixelPhone() throws Exception {
        JsonNode api = JSON.readTree(Fixtures.finance().queryParam("runId", run.runId()).get("/api/summary").then().statusCode(200)
                .extract().asString());
        assertEquals(2, api.get("compliance").asInt());
        browser.login(Fixtures.FINANCE, Fixtures.FINANCE_PASSWORD);
        for (int width : new int[] {1280, 390}) {
            browser.viewport(width, 844);
            browser.open("#/finance?runId=" + run.runId());
            browser.waitFor(By.cssSelector("#tile-claims .tile-value"));
            assertEquals("2", browser.text(By.cssSelector("#tile-compliance .tile-value")));
            assertTrue(browser.text(By.id("tile-compliance")).contains("no money moves"));
            // the money tiles hold no compliance money: they equal the API's figures for the three directions
            assertEquals(money(api.get("underpayment").decimalValue()), browser.text(By.cssSelector("#tile-underpayment .tile-value")));
            for (WebElement t : browser.driver.findElements(By.cssSelector("#tiles .tile"))) {
                String id = t.getAttribute("id");
                Number overflow = (Number) browser.js("const e = arguments[0]; return e.scrollWidth - e.clientWidth", t);
                Number right = (Number) browser.js("return arguments[0].getBoundingClientRect().right", t);
                assertTrue(overflow.intValue() <= 0, id + " overflows its tile by " + overflow + " px at " + width);
                assertTrue(right.doubleValue() <= width, id + " ends at " + right + " px, past the " + width + " px screen");
            }
            assertFitsWidth(width);
        }
        browser.screenshot("finance-compliance-390x844");
    }

    @Test
    void theEncounterPageShowsEachFindingsPricingAndComplianceAsNoMoneyMoves() {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.viewport(390, 844);
        String claim = run.findings().get(0).claimId();
        browser.open("#/encounter/" + claim + "?runId=" + run.runId());
        browser.waitFor(By.id("finding-1-pricing"));
        String priced = browser.text(By.id("finding-1-pricing"));
        for (String s : List.of("$55.73 × 10 → $557.30", "$55.73 × 12", "$600.00 (billed line's charge per unit x expected units)",
                "limited by the charge", "PFS 2025 October, ASP 2025-10")) {
            assertTrue(priced.contains(s), "pricing lacks '" + s + "':\n" + priced);
        }
        String compliance = browser.text(By.id("finding-2"));
        assertTrue(compliance.contains("Not payable in this setting"), compliance);
        assertTrue(compliance.contains("no money moves"), compliance);
        assertTrue(compliance.contains("No money moves: PFS 2025 October: 96413 has no facility price (NA)"), compliance);
        assertFitsWidth(390);
        browser.screenshot("encounter-pricing-390x844");
    }

    @Test
    void theReviewPageListsTheUnclassifiedDrugsAndTheRunsPageTheTableVersions() {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.viewport(390, 844);
        browser.open("#/review?runId=" + run.runId());
        browser.waitFor(By.id("review-table"));
        assertEquals("2 encounters to review.", browser.text(By.id("review-count")));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#review-table tbody tr"));
        assertEquals(3, rows.size(), "C4's two drugs and C5's one");
        String table = browser.text(By.id("review-table"));
        for (String s : List.of("J9999", "12345-6789-01", "no class from a public source", "J3490", "J9045", "1234-5678-90",
                run.commercial(), run.medicare())) {
            assertTrue(table.contains(s), "review table lacks " + s + ":\n" + table);
        }
        assertFitsWidth(390);
        browser.screenshot("review-390x844");
        String c4 = rows.get(0).getAttribute("data-claim");
        rows.get(0).findElement(By.cssSelector("a.claim-link")).click();
        browser.waitFor(By.id("enc-findings"));
        assertTrue(browser.driver.getCurrentUrl().contains("#/encounter/" + c4), browser.driver.getCurrentUrl());

        browser.open("#/runs");
        browser.waitFor(By.id("runs-table"));
        String row = browser.text(By.cssSelector("#runs-table tr[data-run='" + run.runId() + "']"));
        for (String s : List.of("PFS 2025 October", "ASP 2025-10", "OPPS 2025-10: shipped addendum-b-2025-10.csv")) {
            assertTrue(row.contains(s), "runs row lacks " + s + ": " + row);
        }
        assertFitsWidth(390);
        browser.screenshot("runs-390x844");
    }

    @Test
    void theWorklistFiltersComplianceAndSaysNoMoneyMoves() {
        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.viewport(390, 844);
        browser.open("#/worklist?runId=" + run.runId() + "&direction=COMPLIANCE");
        browser.waitFor(By.id("findings-table"));
        assertEquals("COMPLIANCE", browser.driver.findElement(By.id("w-direction")).getAttribute("value"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#findings-table tbody tr[data-claim]"));
        assertEquals(2, rows.size(), "the run's two COMPLIANCE findings");
        for (WebElement r : rows) {
            String text = r.getText();
            assertTrue(text.contains("Compliance") && text.contains("no money moves"), text);
        }
        assertTrue(browser.text(By.id("findings-table")).contains("Not payable in this setting"));
        assertFitsWidth(390);
        browser.screenshot("worklist-compliance-390x844");
    }

    private static String money(java.math.BigDecimal v) {
        return java.text.NumberFormat.getCurrencyInstance(java.util.Locale.US).format(v);
    }

    private void assertFitsWidth(int width) {
        Number scroll = (Number) browser.js("return document.documentElement.scrollWidth");
        assertTrue(scroll.intValue() <= width, "the page scrolls sideways: " + scroll + " px wide at " + width);
    }
}
