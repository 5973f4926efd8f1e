package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the administration codes an encounter should carry from its administration record
 * (full mode): route and minutes (OA-TIME-*), family (OA-FAM-*, OA-SCIM-001), one initial service by
 * the CPT hierarchy per access (OA-HIER-001/002), sequential vs concurrent (OA-SEQ-001/002), pump
 * starts (OA-PUMP-001) and route-specific codes (OA-SITE-001).
 */
final class AdministrationCoder {
    private AdministrationCoder() { }

    enum Mode { INFUSION, PUSH }

    /** One IV service to place in the hierarchy: a drug's infusion(s) or push(es). */
    static final class IvService {
        final Administration first;
        final Drug drug;
        final String drugLabel;
        final AdminFamily family;
        final Mode mode;
        final String access;
        long minutes;
        final List<LocalDateTime[]> intervals = new ArrayList<>(1);

        IvService(Administration a, Drug drug, AdminFamily family, Mode mode, long minutes) {
            this.first = a;
            this.drug = drug;
            this.drugLabel = label(a, drug);
            this.family = family;
            this.mode = mode;
            this.access = a.accessSite() == null ? "" : a.accessSite().trim();
            this.minutes = minutes;
            intervals.add(new LocalDateTime[] {a.startTime(), a.endTime()});
        }

        LocalDateTime start() { return first.startTime(); }

        int rank() { return family.rank() * 2 + (mode == Mode.INFUSION ? 0 : 1); }

        boolean overlaps(IvService o) {
            for (LocalDateTime[] a : intervals) {
                for (LocalDateTime[] b : o.intervals) {
                    if (a[0].isBefore(b[1]) && b[0].isBefore(a[1])) return true;
                }
            }
            return false;
        }
    }

    static String label(Administration a, Drug drug) {
        String name = drug != null ? drug.name() : (a.drugName() != null && !a.drugName().isBlank() ? a.drugName() : a.drugCode());
        return name + " (" + a.drugCode() + ", administration " + a.administrationId() + ")";
    }

    static List<Coded> derive(Context ctx) {
        List<Coded> out = new ArrayList<>();
        List<IvService> iv = new ArrayList<>();
        List<IvService> hydration = new ArrayList<>();
        List<Administration> intraArterial = new ArrayList<>();
        boolean chemoBilled = billedChemoCode(ctx);

        for (Administration a : ctx.encounter.administrations()) {
            Drug drug = ctx.drug(a.drugCode());
            AdminFamily family;
            if (drug == null) {
                family = chemoBilled ? AdminFamily.CHEMOTHERAPY : AdminFamily.THERAPEUTIC;
                ctx.warn("unknown drug code " + a.drugCode() + " (administration " + a.administrationId()
                        + "): not in the drug table; treated as " + family.name().toLowerCase() + " family as billed, units not checked");
            } else {
                family = FamilyRules.family(drug, ctx.cancerDiagnosis, ctx.payer);
            }
            switch (a.route()) {
                case SC, IM -> out.add(scIm(ctx, a, drug));
                case IV -> {
                    long m = a.minutes();
                    if (family == AdminFamily.HYDRATION) {
                        if (!TimeRules.isPush(m)) hydration.add(new IvService(a, drug, family, Mode.INFUSION, m));
                        else ctx.warn("hydration " + label(a, drug) + " lasted " + m + " minutes: not reportable (31-minute minimum)");
                    } else if (a.pump() && family == AdminFamily.CHEMOTHERAPY && TimeRules.prolonged(m)) {
                        out.add(Coded.of("96416", 1, RuleCatalog.PUMP_START.id(), () -> label(a, drug) + " started on a pump for "
                                + hours(m) + " (more than 8 hours): 96416"));
                    } else {
                        if (a.pump() && !TimeRules.prolonged(m)) {
                            ctx.warn("administration " + a.administrationId() + " is marked pump but lasted " + hours(m)
                                    + " (96416 needs more than 8 hours): coded as an infusion");
                        }
                        iv.add(new IvService(a, drug, family, TimeRules.isPush(m) ? Mode.PUSH : Mode.INFUSION, m));
                    }
                }
                case INTRA_ARTERIAL -> {
                    if (family == AdminFamily.CHEMOTHERAPY) intraArterial.add(a);
                    else ctx.warn("intra-arterial " + label(a, drug) + " is not chemotherapy: no chemotherapy intra-arterial code (not coded here)");
                }
                case INTRALESIONAL -> {
                    if (family == AdminFamily.CHEMOTHERAPY) {
                        int lesions = a.lesionCount() == null ? 1 : a.lesionCount();
                        String code = lesions <= 7 ? "96405" : "96406";
                        out.add(Coded.of(code, 1, RuleCatalog.SITE_CODES.id(), () -> label(a, drug) + " intralesional, " + lesions
                                + " lesion(s): " + code));
                    } else ctx.warn("intralesional " + label(a, drug) + " is not chemotherapy: not a 96405/96406 service (not coded here)");
                }
                case INTRATHECAL -> siteCode(ctx, out, a, drug, family, "96450", "intrathecal");
                case INTRAPLEURAL -> siteCode(ctx, out, a, drug, family, "96440", "into the pleural cavity");
                case INTRAPERITONEAL -> siteCode(ctx, out, a, drug, family, "96446", "into the peritoneal cavity");
                case ORAL -> { /* self-administered: no administration code */ }
            }
        }
        // IV hierarchy first (initial, its hours, add-ons), then the stand-alone services in record order
        List<Coded> ordered = new ArrayList<>(out.size() + iv.size() + 2);
        codeIv(ctx, ordered, mergeSameDrug(iv), hydration);
        codeIntraArterial(ctx, ordered, intraArterial);
        ordered.addAll(out);
        return ordered;
    }

