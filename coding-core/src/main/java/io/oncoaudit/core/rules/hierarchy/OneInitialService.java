package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminFamily;
import io.oncoaudit.core.tables.AdminRole;
import io.oncoaudit.core.tables.AdminSlot;
import java.util.ArrayList;
import java.util.List;

/**
 * CPT Drug Administration guidelines: one initial service per encounter, chosen by the hierarchy.
 */
public final class OneInitialService {
    public static final Rule RULE = new Rule("OA-HIER-001", "hierarchy",
            "One initial service per encounter, chosen by the CPT hierarchy",
            "Only one initial IV service per encounter and access: chemotherapy > therapeutic > hydration, and within a family infusion > push; the initial is not the first given nor the longest. Every other IV service is an add-on (96417, 96411, 96367, 96375, 96361).",
            List.of("CPT Drug Administration guidelines (facility hierarchy; physician: primary reason for the encounter)",
                    "NOTES 1.3 [S-HIER]; product decision 3"),
            "SEED-003 and SEED-001 pick the initial code by the longest infusion: duration is not the criterion.",
            "CPT permits one initial drug administration service per encounter unless protocol requires two separate IV sites; the hierarchy selects the initial code irrespective of the order of administration.");

    private OneInitialService() { }

    /** Rank in the CPT hierarchy (lower is higher): chemotherapy > therapeutic > hydration, infusion > push. */
    public static int rank(AdminFamily family, boolean infusion) { return family.rank() * 2 + (infusion ? 0 : 1); }

    /** The initial code of a family and technique. */
    public static String initialCode(AdminFamily family, boolean infusion) {
        return switch (family) {
            case CHEMOTHERAPY -> infusion ? "96413" : "96409";
            case THERAPEUTIC -> infusion ? "96365" : "96374";
            case HYDRATION -> "96360";
        };
    }

    // ---- decisions

    /** Full mode: in each access group the best-ranked service is the initial; the others are placed in clock order. */
    public static final PlanRule HIERARCHY = PlanRule.of(RULE, "the initial service by the CPT hierarchy, the others in clock order",
            p -> p.ivGroups() != null, OneInitialService::order);

    /** Full mode, each IV service placed: the primary access's initial service. */
    public static final ItemRule<IvService> INITIAL = ItemRule.of(RULE, "the primary access's initial service",
            (p, s) -> s.placement == IvService.Placement.INITIAL && p.groupIndex() == 0, OneInitialService::codeInitial);

    /** Action: each group sorted by the hierarchy (its initial first, the rest in clock order); groups by their initial's rank. */
    public static void order(CodingPlan plan) {
        java.util.List<java.util.List<IvService>> groups = plan.ivGroups();
        for (java.util.List<IvService> g : groups) g.sort(IvService.HIERARCHY);
        groups.sort((a, b) -> IvService.HIERARCHY.compare(a.get(0), b.get(0)));
        for (java.util.List<IvService> g : groups) if (g.size() > 2) g.subList(1, g.size()).sort(IvService.CLOCK);
    }

    /** Action: the initial code (no modifier). */
    public static void codeInitial(CodingPlan plan, IvService s) {
        boolean others = plan.groupHasOthers();
        plan.hierarchyCode(Coded.of(initialCode(s), 1, RULE.id(), () -> initialReason(s, others)));
    }

    public static String initialCode(IvService s) { return initialCode(s.family, s.mode == IvService.Mode.INFUSION); }

    public static String initialReason(IvService s, boolean others) {
        String what = switch (s.family) {
            case CHEMOTHERAPY -> "chemotherapy";
            case THERAPEUTIC -> "therapeutic";
            case HYDRATION -> "hydration";
        };
        String how = s.mode == IvService.Mode.INFUSION ? "infusion of " + s.minutes + " minutes (16 or more)" : "push of " + s.minutes + " minutes (15 or less)";
        return s.drugLabel() + ": " + what + " " + how + (others ? ", the highest service in the CPT hierarchy (chemotherapy > therapeutic > hydration; infusion > push)" : "")
                + ": initial service " + initialCode(s);
    }

    /** Comparison: more than one initial billed, this one paired with an add-on (overpayment). */
    public static final ItemRule<AdminDifference> PAIR = ItemRule.of(RULE, "a further initial billed for an add-on: DUPLICATE_INITIAL",
            (p, d) -> d.billed().role() == AdminRole.INITIAL && d.expected().role() == AdminRole.ADD_ON && d.billedInitials() >= 2,
            OneInitialService::duplicate);

    /** Comparison: more than one initial billed, this one with no counterpart (overpayment). */
    public static final ItemRule<AdminDifference> BILLED_ONLY = ItemRule.of(RULE, "a further initial billed: DUPLICATE_INITIAL",
            (p, d) -> d.billed().role() == AdminRole.INITIAL && d.billedInitials() >= 2, OneInitialService::extraInitial);

