package io.oncoaudit.api.warmup;

import io.oncoaudit.api.OncoauditMain;
import io.oncoaudit.api.query.DashboardRepository;
import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.SummaryRepository;
import io.oncoaudit.api.query.SummaryRepository.By;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

/**
 * After {@code serve} starts, prepares what the dashboard's first view asks for, in the background: the
 * summary aggregates (cached by the repositories, so the first real request is a cache hit) and the
 * static files, chart library included (read once from the jar through the HTTP server itself).
 * Measured with bench/web-bench.sh at 5M findings: the first finance view after a start took 2.2 s,
 * warm ones 0.3-0.6 s; the difference was the first summary query (0.95 s) and the first download of the
 * 1 MB chart library (1.6 s). Readiness does not wait for this; a failure only costs the first user time.
 */
@ApplicationScoped
public class FirstViewWarmup {
    private static final Logger LOG = Logger.getLogger(FirstViewWarmup.class);
    /** What index.html and the finance view load first (web module). */
    static final List<String> STATIC_PATHS = List.of("/", "/app/app.css", "/app/main.js", "/app/api.js",
            "/app/finance.js", "/app/charts.js", "/app/worklist.js", "/webjars/echarts/5.3.1/dist/echarts.esm.min.js");

    private final SummaryRepository summaries;
    private final DashboardRepository dashboard;
    volatile boolean summariesReady;
    volatile RuntimeException lastFailure;

    // accessors, not fields, for callers holding the CDI client proxy (its own fields are never set): the test
    boolean summariesReady() { return summariesReady; }

    RuntimeException lastFailure() { return lastFailure; }

    public FirstViewWarmup(SummaryRepository summaries, DashboardRepository dashboard) {
        this.summaries = summaries;
        this.dashboard = dashboard;
    }

    void onStart(@Observes StartupEvent event) {
        String cmd = OncoauditMain.command();
        if (cmd != null && !cmd.equals("serve")) return; // load, users, campaign: no HTTP, nothing to warm
        Thread t = new Thread(this::warm, "oncoaudit-first-view-warmup");
        t.setDaemon(true);
        t.start();
    }

    void warm() {
        long t0 = System.nanoTime();
        warmSummaries();
        // Tests bind a random port (quarkus.http.test-port=0); FirstViewWarmupTests fetches through it instead.
        int port = LaunchMode.current() == LaunchMode.TEST ? 0
                : ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", Integer.class).orElse(0);
        int served = port > 0 ? fetchStatic(port) : 0;
        LOG.debugf("first-view warm-up done in %d ms (%d static files)", (System.nanoTime() - t0) / 1_000_000, served);
    }

    void warmSummaries() {
        try {
            for (By by : By.values()) summaries.summary(by, null, null, null);
            FindingFilter all = FindingFilter.of(null, null, null);
            dashboard.byMonth(all);
            dashboard.byCode(all, 10);
            dashboard.byDrug(all, 10);
            dashboard.claims(all);
            dashboard.recoverableDays(all);
            dashboard.providerNames(null);
            summariesReady = true;
        } catch (RuntimeException e) {
            lastFailure = e;
            LOG.debugf(e, "first-view warm-up: summaries not prepared");
        }
    }

    /** GETs every path of {@link #STATIC_PATHS}; returns how many answered 200. */
    int fetchStatic(int port) {
        int served = 0;
        String host = ConfigProvider.getConfig().getOptionalValue("quarkus.http.host", String.class).orElse("127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::") || host.isBlank()) host = "127.0.0.1"; // listening everywhere
        if (host.contains(":") && !host.startsWith("[")) host = "[" + host + "]";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        for (String path : STATIC_PATHS) {
            HttpRequest get = HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + path))
                    .timeout(Duration.ofSeconds(30)).GET().build();
            for (int attempt = 0; attempt < 20; attempt++) { // the listener may open just after StartupEvent
                try {
                    HttpResponse<Void> r = http.send(get, HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) served++;
                    break;
                } catch (java.io.IOException e) {
                    sleep(250);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return served;
                }
            }
        }
        return served;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
