package io.oncoaudit.core.tables.cms;

import io.oncoaudit.core.tables.TableFormatException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The CMS ASP payment limit quarters: the files shipped in the jar (2024-01 to 2026-01, official layout, preamble
 * and all) and any newer quarters a user loads ({@code --asp DIR}). The quarter holding the date of service prices
 * a drug line; outside the quarters held, the nearest quarter with a warning naming it ({@link Releases}).
 *
 * <pre>{@code
 * AspQuarter q = AspQuarters.shipped().quarter(LocalDate.parse("2026-02-10"));  // ASP 2026-01
 * q.get("J9271").billingUnitText();   // "1 MG"
 * q.get("J9271").paymentLimit();      // 59.726
 * AspQuarters.shipped().quartersOf("J9271"); // [2024-01, ..., 2026-01]
 * }</pre>
 * Immutable and thread-safe.
 */
public final class AspQuarters {
    private static volatile AspQuarters shipped;

    private final Releases<AspQuarter> releases;
    private final Map<String, String> sources;

    private AspQuarters(Map<YearMonth, AspQuarter> quarters, Map<String, String> sources) {
        Map<YearMonth, Supplier<AspQuarter>> m = new LinkedHashMap<>();
        quarters.forEach((k, v) -> m.put(k, () -> v));
        this.releases = new Releases<>("ASP", Releases.Coverage.QUARTER, m);
        this.sources = Map.copyOf(sources);
    }

    /** The quarters shipped in the jar (loaded once per JVM). */
    public static AspQuarters shipped() {
        AspQuarters s = shipped;
        if (s == null) {
            synchronized (AspQuarters.class) {
                s = shipped;
                if (s == null) {
                    Map<YearMonth, AspQuarter> qs = new HashMap<>();
                    Map<String, String> src = new LinkedHashMap<>();
                    for (String r : CmsFiles.resources("asp/")) {
                        AspQuarter q = AspQuarter.parse(CmsFiles.name(r), CsvRecords.decode(CsvRecords.readResource(r)));
                        put(qs, q);
                        src.put(q.version(), "shipped " + CmsFiles.name(r));
                    }
                    shipped = s = new AspQuarters(qs, src);
                }
            }
        }
        return s;
    }

    private static void put(Map<YearMonth, AspQuarter> qs, AspQuarter q) {
        AspQuarter prior = qs.put(q.quarter(), q);
        if (prior != null && !prior.source().equals(q.source())) {
            throw new TableFormatException(q.source(), 1, "quarter " + q.quarter() + " is also in " + prior.source());
        }
    }

    /**
     * These quarters plus every ASP file ({@code *.csv}) in the folder; a folder's quarter replaces a shipped one of
     * the same quarter (a corrected file). Throws {@link TableFormatException} naming a file that is not an ASP file.
     */
    public AspQuarters withDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new IllegalArgumentException("--asp " + dir + ": not a folder");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".csv")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("--asp " + dir + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) throw new IllegalArgumentException("--asp " + dir + ": no .csv ASP pricing file in the folder");
        Map<YearMonth, AspQuarter> qs = new HashMap<>();
        for (YearMonth m : releases.releases()) qs.put(m, releases.get(m));
        Map<String, String> src = new LinkedHashMap<>(sources);
        Map<YearMonth, AspQuarter> added = new HashMap<>();
        for (Path f : files) {
            AspQuarter q = AspQuarter.parse(f.getFileName().toString(), CsvRecords.decode(CsvRecords.readFile(f)));
            put(added, q);
            qs.put(q.quarter(), q);
            src.put(q.version(), "loaded " + f);
        }
        return new AspQuarters(qs, src);
    }

    /** The quarter holding the date of service, else the nearest one. */
    public AspQuarter quarter(LocalDate dateOfService) { return releases.at(dateOfService); }

    /** The quarter for the date with its version and, when it is not the date's own quarter, a warning. */
    public Releases.Selection<AspQuarter> select(LocalDate dateOfService) { return releases.select(dateOfService); }

    /** One quarter by its first month, or null. */
    public AspQuarter get(YearMonth quarter) { return releases.get(quarter); }

    /** The quarters held, oldest first. */
    public List<YearMonth> quarters() { return releases.releases(); }

    /** The quarters whose file prices the code, oldest first. */
    public List<YearMonth> quartersOf(String hcpcs) {
        List<YearMonth> out = new ArrayList<>();
        for (YearMonth m : releases.releases()) if (releases.get(m).get(hcpcs) != null) out.add(m);
        return out;
    }

    /** Version -> where it came from ("ASP 2025-10" -> "shipped asp-2025-10.csv"), for run manifests. */
    public Map<String, String> sources() { return sources; }
}
