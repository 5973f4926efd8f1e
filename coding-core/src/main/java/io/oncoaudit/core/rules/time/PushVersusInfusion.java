package io.oncoaudit.core.rules.time;

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
}
