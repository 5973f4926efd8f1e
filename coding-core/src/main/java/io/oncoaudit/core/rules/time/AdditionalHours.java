package io.oncoaudit.core.rules.time;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.AdminDifference;
import io.oncoaudit.core.recode.CodeGroup;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.hierarchy.SequentialOrConcurrent;
import io.oncoaudit.core.tables.Drug;
import java.math.BigDecimal;
import java.util.List;

/**
 * CPT 96415/96366/96361/96423: additional hour only for intervals of greater than 30 minutes beyond 1-hour increments.
 */
public final class AdditionalHours {
    public static final Rule RULE = new Rule("OA-TIME-002", "time",
            "Additional-hour units: more than 30 minutes beyond each hour",
            "The initial code covers up to 90 minutes. Each additional-hour unit (96415, 96366, 96361, 96423) requires more than 30 minutes beyond the hour boundary: units = 0 when T-60 <= 30, else ceil((T-60-30)/60). 90 min = 0, 91 = 1, 150 = 1, 151 = 2.",
            List.of("CPT 96415/96366/96361/96423 parentheticals: 'Report ... for infusion intervals of greater than 30 minutes beyond 1-hour increments'",
                    "NOTES 1.2 [S-BMS], [S-IFRAME]; product decision 2"),
            "SEED-004 codes a 90-minute infusion as 96413 + 96415 (wrong: 30 minutes is not more than 30). The [S-IFRAME] example of 150 minutes = two 96415 contradicts its own rule; 150 minutes = one unit. SEED-003's 'up to 8 hours' cap belongs to the deleted code 96412. SEED-004 carboplatin/paclitaxel FAQ omits the paclitaxel hours (96417 + 96415 x2).",
            "CPT instructs that an additional hour is reported only for infusion intervals of greater than 30 minutes beyond 1-hour increments; the documented start and stop times support the units claimed.");

    private AdditionalHours() { }

    /** Additional-hour units beyond a first hour: 90 = 0, 91 = 1, 150 = 1, 151 = 2. */
    public static int units(long minutes) {
        long extra = minutes - 60;
        if (extra <= 30) return 0;
        return (int) ((extra - 30 + 59) / 60);
    }

    // ---- decisions

    /** Full mode, each IV service placed: an initial or sequential infusion's own additional hours (96415, 96366, 96361). */
    public static final ItemRule<IvService> SERVICE = ItemRule.of(RULE, "additional hours of an initial or sequential infusion",
            AdditionalHours::appliesTo, AdditionalHours::code);

    /** Guard: an infusion placed as the initial service or as a sequential infusion (not concurrent, not secondary hydration). */
    public static boolean appliesTo(CodingPlan plan, IvService s) {
        return s.mode == IvService.Mode.INFUSION
                && (s.placement == IvService.Placement.INITIAL || s.placement == IvService.Placement.SEQUENTIAL);
    }

    /** Action: the family's hour code, one unit per more than 30 minutes beyond each hour. */
    public static void code(CodingPlan plan, IvService s) {
        String hourCode = SequentialOrConcurrent.hourCode(s.family);
        int h = units(s.minutes);
        if (h > 0) plan.hierarchyCode(Coded.of(hourCode, h, RULE.id(), () -> reason(s.first, s.drug, s.minutes, h, hourCode)));
    }

    public static String reason(Administration a, Drug drug, long minutes, int units, String code) {
        return IvService.label(a, drug) + " ran " + minutes + " minutes: " + units + " additional hour(s) " + code
                + " (each needs more than 30 minutes beyond the hour; 90 min = 0, 91 = 1, 150 = 1, 151 = 2)";
    }

    /** Comparison: additional-hour units billed beyond what the documented times support (overpayment). */
    public static final ItemRule<AdminDifference> BILLED_ONLY = ItemRule.of(RULE, "more hour units billed than documented: INFUSION_HOURS",
            (p, d) -> d.group() == CodeGroup.HOUR, AdditionalHours::overBilled);

    /** Comparison: additional-hour units documented but not billed (underpayment). */
    public static final ItemRule<AdminDifference> EXPECTED_ONLY = ItemRule.of(RULE, "hour units documented, not billed: INFUSION_HOURS",
            (p, d) -> d.group() == CodeGroup.HOUR && !secondaryHydration(d), AdditionalHours::underBilled);

    /**
     * Guard: 96361 without 96360 billed or expected is hydration secondary to another initial service (CPT 96361 descriptor: "or
     * secondary or subsequent service"), a service of its own, not an additional hour: not billed, it is a missing administration.
     */
    static boolean secondaryHydration(AdminDifference d) {
        return "96361".equals(d.expectedCode()) && d.billedUnits("96360") == 0 && d.expectedUnits("96360") == 0;
    }

    /** Reported as the code's billed and documented units (3 billed, 2 documented), priced on the units over. */
    public static void overBilled(CodingPlan plan, AdminDifference d) {
        String bc = d.billedCode();
        int n = d.units;
        plan.finding(FindingKind.INFUSION_HOURS, RULE.id(), bc, bc, d.billedTotal(), d.expectedUnits(bc),
                plan.amount(bc, n), BigDecimal.ZERO, Direction.OVERPAYMENT, Direction.OVERPAYMENT,
                n + " more unit(s) of " + bc + " billed than the documented infusion times support"
                        + " (an additional hour needs more than 30 minutes beyond the hour)", d.billedLine());
    }

    public static void underBilled(CodingPlan plan, AdminDifference d) {
        String ec = d.expectedCode();
        int n = d.units;
        plan.finding(FindingKind.INFUSION_HOURS, RULE.id(), ec, ec, d.billedUnits(ec), d.billedUnits(ec) + n,
                BigDecimal.ZERO, plan.amount(ec, n), Direction.UNDERPAYMENT, Direction.UNDERPAYMENT,
                n + " unit(s) of " + ec + " documented but not billed. " + d.why(), null);
    }
}
