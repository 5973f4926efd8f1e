package io.oncoaudit.core.rules.time;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.recode.IvService;
import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT Drug Administration guidelines: an infusion of 15 minutes or less is a push.
 */
public final class PushVersusInfusion {
    public static final Rule RULE = new Rule("OA-TIME-001", "time",
            "IV push vs infusion by documented minutes",
            "An IV (or intra-arterial) administration of 15 minutes or less is a push (96409, 96374, 96420); 16 minutes or more is an infusion (96413, 96365, 96422).",
            List.of("CPT Drug Administration guidelines: an infusion of 15 minutes or less is reported as a push",
                    "NOTES 1.2 [S-PUSH]; product decision 1"),
            "SEED-001 says 'less than 16 minutes' (equivalent; the source is CPT, not CMS). SEED-004's pemetrexed '900 mg over 10 minutes' coded 96413 is wrong: 10 minutes is a push (96411 after a chemo infusion).",
            "CPT defines a push as an injection in which the health care professional is continuously present, or an infusion of 15 minutes or less; the record documents the start and stop times.");

    private PushVersusInfusion() { }

    /** 15 minutes or less is a push; 16 or more is an infusion (NOTES product decision 1). */
    public static final int PUSH_MAX_MINUTES = 15;

    /** Guard and action in one: documented minutes decide push or infusion. */
    public static boolean isPush(long minutes) { return minutes <= PUSH_MAX_MINUTES; }

    // ---- decisions

    /** Full mode, each administration: an IV drug is a push (15 minutes or less) or an infusion, to place in the hierarchy. */
    public static final ItemRule<Administration> ADMINISTRATION = ItemRule.of(RULE, "IV drug: push (15 minutes or less) or infusion",
            PushVersusInfusion::appliesTo, PushVersusInfusion::service);

    /** Guard: IV (hydration and pump starts are decided before). */
    public static boolean appliesTo(CodingPlan plan, Administration a) { return a.route() == Route.IV; }

    /** Action: an IV service in push or infusion mode; a pump mark on a non-chemotherapy drug is warned and ignored. */
    public static void service(CodingPlan plan, Administration a) {
        if (a.pump()) plan.warn(IvService.label(a, plan.currentDrug()) + " is marked pump but is not chemotherapy: coded as an infusion from its documented times");
        plan.ivService(isPush(a.minutes()) ? IvService.Mode.PUSH : IvService.Mode.INFUSION);
    }
}
