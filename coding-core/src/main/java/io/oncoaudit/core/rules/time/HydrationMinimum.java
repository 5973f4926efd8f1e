package io.oncoaudit.core.rules.time;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminFamily;
import java.util.ArrayList;
import java.util.List;

/**
 * CPT 96360 descriptor (31 minutes to 1 hour) and the 96361 parenthetical (secondary hydration).
 */
public final class HydrationMinimum {
    public static final Rule RULE = new Rule("OA-TIME-003", "time",
            "Hydration: 31-minute minimum, not reportable while another infusion runs",
            "Hydration (96360, 96361) counts only minutes when no other infusion runs through the access; non-contiguous hydration intervals in one encounter are summed first (a payer policy, payers.csv hydration_sum_intervals, may turn summing off); 30 minutes or less is not reportable; as a secondary service it is 96361 (1 unit for 31-90 minutes, then the >30-minute rule).",
            List.of("CPT 96360 descriptor (31 minutes to 1 hour) and hydration guidelines",
                    "CPT 96361 parenthetical (hydration as a secondary or subsequent service)",
                    "NOTES 1.2 [S-PUSH], [S-HIER]"),
            "SEED-003 calls pre-/post-chemo hydration 'separately billable' without qualification: only when at least 31 minutes, medically necessary and not concurrent with the chemotherapy infusion.",
            "Hydration is reportable for 31 minutes or more of hydration not given concurrently with another infusion.");

    private HydrationMinimum() { }

    /** Guard: non-contiguous hydration intervals of one encounter are summed unless the payer's policy turns it off. */
    public static boolean sumIntervals(io.oncoaudit.core.tables.PayerPolicy payer) { return payer.hydrationSumIntervals(); }

    /** Hydration of 30 minutes or less is not reportable. */
    public static final int MIN_MINUTES = 31;

    public static boolean reportable(long minutesNotConcurrent) { return minutesNotConcurrent >= MIN_MINUTES; }

    /** 96361 units for hydration given as a secondary service: 31-90 min = 1, then one per >30 min beyond each hour. */
    public static int secondaryUnits(long minutes) {
        if (minutes < MIN_MINUTES) return 0;
        return 1 + AdditionalHours.units(minutes);
    }

    // ---- decisions

    /** Full mode, each administration: an IV hydration fluid is a hydration service. */
    public static final ItemRule<Administration> ADMINISTRATION = ItemRule.of(RULE, "IV hydration fluid: a hydration service",
            (p, a) -> a.route() == Route.IV && p.currentFamily() == AdminFamily.HYDRATION, (p, a) -> p.hydrationService());

    /** Full mode: the hydration intervals of one access add up (unless the payer's policy turns summing off). */
    public static final PlanRule SUM_INTERVALS = PlanRule.of(RULE, "non-contiguous hydration intervals are summed",
            p -> sumIntervals(p.payer()) && p.hydrationServices().size() >= 2, HydrationMinimum::sum);

    /** Full mode: hydration counts only minutes when no other infusion runs; under 31 minutes it is not reportable. */
    public static final PlanRule NOT_CONCURRENT = PlanRule.of(RULE, "hydration minutes not concurrent with an infusion, 31-minute minimum",
            p -> !p.hydrationServices().isEmpty(), HydrationMinimum::notConcurrent);

    /** Full mode, each IV service placed: hydration after the initial service is 96361. */
    public static final ItemRule<IvService> SECONDARY = ItemRule.of(RULE, "hydration as a secondary service: 96361",
            (p, s) -> s.placement != IvService.Placement.INITIAL && s.family == AdminFamily.HYDRATION, HydrationMinimum::secondary);

    /** Action: the hydration services of one access become one, their minutes added up. */
    public static void sum(CodingPlan plan) {
        java.util.List<IvService> out = new ArrayList<>(2);
        for (IvService h : plan.hydrationServices()) {
            IvService prior = null;
            for (IvService o : out) if (o.access.equals(h.access)) { prior = o; break; }
            if (prior == null) out.add(h);
            else prior.merge(h);
        }
        plan.hydrationServices(out);
    }

    /** Action: each hydration service keeps its minutes not covered by an infusion; 30 or fewer are warned and dropped. */
    public static void notConcurrent(CodingPlan plan) {
        java.util.List<IvService> iv = plan.ivServices();
        java.util.List<IvService> infusions = new ArrayList<>();
        for (IvService s : iv) if (s.mode == IvService.Mode.INFUSION) infusions.add(s);
        for (IvService h : plan.hydrationServices()) {
            long free = h.uncoveredMinutes(infusions);
            if (!reportable(free)) {
                plan.warn("hydration " + h.drugLabel() + ": " + free + " minutes not concurrent with another infusion"
                        + (free == h.minutes ? "" : " (of " + h.minutes + ")") + ": not reportable (31-minute minimum)");
                continue;
            }
            h.minutes = free;
            iv.add(h);
        }
    }

    /** Action: 96361, one unit for 31-90 minutes and one per more than 30 minutes beyond each further hour. */
    public static void secondary(CodingPlan plan, IvService s) {
        int u = secondaryUnits(s.minutes);
        String initialCode = io.oncoaudit.core.rules.hierarchy.OneInitialService.initialCode(plan.groupInitial());
        plan.hierarchyCode(Coded.of("96361", u, RULE.id(), () -> "hydration " + s.drugLabel() + " for " + s.minutes
                + " minutes not concurrent with another infusion, secondary to " + initialCode + ": 96361 x" + u));
    }
}
