import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * after a concurrent warm-up of all scenarios (REQUESTS/2 each). Prints per scenario p50/p95/p99/max latency, throughput, the 1-minute load
 * average at its end, and (with SERVER_PIDS: the serve JVM and the postmaster) the server CPU time per
 * request: on a shared machine that figure is the one that does not depend on the neighbours.
 * Bounded in count and time (120 s per scenario).
 *   java bench/ApiBench.java BASE_URL USER PASSWORD [CLIENTS] [REQUESTS] [SERVE_PID,POSTMASTER_PID]
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
        List<Long> pids = new ArrayList<>();
        if (args.length > 5) for (String p : args[5].split(",")) if (!p.isBlank()) pids.add(Long.parseLong(p.trim()));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        String[] pages = {
            "/api/findings?size=50", "/api/findings?payerId=UHC&size=50", "/api/findings?kind=DRUG_UNITS&size=50",
            "/api/findings?billingNpi=1000000007&size=50", "/api/findings?direction=DENIAL&minAmount=100&size=50",
            "/api/findings?from=2025-03-01&to=2025-03-31&size=50", "/api/findings?page=5&size=50",
            "/api/findings?payerId=MEDICARE&kind=WASTE_MODIFIER&direction=UNDERPAYMENT&size=50",
        };
        String[][] scenarios = {
            {"summary by=payer", "/api/summary?by=payer"},
            {"summary by=provider", "/api/summary?by=provider"},
            {"summary by=kind", "/api/summary?by=kind"},
            {"findings page (8 filter mixes)", null},
        };
        System.out.printf("%-32s %6s %8s %8s %8s %8s %8s %7s %12s%n", "scenario", "n", "p50 ms", "p95 ms", "p99 ms", "max ms",
                "req/s", "load1", pids.isEmpty() ? "" : "srv cpu ms/req");
        // warm-up of every scenario first (JIT compilation in the server would otherwise land in the first figures)
        for (String[] sc : scenarios) run(http, base, auth, sc[1], pages, clients, Math.max(clients * 10, requests / 2));
        for (String[] sc : scenarios) {
            long cpu0 = cpuTicks(pids);
            AtomicInteger errors = new AtomicInteger();
            long t0 = System.nanoTime();
            List<Long> lat = run(http, base, auth, sc[1], pages, clients, requests, errors);
            double secs = (System.nanoTime() - t0) / 1e9;
            long cpu = cpuTicks(pids) - cpu0;
            List<Long> sorted = new ArrayList<>(lat);
            Collections.sort(sorted);
            String load1 = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
            System.out.printf("%-32s %6d %8.1f %8.1f %8.1f %8.1f %8.0f %7s %12s%s%n", sc[0], sorted.size(), pct(sorted, 50), pct(sorted, 95),
                    pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, sorted.size() / secs, load1,
                    pids.isEmpty() ? "" : String.format("%.2f", cpu * 10.0 / sorted.size()),
                    errors.get() > 0 ? "  (" + errors.get() + " non-200)" : "");
        }
    }

    static List<Long> run(HttpClient http, String base, String auth, String path, String[] pages, int clients, int requests) throws Exception {
        return run(http, base, auth, path, pages, clients, requests, new AtomicInteger());
    }

    static List<Long> run(HttpClient http, String base, String auth, String path, String[] pages, int clients, int requests,
                          AtomicInteger errors) throws Exception {
        List<Long> lat = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long t0 = System.nanoTime();
        List<Future<?>> fs = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            fs.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < requests && System.nanoTime() - t0 < 120_000_000_000L) {
                    String url = base + (path != null ? path : pages[i % pages.length]);
                    long s = System.nanoTime();
                    if (call(http, url, auth) != 200) errors.incrementAndGet();
                    lat.add(System.nanoTime() - s);
                }
                return null;
            }));
        }
        for (Future<?> f : fs) f.get();
        pool.shutdown();
        return lat;
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

    /** utime+stime (clock ticks, 100/s) of the given processes and of their children (the postmaster's backends). */
    static long cpuTicks(List<Long> pids) {
        if (pids.isEmpty()) return 0;
        long sum = 0;
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                String name = d.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit)) continue;
                try {
                    String stat = Files.readString(d.resolve("stat"));
                    String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long pid = Long.parseLong(name), ppid = Long.parseLong(f[1]);
                    if (pids.contains(pid) || pids.contains(ppid)) sum += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                } catch (Exception ignored) {
                    // the process ended meanwhile
                }
            }
        } catch (Exception e) {
            return 0;
        }
        return sum;
    }
}
