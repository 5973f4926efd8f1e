import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load client for the api (loopback only): CLIENTS concurrent clients, REQUESTS requests per scenario,
 * prints p50/p95/p99/max latency per scenario. Bounded in count and time.
 *   java bench/ApiBench.java BASE_URL USER PASSWORD [CLIENTS] [REQUESTS]
 */
public class ApiBench {
    public static void main(String[] args) throws Exception {
        String base = args[0];
        if (!base.startsWith("http://127.0.0.1") && !base.startsWith("http://localhost")) {
            throw new IllegalArgumentException("loopback targets only");
        }
        String auth = "Basic " + Base64.getEncoder().encodeToString((args[1] + ":" + args[2]).getBytes(StandardCharsets.UTF_8));
        int clients = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        int requests = args.length > 4 ? Integer.parseInt(args[4]) : 1600;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String[][] scenarios = {
            {"summary by=payer", "/api/summary?by=payer"},
            {"summary by=provider", "/api/summary?by=provider"},
            {"summary by=kind", "/api/summary?by=kind"},
            {"findings page (mixed filters)", null},
        };
        String[] pages = {
            "/api/findings?size=50", "/api/findings?payerId=UHC&size=50", "/api/findings?kind=DRUG_UNITS&size=50",
            "/api/findings?billingNpi=1000000007&size=50", "/api/findings?direction=DENIAL&minAmount=100&size=50",
            "/api/findings?from=2025-03-01&to=2025-03-31&size=50", "/api/findings?page=5&size=50",
            "/api/findings?payerId=MEDICARE&kind=WASTE_MODIFIER&direction=UNDERPAYMENT&size=50",
        };
        System.out.printf("%-32s %8s %8s %8s %8s %8s %8s%n", "scenario", "n", "p50 ms", "p95 ms", "p99 ms", "max ms", "req/s");
        for (String[] sc : scenarios) {
            for (int i = 0; i < 20; i++) call(http, base + (sc[1] != null ? sc[1] : pages[i % pages.length]), auth); // warm-up
            List<Long> lat = Collections.synchronizedList(new ArrayList<>());
            AtomicInteger next = new AtomicInteger();
            AtomicInteger errors = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(clients);
            long t0 = System.nanoTime();
            List<Future<?>> fs = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                fs.add(pool.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests && System.nanoTime() - t0 < 120_000_000_000L) {
                        String url = base + (sc[1] != null ? sc[1] : pages[i % pages.length]);
                        long s = System.nanoTime();
                        if (call(http, url, auth) != 200) errors.incrementAndGet();
                        lat.add(System.nanoTime() - s);
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) f.get();
            pool.shutdown();
            double secs = (System.nanoTime() - t0) / 1e9;
            List<Long> sorted = new ArrayList<>(lat);
            Collections.sort(sorted);
            System.out.printf("%-32s %8d %8.1f %8.1f %8.1f %8.1f %8.0f%s%n", sc[0], sorted.size(), pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, sorted.size() / secs,
                    errors.get() > 0 ? "  (" + errors.get() + " non-200)" : "");
        }
    }

    static int call(HttpClient http, String url, String auth) {
        try {
            HttpRequest r = HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).timeout(Duration.ofSeconds(30)).build();
            return http.send(r, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception e) {
            return -1;
        }
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
