import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Dashboard first-view benchmark (issue 6, section 5), run by bench/web-bench.sh with the api module's
 * test classpath (Selenium). Drives Debian's headless Chromium at 1280x800 and measures, inside the page
 * (performance.now(), polled every animation frame):
 *   finance  login   from the click on "Log in" to the finance view's tiles AND every chart rendered
 *   finance  nav     from navigation start (a reload with the session kept) to the same
 *   worklist login   from the click on "Log in" (auditor) to the first page of findings in the table
 *   worklist nav     from navigation start to the same
 * The first repetition runs in a new browser profile (empty HTTP cache, ECharts not yet downloaded): "cold".
 * Also reports each /api request's median duration (Resource Timing) and the browser console's errors.
 * Usage: java -cp CP bench/WebFirstView.java BASE_URL FINANCE_USER AUDITOR_USER PASSWORD REPEATS
 */
public class WebFirstView {
    /** True when the finance view is complete: five tiles with values, every panel drawn, every chart painted. */
    static final String FINANCE_DONE = """
            const tiles = document.querySelectorAll('#tiles .tile .tile-value');
            if (tiles.length !== 5 || document.getElementById('tiles').getAttribute('aria-busy')) return false;
            if ([...tiles].some(t => !/[0-9]/.test(t.textContent))) return false;
            for (const id of ['by-payer', 'by-provider', 'by-kind', 'by-month', 'top-codes']) {
              const p = document.getElementById(id);
              if (!p || p.querySelector('[role=status]') || !p.querySelector('table')) return false;
            }
            const charts = document.querySelectorAll('.finance .chart');
            return charts.length >= 5 && [...charts].every(c => c.dataset.rendered === 'true');
            """;
    static final String WORKLIST_DONE = """
            const rows = document.querySelectorAll('#findings-table tbody tr');
            return rows.length > 0 && /Findings [0-9]/.test(document.getElementById('worklist-status')?.textContent || '');
            """;
    /** Every request of the page (scripts, styles, /api) with start and end relative to the measurement's start. */
    static final String WATERFALL = """
            const t0 = window.__t0 || 0;
            return performance.getEntriesByType('resource').filter(e => e.responseEnd >= t0)
              .map(e => { const u = new URL(e.name); const by = u.searchParams.get('by');
                          return [u.pathname + (by ? '?by=' + by : ''), e.startTime - t0, e.responseEnd - t0]; });
            """;
    static final String ERROR_DONE = "return !!document.querySelector('.error:not([hidden]):not(:empty)');";

    /** Polls `done` every frame; resolves with performance.now() - since (ms), or -1 on an error shown / timeout. */
    static final String WAIT = """
            const [done, errorShown, since, cb] = [new Function(arguments[0]), new Function(arguments[1]), arguments[2], arguments[3]];
            const until = performance.now() + 30000;
            (function tick() {
              if (done()) { cb(performance.now() - (since === null ? 0 : window[since])); return; }
              if (errorShown() || performance.now() > until) { cb(-1); return; }
              requestAnimationFrame(tick);
            })();
            """;
    static final String API_TIMES = """
            return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/'))
              .map(e => { const u = new URL(e.name); const by = u.searchParams.get('by');
                          return [u.pathname + (by ? '?by=' + by : ''), e.duration]; });
            """;

    final String base;
    final Map<String, List<Double>> times = new LinkedHashMap<>();
    final Map<String, List<Double>> api = new LinkedHashMap<>();
    final List<String> console = new ArrayList<>();
    ChromeDriver driver;
    Path profile;

