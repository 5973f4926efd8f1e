package io.oncoaudit.core.rules.time;

import io.oncoaudit.core.rules.Rule;
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
}