    private static Coded scIm(Context ctx, Administration a, Drug drug) {
        if (drug == null) {
            return Coded.of("96372", 1, RuleCatalog.SC_IM_CODE.id(), () -> label(a, null) + " " + a.route()
                    + ": drug unknown, coded as a therapeutic injection (96372)");
        }
        String code = FamilyRules.scImCode(drug, ctx.cancerDiagnosis, ctx.payer);
        return Coded.of(code, 1, RuleCatalog.SC_IM_CODE.id(), () -> FamilyRules.scImReason(drug, ctx.cancerDiagnosis)
                + " (administration " + a.administrationId() + ", " + a.route() + ")");
    }

    private static void siteCode(Context ctx, List<Coded> out, Administration a, Drug drug, AdminFamily family, String code, String where) {
        if (family == AdminFamily.CHEMOTHERAPY) {
            out.add(Coded.of(code, 1, RuleCatalog.SITE_CODES.id(), () -> label(a, drug) + " given " + where + ": " + code));
        } else {
            ctx.warn(label(a, drug) + " given " + where + " is not chemotherapy: no chemotherapy administration code (not coded here)");
        }
    }

    private static void codeIntraArterial(Context ctx, List<Coded> out, List<Administration> ia) {
        if (ia.isEmpty()) return;
        ia.sort(Comparator.comparing(Administration::startTime));
        Administration a = ia.get(0);
        Drug drug = ctx.drug(a.drugCode());
        long m = a.minutes();
        if (a.pump() && TimeRules.prolonged(m)) {
            out.add(Coded.of("96425", 1, RuleCatalog.PUMP_START.id(), () -> label(a, drug) + " intra-arterial on a pump for " + hours(m) + ": 96425"));
        } else if (TimeRules.isPush(m)) {
            out.add(Coded.of("96420", 1, RuleCatalog.TIME_PUSH.id(), () -> label(a, drug) + " intra-arterial over " + m + " minutes (15 or less = push): 96420"));
        } else {
            out.add(Coded.of("96422", 1, RuleCatalog.TIME_PUSH.id(), () -> label(a, drug) + " intra-arterial infusion of " + m + " minutes: 96422"));
            int h = TimeRules.additionalHourUnits(m);
            if (h > 0) out.add(Coded.of("96423", h, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), () -> hourReason(a, drug, m, h, "96423")));
        }
        for (int i = 1; i < ia.size(); i++) {
            ctx.warn("further intra-arterial administration " + ia.get(i).administrationId() + " not coded: one intra-arterial service per encounter is assumed");
        }
    }

    /** A drug infused twice (a pause, a restarted bag) is one infusion: its minutes add up (CPT: 96417 is a different drug). */
    private static List<IvService> mergeSameDrug(List<IvService> services) {
        Map<String, IvService> byKey = new LinkedHashMap<>();
        List<IvService> out = new ArrayList<>(services.size());
        for (IvService s : services) {
            if (s.mode != Mode.INFUSION) { out.add(s); continue; }
            String key = s.first.drugCode() + '|' + s.access;
            IvService prior = byKey.get(key);
            if (prior == null) {
                byKey.put(key, s);
                out.add(s);
            } else {
                prior.minutes += s.minutes;
                prior.intervals.addAll(s.intervals);
            }
        }
        return out;
    }

    private static void codeIv(Context ctx, List<Coded> out, List<IvService> iv, List<IvService> hydration) {
        // Hydration counts only minutes when no other infusion runs (OA-TIME-003).
        List<IvService> infusions = new ArrayList<>();
        for (IvService s : iv) if (s.mode == Mode.INFUSION) infusions.add(s);
        for (IvService h : hydration) {
            long free = uncoveredMinutes(h, infusions);
            if (free < TimeRules.HYDRATION_MIN_MINUTES) {
                ctx.warn("hydration " + h.drugLabel + ": " + free + " minutes not concurrent with another infusion"
                        + (free == h.minutes ? "" : " (of " + h.minutes + ")") + ": not reportable (31-minute minimum)");
                continue;
            }
            h.minutes = free;
            iv.add(h);
        }
        if (iv.isEmpty()) return;

        // One hierarchy per access site; the best-ranked access is the primary one (OA-HIER-001/002).
        Map<String, List<IvService>> byAccess = new LinkedHashMap<>();
        for (IvService s : iv) byAccess.computeIfAbsent(s.access, k -> new ArrayList<>(4)).add(s);
        List<List<IvService>> groups = new ArrayList<>(byAccess.values());
        Comparator<IvService> hierarchy = Comparator.comparingInt(IvService::rank).thenComparing(IvService::start);
        for (List<IvService> g : groups) g.sort(hierarchy);
        groups.sort((a, b) -> hierarchy.compare(a.get(0), b.get(0)));

        boolean concurrentUsed = false;
        for (int gi = 0; gi < groups.size(); gi++) {
            List<IvService> g = groups.get(gi);
            IvService initial = g.get(0);
            List<String> initialMods = gi == 0 ? List.of() : List.of("59");
            String initialCode = initialCode(initial);
            boolean separateAccess = gi > 0;
            boolean others = g.size() > 1;
            out.add(new Coded(initialCode, 1, initialMods, separateAccess ? RuleCatalog.SEPARATE_ACCESS.id() : RuleCatalog.ONE_INITIAL.id(),
                    () -> initialReason(initial, others) + (separateAccess ? "; a separate access site ("
                            + (initial.access.isEmpty() ? "unspecified" : initial.access) + ") has its own initial service, which needs modifier 59/XU" : "")));
            if (initial.mode == Mode.INFUSION) {
                String hourCode = hourCode(initial.family);
                int h = TimeRules.additionalHourUnits(initial.minutes);
                if (h > 0) out.add(Coded.of(hourCode, h, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), () -> hourReason(initial.first, initial.drug, initial.minutes, h, hourCode)));
            }

            List<IvService> rest = new ArrayList<>(g.subList(1, g.size()));
            rest.sort(Comparator.comparing(IvService::start).thenComparingInt(IvService::rank));
            List<IvService> placedInfusions = new ArrayList<>();
            if (initial.mode == Mode.INFUSION && initial.family != AdminFamily.HYDRATION) placedInfusions.add(initial);
            Set<String> pushedDrugs = new HashSet<>();
            Map<String, LocalDateTime> lastPush = new LinkedHashMap<>();
            if (initial.mode == Mode.PUSH) {
                pushedDrugs.add(initial.first.drugCode());
                lastPush.put(initial.first.drugCode(), initial.first.endTime());
            }
            for (IvService s : rest) {
                if (s.family == AdminFamily.HYDRATION) {
                    int u = TimeRules.secondaryHydrationUnits(s.minutes);
                    out.add(Coded.of("96361", u, RuleCatalog.HYDRATION.id(), () -> "hydration " + s.drugLabel + " for " + s.minutes
                            + " minutes not concurrent with another infusion, secondary to " + initialCode + ": 96361 x" + u));
                } else if (s.mode == Mode.PUSH) {
                    codePush(ctx, out, s, pushedDrugs, lastPush);
                } else {
                    boolean concurrent = false;
                    for (IvService p : placedInfusions) if (s.overlaps(p)) { concurrent = true; break; }
                    if (concurrent) {
                        if (!concurrentUsed) {
                            out.add(Coded.of("96368", 1, RuleCatalog.SEQUENTIAL_CONCURRENT.id(), () -> s.drugLabel
                                    + " infused at the same time as another infusion through the same access: concurrent infusion 96368 (once per encounter)"));
                            concurrentUsed = true;
                        } else {
                            ctx.warn(s.drugLabel + " is a further concurrent infusion: 96368 is reported once per encounter");
                        }
                    } else {
                        boolean chemo = s.family == AdminFamily.CHEMOTHERAPY;
                        String seq = chemo ? "96417" : "96367";
                        out.add(Coded.of(seq, 1, RuleCatalog.SEQUENTIAL_CONCURRENT.id(), () -> s.drugLabel + " infused for " + s.minutes
                                + " minutes after another infusion (not overlapping): sequential " + (chemo ? "chemotherapy " : "") + "infusion " + seq));
                        String hourCode = hourCode(s.family);
                        int h = TimeRules.additionalHourUnits(s.minutes);
                        if (h > 0) out.add(Coded.of(hourCode, h, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), () -> hourReason(s.first, s.drug, s.minutes, h, hourCode)));
                    }
                    placedInfusions.add(s);
                }
            }
        }
    }

    private static void codePush(Context ctx, List<Coded> out, IvService s, Set<String> pushedDrugs, Map<String, LocalDateTime> lastPush) {
        String drugCode = s.first.drugCode();
        boolean chemo = s.family == AdminFamily.CHEMOTHERAPY;
        if (pushedDrugs.add(drugCode)) {
            String code = chemo ? "96411" : "96375";
            out.add(Coded.of(code, 1, RuleCatalog.ADDITIONAL_PUSH.id(), () -> s.drugLabel + " pushed over " + s.minutes
                    + " minutes (15 or less = push) as an additional drug: " + code));
        } else if (!chemo && ctx.setting == io.oncoaudit.core.model.Setting.FACILITY
                && lastPush.get(drugCode) != null
                && Duration.between(lastPush.get(drugCode), s.start()).toMinutes() >= 30) {
            out.add(Coded.of("96376", 1, RuleCatalog.ADDITIONAL_PUSH.id(), () -> s.drugLabel
                    + " pushed again at least 30 minutes after the prior push of the same drug (facility): 96376"));
        } else {
            ctx.warn(s.drugLabel + " is a repeat push of the same drug: not separately reportable here");
        }
        lastPush.put(drugCode, s.first.endTime());
    }

    static String initialCode(IvService s) {
        return switch (s.family) {
            case CHEMOTHERAPY -> s.mode == Mode.INFUSION ? "96413" : "96409";
            case THERAPEUTIC -> s.mode == Mode.INFUSION ? "96365" : "96374";
            case HYDRATION -> "96360";
        };
    }

    static String hourCode(AdminFamily f) {
        return switch (f) {
            case CHEMOTHERAPY -> "96415";
            case THERAPEUTIC -> "96366";
            case HYDRATION -> "96361";
        };
    }

    private static String initialReason(IvService s, boolean others) {
        String what = switch (s.family) {
            case CHEMOTHERAPY -> "chemotherapy";
            case THERAPEUTIC -> "therapeutic";
            case HYDRATION -> "hydration";
        };
        String how = s.mode == Mode.INFUSION ? "infusion of " + s.minutes + " minutes (16 or more)" : "push of " + s.minutes + " minutes (15 or less)";
        return s.drugLabel + ": " + what + " " + how + (others ? ", the highest service in the CPT hierarchy (chemotherapy > therapeutic > hydration; infusion > push)" : "")
                + ": initial service " + initialCode(s);
    }

    private static String hourReason(Administration a, Drug drug, long minutes, int units, String code) {
        return label(a, drug) + " ran " + minutes + " minutes: " + units + " additional hour(s) " + code
                + " (each needs more than 30 minutes beyond the hour; 90 min = 0, 91 = 1, 150 = 1, 151 = 2)";
    }

    static String hours(long minutes) {
        return (minutes / 60) + " h " + (minutes % 60) + " min";
    }

    /** Minutes of {@code h} not covered by any of {@code others}' intervals. */
    static long uncoveredMinutes(IvService h, List<IvService> others) {
        long total = 0;
        for (LocalDateTime[] iv : h.intervals) {
            List<LocalDateTime[]> cuts = new ArrayList<>();
            for (IvService o : others) {
                for (LocalDateTime[] c : o.intervals) {
                    LocalDateTime s = c[0].isAfter(iv[0]) ? c[0] : iv[0];
                    LocalDateTime e = c[1].isBefore(iv[1]) ? c[1] : iv[1];
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

    private static boolean billedChemoCode(Context ctx) {
        for (var l : ctx.encounter.lines()) {
            var c = ctx.admin(l.procedureCode());
            if (c != null && c.family() == AdminFamily.CHEMOTHERAPY) return true;
        }
        return false;
    }
}
