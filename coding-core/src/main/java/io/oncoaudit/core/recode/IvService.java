package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.rules.hierarchy.OneInitialService;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** One IV service of the record to place in the CPT hierarchy: a drug's infusion(s) or push(es). */
public final class IvService {
    public enum Mode { INFUSION, PUSH }

    /** Where the hierarchy placed the service. */
    public enum Placement { NONE, INITIAL, SEQUENTIAL, CONCURRENT }

    public final Administration first;
    public final Drug drug;
    public final AdminFamily family;
    public final Mode mode;
    /** The access site that separates hierarchies (OA-HIER-002): "" unless the record documents why a separate site was needed. */
    public final String access;
    public long minutes;
    /** Intervals of the same drug infused again (a restarted bag), merged into this service; null when none. */
    public List<Administration> more;
    public Placement placement = Placement.NONE;

    public IvService(Administration a, Drug drug, AdminFamily family, Mode mode, long minutes, boolean sitesCount) {
        this.first = a;
        this.drug = drug;
        this.family = family;
        this.mode = mode;
        // (contract section 1: separate_site_reason alone documents that this administration had its own access)
        this.access = !sitesCount ? "" : a.accessSite() != null && !a.accessSite().isBlank() ? a.accessSite().trim()
                : a.separateSiteReason() != null && !a.separateSiteReason().isBlank() ? "separate site of " + a.administrationId() : "";
        this.minutes = minutes;
    }

    public int intervalCount() { return more == null ? 1 : 1 + more.size(); }

    public Administration interval(int i) { return i == 0 ? first : more.get(i - 1); }

    public LocalDateTime start() { return first.startTime(); }

    public boolean infusion() { return mode == Mode.INFUSION; }

    /** Built only for explanations and warnings. */
    public String drugLabel() { return label(first, drug); }

    public int rank() { return OneInitialService.rank(family, mode == Mode.INFUSION); }

    /** Adds another interval of the same service (its minutes add up). */
    public void merge(IvService s) {
        minutes += s.minutes;
        if (more == null) more = new ArrayList<>(2);
        more.add(s.first);
        if (s.more != null) more.addAll(s.more);
    }

    public boolean overlaps(IvService o) {
        for (int i = 0; i < intervalCount(); i++) {
            Administration a = interval(i);
            for (int j = 0; j < o.intervalCount(); j++) {
                Administration b = o.interval(j);
                if (a.startTime().isBefore(b.endTime()) && b.startTime().isBefore(a.endTime())) return true;
            }
        }
        return false;
    }

    /** CPT hierarchy: chemotherapy > therapeutic > hydration, infusion > push; then the earlier start. */
    public static final Comparator<IvService> HIERARCHY = Comparator.comparingInt(IvService::rank).thenComparing(IvService::start);
    /** Order in which the non-initial services are placed: clock order, then hierarchy. */
    public static final Comparator<IvService> CLOCK = Comparator.comparing(IvService::start).thenComparingInt(IvService::rank);

    public static String label(Administration a, Drug drug) {
        String name = drug != null ? drug.name() : (a.drugName() != null && !a.drugName().isBlank() ? a.drugName() : a.drugCode());
        return name + " (" + a.drugCode() + ", administration " + a.administrationId() + ")";
    }

    /** Minutes of this service not covered by any of {@code others}' intervals. */
    public long uncoveredMinutes(List<IvService> others) {
        long total = 0;
        for (int k = 0; k < intervalCount(); k++) {
            LocalDateTime[] iv = {interval(k).startTime(), interval(k).endTime()};
            List<LocalDateTime[]> cuts = new ArrayList<>();
            for (IvService o : others) {
                for (int j = 0; j < o.intervalCount(); j++) {
                    LocalDateTime cs = o.interval(j).startTime(), ce = o.interval(j).endTime();
                    LocalDateTime s = cs.isAfter(iv[0]) ? cs : iv[0];
                    LocalDateTime e = ce.isBefore(iv[1]) ? ce : iv[1];
                    if (s.isBefore(e)) cuts.add(new LocalDateTime[] {s, e});
                }
            }
            cuts.sort(Comparator.comparing(c -> c[0]));
            long covered = 0;
            LocalDateTime curS = null, curE = null;
            for (LocalDateTime[] c : cuts) {
                if (curE == null || c[0].isAfter(curE)) {
                    if (curE != null) covered += Duration.between(curS, curE).toMinutes();
                    curS = c[0];
                    curE = c[1];
                } else if (c[1].isAfter(curE)) curE = c[1];
            }
            if (curE != null) covered += Duration.between(curS, curE).toMinutes();
            total += Duration.between(iv[0], iv[1]).toMinutes() - covered;
        }
        return total;
    }

    @Override
    public String toString() { return first.drugCode() + " " + mode + " " + minutes + " min " + placement; }
}
