package io.oncoaudit.core.tables.cms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The CMS ASP NDC-HCPCS crosswalk quarters shipped in the jar (2024-01 to 2026-01), each loaded on first use; the
 * quarter holding the date of service is used, else the nearest with a warning. Immutable and thread-safe.
 */
public final class NdcCrosswalks {
    private static volatile NdcCrosswalks shipped;
    private final Releases<NdcCrosswalk> releases;

    private NdcCrosswalks(Releases<NdcCrosswalk> releases) { this.releases = releases; }

    public static NdcCrosswalks shipped() {
        NdcCrosswalks s = shipped;
        if (s == null) {
            synchronized (NdcCrosswalks.class) {
                s = shipped;
                if (s == null) {
                    Map<YearMonth, Supplier<NdcCrosswalk>> m = new LinkedHashMap<>();
                    for (String r : CmsFiles.resources("ndc/")) {
                        YearMonth q = CmsDates.fromName(r);
                        if (q == null) throw new IllegalStateException("shipped crosswalk without YYYY-MM in its name: " + r);
                        m.put(q, () -> check(q, NdcCrosswalk.parse(CmsFiles.name(r), CsvRecords.decode(CsvRecords.readResource(r)))));
                    }
                    shipped = s = new NdcCrosswalks(new Releases<>("NDC-HCPCS crosswalk", Releases.Coverage.QUARTER, m));
                }
            }
        }
        return s;
    }

    private static NdcCrosswalk check(YearMonth named, NdcCrosswalk c) {
        if (!c.quarter().equals(named)) {
            throw new IllegalStateException(c.source() + " says it is effective from " + c.quarter() + ", its name says " + named);
        }
        return c;
    }

    public NdcCrosswalk quarter(LocalDate dateOfService) { return releases.at(dateOfService); }

    public Releases.Selection<NdcCrosswalk> select(LocalDate dateOfService) { return releases.select(dateOfService); }

    public NdcCrosswalk get(YearMonth quarter) { return releases.get(quarter); }

    public List<YearMonth> quarters() { return releases.releases(); }
}
