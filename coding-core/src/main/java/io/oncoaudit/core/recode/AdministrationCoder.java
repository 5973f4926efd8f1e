package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.rules.family.ChemotherapyFamily;
import io.oncoaudit.core.rules.family.ScImInjectionCode;
import io.oncoaudit.core.rules.hierarchy.AdditionalPush;
import io.oncoaudit.core.rules.hierarchy.OneInitialService;
import io.oncoaudit.core.rules.hierarchy.PumpStart;
import io.oncoaudit.core.rules.hierarchy.SeparateAccess;
import io.oncoaudit.core.rules.hierarchy.SequentialOrConcurrent;
import io.oncoaudit.core.rules.route.RouteSpecificCodes;
import io.oncoaudit.core.rules.time.AdditionalHours;
import io.oncoaudit.core.rules.time.HydrationMinimum;
import io.oncoaudit.core.rules.time.PushVersusInfusion;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.Drug;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

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
        final AdminFamily family;
        final Mode mode;
        final String access;
        long minutes;
        /** Intervals of the same drug infused again (a restarted bag), merged into this service; null when none. */
        List<Administration> more;

        IvService(Administration a, Drug drug, AdminFamily family, Mode mode, long minutes, boolean sitesCount) {
            this.first = a;
            this.drug = drug;
            this.family = family;
            this.mode = mode;
            // OA-HIER-002: an access site separates hierarchies only when the record documents why a separate site was needed
            // (contract section 1: separate_site_reason alone documents that this administration had its own access)
            this.access = !sitesCount ? "" : a.accessSite() != null && !a.accessSite().isBlank() ? a.accessSite().trim()
                    : a.separateSiteReason() != null && !a.separateSiteReason().isBlank() ? "separate site of " + a.administrationId() : "";
            this.minutes = minutes;
        }

        int intervalCount() { return more == null ? 1 : 1 + more.size(); }

        Administration interval(int i) { return i == 0 ? first : more.get(i - 1); }

        LocalDateTime start() { return first.startTime(); }

        /** Built only for explanations and warnings. */
        String drugLabel() { return label(first, drug); }

        int rank() { return OneInitialService.rank(family, mode == Mode.INFUSION); }

        boolean overlaps(IvService o) {
            for (int i = 0; i < intervalCount(); i++) {
                Administration a = interval(i);
                for (int j = 0; j < o.intervalCount(); j++) {
                    Administration b = o.interval(j);
                    if (a.startTime().isBefore(b.endTime()) && b.startTime().isBefore(a.endTime())) return true;
                }
            }
            return false;
        }
    }

    /** CPT hierarchy: chemotherapy > therapeutic > hydration, infusion > push; then the earlier start. */
    private static final Comparator<IvService> HIERARCHY = Comparator.comparingInt(IvService::rank).thenComparing(IvService::start);
    /** Order in which the non-initial services are placed: clock order, then hierarchy. */
    private static final Comparator<IvService> CLOCK = Comparator.comparing(IvService::start).thenComparingInt(IvService::rank);

    static String label(Administration a, Drug drug) {
        String name = drug != null ? drug.name() : (a.drugName() != null && !a.drugName().isBlank() ? a.drugName() : a.drugCode());
        return name + " (" + a.drugCode() + ", administration " + a.administrationId() + ")";
    }

    static List<Coded> derive(Context ctx) {
        List<Coded> out = new ArrayList<>();
        List<IvService> iv = new ArrayList<>();
        List<IvService> hydration = new ArrayList<>();
        List<Administration> intraArterial = new ArrayList<>();
        boolean sitesCount = SeparateAccess.reasonDocumented(ctx.encounter.administrations());
        // route groups whose administration codes cannot be judged because a drug given that way is unclassified
        java.util.EnumSet<AdminComparison.Group> frozen = null;

        for (int ai = 0, ain = ctx.encounter.administrations().size(); ai < ain; ai++) {

            Administration a = ctx.encounter.administrations().get(ai);
            Drug drug = ctx.drug(a.drugCode());
            if (a.route() == io.oncoaudit.core.model.Route.ORAL) continue; // self-administered: no administration code
            if (UnclassifiedDrugs.unclassified(drug)) {
                if (frozen == null) frozen = java.util.EnumSet.noneOf(AdminComparison.Group.class);
                frozen.addAll(UnclassifiedDrugs.groups(a.route()));
                UnclassifiedDrugs.report(ctx, a, drug);
                continue;
            }
            AdminFamily family = ChemotherapyFamily.of(drug, ctx.cancerDiagnosis, ctx.payer);
            switch (a.route()) {
                case SC, IM -> out.add(scIm(ctx, a, drug));
                case IMPLANT -> {
                    if (RouteSpecificCodes.incisionImplant(drug.hcpcs())) {
                        out.add(Coded.of(RouteSpecificCodes.IMPLANT_INSERTION, 1, RuleCatalog.SITE_CODES.id(), () -> label(a, drug)
                                + " is a drug-delivery implant inserted through an incision: " + RouteSpecificCodes.IMPLANT_INSERTION));
                    } else {
                        // goserelin's implant is injected subcutaneously through its needle: an SC injection code
                        out.add(scIm(ctx, a, drug));
                    }
                }
                case IV -> {
                    long m = a.minutes();
                    if (family == AdminFamily.HYDRATION) {
                        hydration.add(new IvService(a, drug, family, Mode.INFUSION, m, sitesCount));
                    } else if (a.pump() && family == AdminFamily.CHEMOTHERAPY) {
                        String code = PumpStart.code(ctx.payer.type(), a.pumpOwner());
                        out.add(Coded.of(code, 1, RuleCatalog.PUMP_START.id(), () -> PumpStart.reason(label(a, drug), ctx.payer.type(), a.pumpOwner(), code)));
                    } else {
                        if (a.pump()) ctx.warn(label(a, drug) + " is marked pump but is not chemotherapy: coded as an infusion from its documented times");
                        iv.add(new IvService(a, drug, family, PushVersusInfusion.isPush(m) ? Mode.PUSH : Mode.INFUSION, m, sitesCount));
                    }
                }
                case INTRA_ARTERIAL -> {
                    if (family == AdminFamily.CHEMOTHERAPY) intraArterial.add(a);
                    else ctx.warn("intra-arterial " + label(a, drug) + " is not chemotherapy: no chemotherapy intra-arterial code (not coded here)");
                }
                case INTRALESIONAL -> {
                    int lesions = a.lesionCount() == null ? 1 : a.lesionCount();
                    boolean chemo = family == AdminFamily.CHEMOTHERAPY;
                    String code = chemo ? RouteSpecificCodes.intralesional(lesions) : RouteSpecificCodes.lesionInjection(lesions);
                    out.add(Coded.of(code, 1, RuleCatalog.SITE_CODES.id(), () -> label(a, drug) + " intralesional, " + lesions + " lesion(s)"
                            + (chemo ? ", chemotherapy: " + code + " (it replaces the lesion injection codes 11900/11901)" : ", not chemotherapy: " + code)));
                }
                case INTRAVESICAL -> {
                    if (family == AdminFamily.CHEMOTHERAPY) {
                        out.add(Coded.of(RouteSpecificCodes.BLADDER_INSTILLATION, 1, RuleCatalog.SITE_CODES.id(), () -> label(a, drug)
                                + " instilled into the bladder (anticarcinogenic agent): " + RouteSpecificCodes.BLADDER_INSTILLATION));
                    } else {
                        ctx.warn("intravesical " + label(a, drug) + " is not an anticarcinogenic agent: not a 51720 service (not coded here)");
                    }
                }
                case INTRATHECAL -> siteCode(ctx, out, a, drug, family, "96450", "intrathecal");
                case INTRAPLEURAL -> siteCode(ctx, out, a, drug, family, "96440", "into the pleural cavity");
                case INTRAPERITONEAL -> siteCode(ctx, out, a, drug, family, "96446", "into the peritoneal cavity");
                case ORAL -> { /* self-administered: no administration code */ }
            }
        }
        // IV hierarchy first (initial, its hours, add-ons), then the stand-alone services in record order
        List<Coded> ordered = new ArrayList<>(out.size() + iv.size() + 2);
        codeIv(ctx, ordered, mergeSameDrug(iv), HydrationMinimum.sumIntervals(ctx.payer) ? mergeHydration(hydration) : hydration);
        codeIntraArterial(ctx, ordered, intraArterial);
        ordered.addAll(out);
        OnBodyInjectors.keep(ctx, ordered);
        if (frozen != null) ordered = UnclassifiedDrugs.keepBilled(ctx, ordered, frozen);
        return ordered;
    }

    /** OA-TIME-003: the hydration intervals of one access are one hydration service whose minutes add up. */
    private static List<IvService> mergeHydration(List<IvService> hydration) {
        if (hydration.size() < 2) return hydration;
        List<IvService> out = new ArrayList<>(2);
        for (IvService h : hydration) {
            IvService prior = null;
            for (IvService o : out) if (o.access.equals(h.access)) { prior = o; break; }
            if (prior == null) { out.add(h); continue; }
            prior.minutes += h.minutes;
            if (prior.more == null) prior.more = new ArrayList<>(2);
            prior.more.add(h.first);
        }
        return out;
    }

    private static Coded scIm(Context ctx, Administration a, Drug drug) {
        String code = ScImInjectionCode.code(drug, ctx.cancerDiagnosis);
        return Coded.of(code, 1, RuleCatalog.SC_IM_CODE.id(), () -> ScImInjectionCode.reason(drug, ctx.cancerDiagnosis)
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
        if (a.pump()) {
            out.add(Coded.of("96425", 1, RuleCatalog.PUMP_START.id(), () -> label(a, drug) + " intra-arterial, started on a pump (the record's times are the hook-up visit): 96425"));
        } else if (PushVersusInfusion.isPush(m)) {
            out.add(Coded.of("96420", 1, RuleCatalog.TIME_PUSH.id(), () -> label(a, drug) + " intra-arterial over " + m + " minutes (15 or less = push): 96420"));
        } else {
            out.add(Coded.of("96422", 1, RuleCatalog.TIME_PUSH.id(), () -> label(a, drug) + " intra-arterial infusion of " + m + " minutes: 96422"));
            int h = AdditionalHours.units(m);
            if (h > 0) out.add(Coded.of("96423", h, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), () -> hourReason(a, drug, m, h, "96423")));
        }
        for (int i = 1; i < ia.size(); i++) {
            ctx.warn("further intra-arterial administration " + ia.get(i).administrationId() + " not coded: one intra-arterial service per encounter is assumed");
        }
    }

    /** A drug infused twice (a pause, a restarted bag) is one infusion: its minutes add up (CPT: 96417 is a different drug). */
    private static List<IvService> mergeSameDrug(List<IvService> services) {
        List<IvService> out = new ArrayList<>(services.size());
        for (IvService s : services) {
            if (s.mode != Mode.INFUSION) { out.add(s); continue; }
            IvService prior = null;
            for (IvService o : out) {
                if (o.mode == Mode.INFUSION && o.first.drugCode().equals(s.first.drugCode()) && o.access.equals(s.access)) { prior = o; break; }
            }
            if (prior == null) {
                out.add(s);
            } else {
                prior.minutes += s.minutes;
                if (prior.more == null) prior.more = new ArrayList<>(2);
                prior.more.add(s.first);
                if (s.more != null) prior.more.addAll(s.more);
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
            if (free < HydrationMinimum.MIN_MINUTES) {
                ctx.warn("hydration " + h.drugLabel() + ": " + free + " minutes not concurrent with another infusion"
                        + (free == h.minutes ? "" : " (of " + h.minutes + ")") + ": not reportable (31-minute minimum)");
                continue;
            }
            h.minutes = free;
            iv.add(h);
        }
        if (iv.isEmpty()) return;

        // One hierarchy per access site; the best-ranked access is the primary one (OA-HIER-001/002).
        List<List<IvService>> groups = new ArrayList<>(2);
        for (IvService s : iv) {
            List<IvService> group = null;
            for (List<IvService> g : groups) if (g.get(0).access.equals(s.access)) { group = g; break; }
            if (group == null) groups.add(group = new ArrayList<>(4));
            group.add(s);
        }
        Comparator<IvService> hierarchy = HIERARCHY;
        for (List<IvService> g : groups) g.sort(hierarchy);
        groups.sort((a, b) -> hierarchy.compare(a.get(0), b.get(0)));

        boolean concurrentUsed = false;
        for (int gi = 0; gi < groups.size(); gi++) {
            List<IvService> g = groups.get(gi);
            IvService initial = g.get(0);
            List<String> initialMods = gi == 0 ? List.of() : List.of(SeparateAccess.MODIFIER);
            String initialCode = initialCode(initial);
            boolean separateAccess = gi > 0;
            boolean others = g.size() > 1;
            out.add(new Coded(initialCode, 1, initialMods, separateAccess ? RuleCatalog.SEPARATE_ACCESS.id() : RuleCatalog.ONE_INITIAL.id(),
                    () -> initialReason(initial, others) + (separateAccess ? "; a separate access site ("
                            + (initial.access.isEmpty() ? "unspecified" : initial.access) + ") required by protocol (" + SeparateAccess.reasonOf(ctx.encounter.administrations())
                            + ") has its own initial service, which needs modifier 59/XU" : "")));
            if (initial.mode == Mode.INFUSION) {
                String hourCode = hourCode(initial.family);
                int h = AdditionalHours.units(initial.minutes);
                if (h > 0) out.add(Coded.of(hourCode, h, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), () -> hourReason(initial.first, initial.drug, initial.minutes, h, hourCode)));
            }

            List<IvService> rest = new ArrayList<>(g.subList(1, g.size()));
            rest.sort(CLOCK);
            List<IvService> placedInfusions = new ArrayList<>();
            if (initial.mode == Mode.INFUSION && initial.family != AdminFamily.HYDRATION) placedInfusions.add(initial);
            // drugs pushed so far and when each push ended (for 96376, same drug again after 30 minutes)
            List<String> pushedDrugs = new ArrayList<>(2);
            List<LocalDateTime> pushEnds = new ArrayList<>(2);
            if (initial.mode == Mode.PUSH) {
                pushedDrugs.add(initial.first.drugCode());
                pushEnds.add(initial.first.endTime());
            }
            for (IvService s : rest) {
                if (s.family == AdminFamily.HYDRATION) {
                    int u = HydrationMinimum.secondaryUnits(s.minutes);
                    out.add(Coded.of("96361", u, RuleCatalog.HYDRATION.id(), () -> "hydration " + s.drugLabel() + " for " + s.minutes
                            + " minutes not concurrent with another infusion, secondary to " + initialCode + ": 96361 x" + u));
                } else if (s.mode == Mode.PUSH) {
                    codePush(ctx, out, s, pushedDrugs, pushEnds);
                } else {
                    boolean concurrent = false;
                    for (IvService p : placedInfusions) if (s.overlaps(p)) { concurrent = true; break; }
                    if (concurrent) {
                        if (!concurrentUsed) {
                            out.add(Coded.of("96368", 1, RuleCatalog.SEQUENTIAL_CONCURRENT.id(), () -> s.drugLabel()
                                    + " infused at the same time as another infusion through the same access: concurrent infusion 96368 (once per encounter)"));
                            concurrentUsed = true;
                        } else {
                            ctx.warn(s.drugLabel() + " is a further concurrent infusion: 96368 is reported once per encounter");
                        }
                    } else {
                        boolean chemo = s.family == AdminFamily.CHEMOTHERAPY;
                        String seq = SequentialOrConcurrent.sequentialCode(s.family);
                        out.add(Coded.of(seq, 1, RuleCatalog.SEQUENTIAL_CONCURRENT.id(), () -> s.drugLabel() + " infused for " + s.minutes
                                + " minutes after another infusion (not overlapping): sequential " + (chemo ? "chemotherapy " : "") + "infusion " + seq));
                        String hourCode = hourCode(s.family);
                        int h = AdditionalHours.units(s.minutes);
                        if (h > 0) out.add(Coded.of(hourCode, h, RuleCatalog.TIME_ADDITIONAL_HOUR.id(), () -> hourReason(s.first, s.drug, s.minutes, h, hourCode)));
                    }
                    placedInfusions.add(s);
                }
            }
        }
    }

    private static void codePush(Context ctx, List<Coded> out, IvService s, List<String> pushedDrugs, List<LocalDateTime> pushEnds) {
        String drugCode = s.first.drugCode();
        boolean chemo = s.family == AdminFamily.CHEMOTHERAPY;
        int prior = pushedDrugs.indexOf(drugCode);
        if (prior < 0) {
            pushedDrugs.add(drugCode);
            pushEnds.add(s.first.endTime());
            String code = AdditionalPush.additionalCode(s.family);
            out.add(Coded.of(code, 1, RuleCatalog.ADDITIONAL_PUSH.id(), () -> s.drugLabel() + " pushed over " + s.minutes
                    + " minutes (15 or less = push) as an additional drug: " + code));
        } else if (!chemo && ctx.setting == io.oncoaudit.core.model.Setting.FACILITY
                && Duration.between(pushEnds.get(prior), s.start()).toMinutes() >= AdditionalPush.SAME_DRUG_MIN_MINUTES) {
            out.add(Coded.of("96376", 1, RuleCatalog.ADDITIONAL_PUSH.id(), () -> s.drugLabel()
                    + " pushed again at least 30 minutes after the prior push of the same drug (facility): 96376"));
        } else {
            ctx.warn(s.drugLabel() + " is a repeat push of the same drug: not separately reportable here");
        }
        if (prior >= 0) pushEnds.set(prior, s.first.endTime());
    }

    static String initialCode(IvService s) { return OneInitialService.initialCode(s.family, s.mode == Mode.INFUSION); }

    static String hourCode(AdminFamily f) { return SequentialOrConcurrent.hourCode(f); }

    private static String initialReason(IvService s, boolean others) {
        String what = switch (s.family) {
            case CHEMOTHERAPY -> "chemotherapy";
            case THERAPEUTIC -> "therapeutic";
            case HYDRATION -> "hydration";
        };
        String how = s.mode == Mode.INFUSION ? "infusion of " + s.minutes + " minutes (16 or more)" : "push of " + s.minutes + " minutes (15 or less)";
        return s.drugLabel() + ": " + what + " " + how + (others ? ", the highest service in the CPT hierarchy (chemotherapy > therapeutic > hydration; infusion > push)" : "")
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
        for (int k = 0; k < h.intervalCount(); k++) {
            LocalDateTime[] iv = {h.interval(k).startTime(), h.interval(k).endTime()};
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

}
