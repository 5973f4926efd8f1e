package io.oncoaudit.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.security.UserService;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * WCAG 2.1 AA contrast (1.4.3) of every visible text in the dashboard's views, measured in Chromium from
 * the computed styles: 4.5:1, or 3:1 for large text (24 px, or 18.67 px bold). Disabled controls are
 * exempt (WCAG "inactive user interface components"); chart text is drawn on a canvas and not checked here.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class DashboardContrastTests {
    private static Browser browser;

    @TestHTTPResource("/")
    URL root;

    @Inject
    RunLoader loader;

    @Inject
    UserService users;

    /** Returns "ratio<required: text [fg on bg]" for each failing text element. */
    private static final String CONTRAST_SCRIPT = """
            function rgba(s) { const m = s.match(/rgba?\\(([^)]+)\\)/); if (!m) return [0,0,0,0];
              const p = m[1].split(',').map(x => parseFloat(x)); return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1]; }
            function over(top, bottom) { const a = top[3] + bottom[3] * (1 - top[3]); if (a === 0) return [255,255,255,1];
              return [0,1,2].map(i => (top[i] * top[3] + bottom[i] * bottom[3] * (1 - top[3])) / a).concat([a]); }
            function background(el) { const layers = [];
              for (let e = el; e; e = e.parentElement) { const c = rgba(getComputedStyle(e).backgroundColor);
                if (c[3] > 0) { layers.push(c); if (c[3] >= 1) break; } }
              let bg = [255,255,255,1]; for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg); return bg; }
            function lum(c) { const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
              return 0.2126 * f(c[0]) + 0.7152 * f(c[1]) + 0.0722 * f(c[2]); }
            const out = []; let checked = 0;
            for (const el of document.querySelectorAll('body *')) {
              if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
              const st = getComputedStyle(el); const r = el.getBoundingClientRect();
              if (st.visibility === 'hidden' || st.display === 'none' || r.width === 0 || r.height === 0) continue;
              if (el.closest('[disabled],[aria-disabled="true"],.visually-hidden,.sr-only')) continue;
              if (parseFloat(st.opacity) === 0) continue;
              const bg = background(el); const fg = over(rgba(st.color), bg);
              const l1 = lum(fg), l2 = lum(bg); const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
              const size = parseFloat(st.fontSize); const bold = parseInt(st.fontWeight, 10) >= 700;
              const need = (size >= 24 || (bold && size >= 18.66)) ? 3 : 4.5; checked++;
              if (ratio + 1e-9 < need) out.push(ratio.toFixed(2) + '<' + need + ': "' + el.textContent.trim().slice(0, 40)
                + '" [' + st.color + ' on rgb(' + bg.slice(0,3).map(Math.round).join(',') + ')] <' + el.tagName.toLowerCase()
                + (el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : '') + '>');
            }
            return JSON.stringify({checked: checked, failures: out});
            """;

    @AfterAll
    static void closeBrowser() {
        if (browser != null) browser.close();
        browser = null;
    }

    @Test
    void everyVisibleTextMeetsWcagAaContrastInEveryView() throws Exception {
        Fixtures.users(users);
        String name = "dash-contrast";
        var dir = Files.createTempDirectory("oncoaudit-contrast-run");
        // the loaded run's id is derived from its content (issue 17)
        String runId = DashboardRun.write(dir, name, "fp-" + name + "-" + UUID.randomUUID(), 60, 20261126L).runId();
        loader.load(dir, "test", new PrintStream(System.err, true));
        browser = new Browser(root.toString());
        browser.viewport(1280, 800);

        browser.open("#/login");
        browser.waitFor(By.id("password"));
        // the measurement itself: a grey (#aaa) text on white is 2.32:1 and must be reported
        browser.js("const p = document.createElement('p'); p.id = 'probe'; p.textContent = 'probe text';"
                + "p.style.color = '#aaaaaa'; p.style.background = '#ffffff'; document.body.appendChild(p);");
        String probe = (String) browser.js(CONTRAST_SCRIPT);
        assertTrue(probe.contains("2.32<4.5: \\\"probe text"), "the contrast check reports a 2.32:1 text: " + probe);
        browser.js("document.getElementById('probe').remove()");
        check("login");

        browser.login(Fixtures.AUDITOR, Fixtures.AUDITOR_PASSWORD);
        browser.open("#/finance?runId=" + runId);
        browser.waitFor(By.cssSelector("#tile-claims .tile-value"));
        check("finance");

        browser.open("#/worklist?runId=" + runId);
        browser.waitFor(By.cssSelector("table tbody tr"));
        check("worklist");

        browser.open("#/campaigns");
        browser.waitFor(By.cssSelector("main h1, main h2"));
        check("campaigns");

        browser.open("#/recovery");
        browser.waitFor(By.cssSelector("main h1, main h2"));
        check("recovery");
    }

    private static void check(String view) throws Exception {
        Thread.sleep(300); // let late panels settle
        String json = (String) browser.js(CONTRAST_SCRIPT);
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        List<String> failures = new java.util.ArrayList<>();
        node.get("failures").forEach(f -> failures.add(f.asText()));
        assertTrue(node.get("checked").asInt() > 5, view + ": the check saw the page's text (" + node.get("checked") + " elements)");
        browser.screenshot("contrast-" + view);
        assertEquals(List.of(), failures, view + ": texts below WCAG AA contrast");
    }
}