    WebFirstView(String base) {
        this.base = base.replaceAll("/$", "");
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 5) {
            System.err.println("usage: WebFirstView BASE_URL FINANCE_USER AUDITOR_USER PASSWORD REPEATS");
            System.exit(2);
        }
        WebFirstView b = new WebFirstView(args[0]);
        int repeats = Integer.parseInt(args[4]);
        for (int i = 0; i < repeats; i++) {
            if (i == 0) b.start();
            String tag = i == 0 ? " (cold)" : "";
            // the cold and the last repetition print their requests' waterfall
            boolean w = i == 0 || i == repeats - 1;
            b.view("finance login", args[1], args[3], null, FINANCE_DONE, tag, w);
            b.view("finance nav", args[1], args[3], "#/finance", FINANCE_DONE, tag, w);
            b.view("worklist login", args[2], args[3], null, WORKLIST_DONE, tag, w);
            b.view("worklist nav", args[2], args[3], "#/worklist", WORKLIST_DONE, tag, w);
        }
        b.report();
        b.stop();
    }

    void start() throws Exception {
        profile = Files.createTempDirectory("webbench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 1280, "height", 800, "deviceScaleFactor", 1, "mobile", false));
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(40));
    }

    void stop() throws Exception {
        driver.quit();
        try (var paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One measurement: by login (hash null) or by navigating to hash with the user's session kept. */
    void view(String name, String user, String password, String hash, String done, String tag, boolean waterfall) {
        String label = name + tag;
        double ms;
        if (hash == null) {
            driver.get(base + "/#/login");
            waitFor(By.id("username"));
            driver.executeScript("sessionStorage.clear(); performance.clearResourceTimings();");
            driver.navigate().refresh();
            waitFor(By.id("username")).sendKeys(user);
            driver.findElement(By.id("password")).sendKeys(password);
            driver.executeScript("window.__t0 = performance.now(); document.getElementById('login-submit').click();");
            ms = wait(done, "__t0");
        } else {
            // the session stays in sessionStorage; a new URL (query string) makes a full navigation
            driver.get(base + "/?nav=" + System.nanoTime() + hash);
            ms = wait(done, null);
        }
        if (ms < 0) {
            System.out.println("webbench: " + label + ": not rendered (an error shown or 30 s passed); see the console errors");
        } else {
            times.computeIfAbsent(tag.isEmpty() ? name : label, k -> new ArrayList<>()).add(ms);
            System.out.printf(Locale.ROOT, "webbench: %-24s %8.0f ms%n", label, ms);
        }
        if (waterfall) {
            @SuppressWarnings("unchecked")
            List<List<Object>> all = (List<List<Object>>) driver.executeScript(WATERFALL);
            System.out.println("webbench:   requests of " + label + " (start..end ms after its start):");
            for (List<Object> e : all) {
                System.out.printf(Locale.ROOT, "webbench:     %6.0f .. %6.0f  %s%n", ((Number) e.get(1)).doubleValue(),
                        ((Number) e.get(2)).doubleValue(), e.get(0));
            }
        }
        @SuppressWarnings("unchecked")
        List<List<Object>> entries = (List<List<Object>>) driver.executeScript(API_TIMES);
        for (List<Object> e : entries) {
            api.computeIfAbsent(name.split(" ")[0] + " " + e.get(0), k -> new ArrayList<>()).add(((Number) e.get(1)).doubleValue());
        }
        for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER).getAll()) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                console.add(label + ": " + entry.getLevel() + " " + entry.getMessage());
            }
        }
    }

    double wait(String done, String since) {
        Object r = driver.executeAsyncScript(WAIT, done, ERROR_DONE, since);
        return ((Number) r).doubleValue();
    }

    org.openqa.selenium.WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    void report() {
        System.out.println("webbench: first view, ms (login = from the Log in click; nav = from navigation start)");
        System.out.printf(Locale.ROOT, "webbench: %-40s %5s %8s %8s %8s %8s%n", "view", "n", "min", "median", "p95", "max");
        times.forEach((k, v) -> row(k, v));
        System.out.println("webbench: /api requests as the browser saw them (Resource Timing duration, ms, every repetition)");
        api.forEach((k, v) -> row(k, v));
        System.out.println("webbench: browser console warnings/errors: " + console.size());
        console.forEach(c -> System.out.println("webbench:   " + c));
    }

    static void row(String name, List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "webbench: %-40s %5d %8.0f %8.0f %8.0f %8.0f%n", name, s.size(), s.get(0),
                pct(s, 0.5), pct(s, 0.95), s.get(s.size() - 1));
    }

    /** Nearest-rank percentile. */
    static double pct(List<Double> sorted, double p) {
        int i = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
    }
}
