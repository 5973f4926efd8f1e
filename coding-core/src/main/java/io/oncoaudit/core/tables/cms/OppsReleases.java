package io.oncoaudit.core.tables.cms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The OPPS Addendum B releases shipped in the jar (2024-01, 2025-01, 2025-10), each loaded on first use. The release
 * in force on a date of service is the latest one of the same calendar year effective on or before it (APC rates are
 * set per calendar year); a date before or after the years held gets the nearest release with a warning.
 */
public final class OppsReleases {
    private static volatile OppsReleases shipped;
    private final Releases<OppsAddendumB> releases;

    private OppsReleases(Releases<OppsAddendumB> releases) { this.releases = releases; }

    public static OppsReleases shipped() {
        OppsReleases s = shipped;
        if (s == null) {
            synchronized (OppsReleases.class) {
                s = shipped;
                if (s == null) {
                    Map<YearMonth, Supplier<OppsAddendumB>> m = new LinkedHashMap<>();
                    for (String r : CmsFiles.resources("opps/")) {
                        YearMonth q = CmsDates.fromName(r);
                        m.put(q, () -> OppsAddendumB.parse(CmsFiles.name(r), CsvRecords.decode(CsvRecords.readResource(r))));
                    }
                    shipped = s = new OppsReleases(new Releases<>("OPPS", Releases.Coverage.CALENDAR_YEAR, m));
                }
            }
        }
        return s;
    }

    public OppsAddendumB at(LocalDate dateOfService) { return releases.at(dateOfService); }

    public Releases.Selection<OppsAddendumB> select(LocalDate dateOfService) { return releases.select(dateOfService); }

    public OppsAddendumB get(YearMonth release) { return releases.get(release); }

    public List<YearMonth> releases() { return releases.releases(); }
}
