package io.oncoaudit.core.tables.cms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The dated releases of one CMS table (ASP quarters, NDC-HCPCS crosswalk quarters, OPPS Addendum B releases), and
 * the choice of the release in force on a date of service. A release is named by the first month it is effective
 * (2025-10 = effective October 1, 2025). Each release is loaded on first use, then kept. Immutable and thread-safe.
 *
 * <p>Coverage:
 * <ul>
 * <li>{@link Coverage#QUARTER} (ASP, crosswalk): the release of the calendar quarter holding the date of service;</li>
 * <li>{@link Coverage#CALENDAR_YEAR} (OPPS): the latest release of the same calendar year effective on or before
 *     the date (the payment rates are set per calendar year; quarterly releases correct and add codes).</li>
 * </ul>
 * A date no release covers is served by the nearest release (fewest months away; on a tie the earlier one) and the
 * selection carries a warning naming it.
 */
public final class Releases<T> {
    public enum Coverage { QUARTER, CALENDAR_YEAR }

    /** The release chosen for a date: its table, its name, its version text (e.g. "ASP 2025-10"), and a warning or null. */
    public record Selection<T>(T table, YearMonth release, String version, String warning) {
        public boolean exact() { return warning == null; }
    }

    private final String name;
    private final Coverage coverage;
    private final NavigableMap<YearMonth, Supplier<T>> releases;
    private final Map<YearMonth, Selection<T>> byMonth = new ConcurrentHashMap<>();
    /** selections of the months 2000-01 .. 2099-12 by index, without a key object per lookup (benign race: immutable values) */
    private final Selection<?>[] byIndex = new Selection<?>[1200];

    /** @param name the table's short name used in versions and warnings ("ASP", "OPPS", "NDC-HCPCS crosswalk") */
    public Releases(String name, Coverage coverage, Map<YearMonth, Supplier<T>> releases) {
        if (releases.isEmpty()) throw new IllegalArgumentException(name + ": no release");
        this.name = name;
        this.coverage = coverage;
        TreeMap<YearMonth, Supplier<T>> m = new TreeMap<>();
        releases.forEach((k, v) -> m.put(k, memo(v)));
        this.releases = Collections.unmodifiableNavigableMap(m);
    }

    private static <T> Supplier<T> memo(Supplier<T> s) {
        return new Supplier<>() {
            private volatile T value;

            @Override
            public T get() {
                T v = value;
                if (v == null) {
                    synchronized (this) {
                        v = value;
                        if (v == null) value = v = s.get();
                    }
                }
                return v;
            }
        };
    }

    public String name() { return name; }

    /** The release names, oldest first. */
    public List<YearMonth> releases() { return new ArrayList<>(releases.keySet()); }

    /** One release by name, or null. */
    public T get(YearMonth release) {
        Supplier<T> s = releases.get(release);
        return s == null ? null : s.get();
    }

    /** The release in force on the date of service (or the nearest one, with a warning). */
    @SuppressWarnings("unchecked")
    public Selection<T> select(LocalDate dateOfService) {
        int idx = (dateOfService.getYear() - 2000) * 12 + dateOfService.getMonthValue() - 1;
        if (idx >= 0 && idx < byIndex.length) {
            Selection<T> s = (Selection<T>) byIndex[idx];
            if (s == null) byIndex[idx] = s = choose(YearMonth.from(dateOfService));
            return s;
        }
        YearMonth month = YearMonth.from(dateOfService);
        Selection<T> s = byMonth.get(month);
        if (s == null) {
            s = choose(month);
            if (byMonth.size() < 10_000) byMonth.put(month, s);
        }
        return s;
    }

    /** The table of {@link #select(LocalDate)}. */
    public T at(LocalDate dateOfService) { return select(dateOfService).table(); }

    private Selection<T> choose(YearMonth month) {
        YearMonth exact = switch (coverage) {
            case QUARTER -> {
                YearMonth q = quarterStart(month);
                yield releases.containsKey(q) ? q : null;
            }
            case CALENDAR_YEAR -> {
                YearMonth f = releases.floorKey(month);
                yield f != null && f.getYear() == month.getYear() ? f : null;
            }
        };
        if (exact != null) return new Selection<>(releases.get(exact).get(), exact, version(exact), null);
        YearMonth before = releases.floorKey(month), after = releases.ceilingKey(month);
        YearMonth nearest;
        if (before == null) nearest = after;
        else if (after == null) nearest = before;
        else nearest = ChronoUnit.MONTHS.between(before, month) <= ChronoUnit.MONTHS.between(month, after) ? before : after;
        String warning = name + ": no release shipped or loaded for " + month + " (have " + releases.firstKey() + " to "
                + releases.lastKey() + "); priced from the nearest release, " + version(nearest);
        return new Selection<>(releases.get(nearest).get(), nearest, version(nearest), warning);
    }

    public String version(YearMonth release) { return name + " " + release; }

    /** The first month of the calendar quarter holding the month. */
    public static YearMonth quarterStart(YearMonth m) {
        return YearMonth.of(m.getYear(), ((m.getMonthValue() - 1) / 3) * 3 + 1);
    }
}
