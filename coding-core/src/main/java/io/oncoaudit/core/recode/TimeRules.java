package io.oncoaudit.core.recode;

/**
 * Minute arithmetic of the drug-administration codes.
 * OA-TIME-001 (CPT: an infusion of 15 minutes or less is a push), OA-TIME-002 (CPT: additional hour only
 * for intervals of greater than 30 minutes beyond 1-hour increments), OA-TIME-003 (CPT 96360: 31 minutes).
 */
public final class TimeRules {
    /** 15 minutes or less is a push; 16 or more is an infusion (NOTES product decision 1). */
    public static final int PUSH_MAX_MINUTES = 15;
    /** Hydration of 30 minutes or less is not reportable. */
    public static final int HYDRATION_MIN_MINUTES = 31;
    /** A pump start code needs an infusion of more than 8 hours. */
    public static final int PROLONGED_MIN_MINUTES = 8 * 60 + 1;

    private TimeRules() { }

    public static boolean isPush(long minutes) { return minutes <= PUSH_MAX_MINUTES; }

    /** Additional-hour units beyond an initial (or sequential) first hour: 90 = 0, 91 = 1, 150 = 1, 151 = 2. */
    public static int additionalHourUnits(long minutes) {
        long extra = minutes - 60;
        if (extra <= 30) return 0;
        return (int) ((extra - 30 + 59) / 60);
    }

    /** 96361 units for hydration given as a secondary service: 31-90 min = 1, then one per >30 min beyond each hour. */
    public static int secondaryHydrationUnits(long minutes) {
        if (minutes < HYDRATION_MIN_MINUTES) return 0;
        return 1 + additionalHourUnits(minutes);
    }

    public static boolean prolonged(long minutes) { return minutes >= PROLONGED_MIN_MINUTES; }
}