    public static void duplicate(CodingPlan plan, AdminDifference d) {
        d.kind = FindingKind.DUPLICATE_INITIAL;
        d.forced = Direction.OVERPAYMENT;
        d.lead = "more than one initial service billed in the encounter; " + d.billedCode() + " should be the add-on " + d.expectedCode()
                + (d.billedWithDistinctModifier() ? " (modifier 59/XU does not make a second initial service: the record documents no reason for a separate IV site)" : "");
        d.ruleId = RULE.id();
    }

    public static void extraInitial(CodingPlan plan, AdminDifference d) {
        String bc = d.billedCode();
        plan.finding(FindingKind.DUPLICATE_INITIAL, RULE.id(), bc, null, d.units, 0, plan.amount(bc, d.units), java.math.BigDecimal.ZERO,
                Direction.OVERPAYMENT, Direction.OVERPAYMENT, "more than one initial service billed in the encounter; the extra " + bc + " is not supported",
                d.billedLine());
    }

    /** Claims-only: one initial service; every other initial unit becomes its add-on (new-drug add-ons up to the IV drugs billed). */
    public static final PlanRule CLAIMS_ONLY = PlanRule.of(RULE, "one initial service, the other initials become add-ons",
            p -> !p.claimsOnly().scImOnly && !p.claimsOnly().iv.isEmpty(),
            p -> p.claimsOnly().iv = oneInitial(p, p.claimsOnly().iv, p.claimsOnly().chemoIv + p.claimsOnly().nonChemoIv + p.claimsOnly().unknown));

    /**
     * OA-HIER-001: keep the best-ranked initial; every other initial unit becomes its add-on equivalent (unless 59/XU).
     * A sequential infusion or additional push (96417, 96411, 96367, 96375) is a different drug, so when drug lines are
     * billed, no more of them are expected than there are IV drugs besides the initial's, counting those already billed;
     * a further initial is not supported (DUPLICATE_INITIAL for its whole value). With no IV drug line (a facility
     * physician claim: the hospital bills the drug) the number of drugs is unknown and every extra initial is converted.
     */
    public static java.util.List<Coded> oneInitial(CodingPlan plan, java.util.List<Coded> in, int ivDrugs) {
        int newDrugBudget = Integer.MAX_VALUE;
        if (ivDrugs > 0) {
            newDrugBudget = ivDrugs - 1;
            for (Coded c : in) if (newDrugAddOn(plan.admin(c.code).slot())) newDrugBudget -= c.units;
            newDrugBudget = Math.max(0, newDrugBudget);
        }
        Coded best = null;
        for (Coded c : in) {
            AdminCode a = plan.admin(c.code);
            if (a.role() != AdminRole.INITIAL || !c.modifiers.isEmpty()) continue;
            if (best == null || rank(a) < rank(plan.admin(best.code))) best = c;
        }
        if (best == null) return in;
        java.util.List<Coded> out = new ArrayList<>(in.size() + 1);
        for (Coded c : in) {
            AdminCode a = plan.admin(c.code);
            if (a.role() != AdminRole.INITIAL || !c.modifiers.isEmpty()) { out.add(c); continue; }
            int keep = c == best ? 1 : 0;
            if (keep == 1) out.add(new Coded(c.code, 1, c.modifiers, c.ruleId, c.reasonSupplier()));
            int extra = c.units - keep;
            AdminCode addOn = extra > 0 ? addOnEquivalent(plan, a) : null;
            if (addOn != null && newDrugAddOn(addOn.slot())) {
                extra = Math.min(extra, newDrugBudget);
                newDrugBudget -= extra;
            }
            if (extra > 0) {
                Coded initial = best;
                out.add(new Coded(addOn.code(), extra, java.util.List.of(), OneInitialService.RULE.id(),
                        () -> "one initial service per encounter: " + initial.code + " is the initial by the CPT hierarchy, so the further "
                                + c.code + " is the add-on " + addOn.code()));
            }
        }
        return out;
    }

    /** Add-ons that report another drug: sequential infusion, additional push, concurrent infusion. */
    public static boolean newDrugAddOn(AdminSlot s) {
        return s == AdminSlot.IV_INFUSION_SEQUENTIAL || s == AdminSlot.IV_PUSH_ADDITIONAL || s == AdminSlot.IV_INFUSION_CONCURRENT;
    }

    public static int rank(AdminCode a) {
        boolean push = a.slot() == AdminSlot.IV_PUSH_INITIAL || a.slot() == AdminSlot.IV_PUSH_ADDITIONAL || a.slot() == AdminSlot.IV_PUSH_SAME_DRUG;
        return a.family().rank() * 2 + (push ? 1 : 0);
    }

    public static AdminCode addOnEquivalent(CodingPlan plan, AdminCode initial) {
        AdminSlot s = initial.slot() == AdminSlot.IV_PUSH_INITIAL ? AdminSlot.IV_PUSH_ADDITIONAL
                : initial.family() == AdminFamily.HYDRATION ? AdminSlot.IV_INFUSION_HOUR : AdminSlot.IV_INFUSION_SEQUENTIAL;
        return plan.tables().adminCodes().equivalent(s, initial.family());
    }

}
