package io.oncoaudit.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks on the dashboard's source that need no browser: no HTML-parsing sinks (issue 6 section 4:
 * text from an extract is inserted as text only), the colour pairs meet WCAG 2.1 AA, and every file
 * the page loads exists (modules, stylesheet, the chart library in its webjar).
 */
class WebSourceTests {
    private static final Path ROOT = Path.of("src/main/resources/META-INF/resources");
    private static final Pattern SINKS = Pattern.compile(
            "\\.(innerHTML|outerHTML)\\b|insertAdjacentHTML|document\\.write|\\beval\\s*\\(|new\\s+Function\\s*\\(|setHTMLUnsafe|createContextualFragment");

    private static List<Path> scripts() throws IOException {
        try (Stream<Path> s = Files.walk(ROOT.resolve("app"))) {
            return s.filter(p -> p.toString().endsWith(".js")).sorted().toList();
        }
    }

    @Test
    void noScriptParsesHtml() throws IOException {
        List<String> hits = new ArrayList<>();
        for (Path p : scripts()) {
            List<String> lines = Files.readAllLines(p);
            for (int i = 0; i < lines.size(); i++) {
                if (SINKS.matcher(lines.get(i)).find()) hits.add(p.getFileName() + ":" + (i + 1) + ": " + lines.get(i).trim());
            }
        }
        assertEquals(List.of(), hits, "HTML sinks: build elements with dom.js h() and textContent instead");
        assertTrue(scripts().size() >= 10, "the scan found the dashboard's modules");
    }

    @Test
    void everyModuleImportAndPageAssetExists() throws IOException {
        Pattern imports = Pattern.compile("from\\s+'(\\./[^']+)'|import\\('(\\./[^']+)'\\)");
        for (Path p : scripts()) {
            Matcher m = imports.matcher(Files.readString(p));
            while (m.find()) {
                String target = m.group(1) != null ? m.group(1) : m.group(2);
                assertTrue(Files.isRegularFile(p.resolveSibling(target)), p.getFileName() + " imports missing " + target);
            }
        }
        String index = Files.readString(ROOT.resolve("index.html"));
        Matcher assets = Pattern.compile("(?:src|href)=\"(/app/[^\"]+)\"").matcher(index);
        int n = 0;
        while (assets.find()) {
            assertTrue(Files.isRegularFile(ROOT.resolve(assets.group(1).substring(1))), "index.html refers to missing " + assets.group(1));
            n++;
        }
        assertTrue(index.contains("<link rel=\"stylesheet\" href=\"/app/app.css\">"), "index.html loads app.css");
        assertTrue(index.contains("<script type=\"module\" src=\"/app/main.js\"></script>"), "index.html loads main.js");
        // every other module is preloaded at once (first view: no waterfall of imports), and only modules that exist
        java.util.Set<String> preloaded = new java.util.TreeSet<>();
        Matcher pre = Pattern.compile("<link rel=\"modulepreload\" href=\"/app/([^\"]+)\">").matcher(index);
        while (pre.find()) preloaded.add(pre.group(1));
        java.util.Set<String> modules = new java.util.TreeSet<>();
        for (Path p : scripts()) if (!p.getFileName().toString().equals("main.js")) modules.add(p.getFileName().toString());
        assertEquals(modules, preloaded, "index.html preloads exactly the app's modules besides main.js");
        assertEquals(2 + preloaded.size(), n, "index.html refers to app.css, main.js and the preloaded modules only");
        Matcher url = Pattern.compile("ECHARTS_URL = '(/webjars/[^']+)'").matcher(Files.readString(ROOT.resolve("app/charts.js")));
        assertTrue(url.find());
        assertNotNull(getClass().getResource("/META-INF/resources" + url.group(1)),
                url.group(1) + " is not in the echarts webjar that web/pom.xml depends on: keep the version in step");
    }

    @Test
    void colourPairsMeetWcagAa() throws IOException {
        Map<String, String> v = cssVariables(Files.readString(ROOT.resolve("app/app.css")));
        v.put("white", "#ffffff");
        v.put("thead", "#eef1f5");
        v.put("roles", "#d5dde8");
        v.put("hover", "#e8f0fa");
        v.put("appeal-bg", "#f6f8fa");
        // normal-size text: 4.5:1 (WCAG 2.1 SC 1.4.3)
        String[][] text = {
            {"text", "bg"}, {"text", "surface"}, {"text", "thead"}, {"text", "diff-bg"}, {"text", "appeal-bg"},
            {"muted", "bg"}, {"muted", "surface"}, {"muted", "thead"},
            {"primary", "bg"}, {"primary", "surface"}, {"primary", "hover"}, {"white", "primary"}, {"white", "primary-dark"},
            {"white", "top"}, {"roles", "top"}, {"top", "white"},
            {"under", "surface"}, {"over", "surface"}, {"denial", "surface"}, {"ok", "surface"},
            {"error", "surface"}, {"error", "bg"}, {"diff-text", "diff-bg"},
        };
        // focus indicators and chart marks: 3:1 (SC 1.4.11)
        String[][] graphics = {
            {"focus", "surface"}, {"focus", "bg"}, {"focus-on-dark", "top"},
            {"under", "surface"}, {"over", "surface"}, {"denial", "surface"}, {"primary", "surface"},
        };
        List<String> failures = new ArrayList<>();
        for (String[] p : text) check(v, p, 4.5, failures);
        for (String[] p : graphics) check(v, p, 3.0, failures);
        assertEquals(List.of(), failures);
    }

    private static void check(Map<String, String> v, String[] pair, double min, List<String> failures) {
        String fg = v.get(pair[0]);
        String bg = v.get(pair[1]);
        assertNotNull(fg, pair[0]);
        assertNotNull(bg, pair[1]);
        double ratio = contrast(fg, bg);
        if (ratio < min) failures.add(pair[0] + " " + fg + " on " + pair[1] + " " + bg + ": " + String.format("%.2f", ratio) + " < " + min);
    }

    static Map<String, String> cssVariables(String css) {
        Map<String, String> out = new HashMap<>();
        Matcher m = Pattern.compile("--([a-z-]+):\\s*(#[0-9a-fA-F]{6})\\s*;").matcher(css);
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    /** WCAG 2.1 contrast ratio of two sRGB colours #rrggbb. */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double s = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }

    @Test
    void theContrastFormulaMatchesKnownValues() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, contrast("#777777", "#777777"), 1e-9);
        assertEquals(4.48, contrast("#777777", "#ffffff"), 0.01);
    }
}
