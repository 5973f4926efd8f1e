package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminFamily;
import java.util.List;

/**
 * CPT 96367 / 96368 / 96417 descriptors and parentheticals; AAPC oxaliplatin + leucovorin = 96413 + 96368.
 */
public final class SequentialOrConcurrent {
    public static final Rule RULE = new Rule("OA-SEQ-001", "hierarchy",
            "Sequential vs concurrent infusions",
            "An infusion that overlaps another infusion in time (same access) is concurrent: 96368, once per encounter. One that follows is sequential: 96417 for a chemotherapy drug (with 96415 for its own extra hours), 96367 for a non-chemotherapy drug (with 96366 for its extra hours).",
            List.of("CPT 96367 / 96368 / 96417 descriptors and parentheticals ('report 96368 only once per encounter')",
                    "AAPC Oncology & Hematology Coding Alert: oxaliplatin with concurrent leucovorin = 96413 + 96368 (NOTES 1.4 [S-AAPC-CONC])",
                    "NOTES product decision 7"),
            "SEED-001 codes concurrent leucovorin as 96367 (sequential); SEED-004 calls 96416 'concurrent infusion' (96416 is a pump start); SEED-003 lists 96374 as an add-on. A concurrent second chemotherapy drug is also reported with 96368 (no chemotherapy-specific concurrent code exists; BELIEVED).",
            "CPT distinguishes a sequential infusion of a new drug (96367/96417) from a concurrent infusion (96368), which is reported once per encounter.");

    private SequentialOrConcurrent() { }

    public static final String CONCURRENT = "96368";

    /** An infusion overlapping another through the same access is concurrent; otherwise sequential. */
    public static String sequentialCode(AdminFamily family) {
        return family == AdminFamily.CHEMOTHERAPY ? "96417" : "96367";
    }

    /** The additional-hour code of a family (also for the sequential drug's own hours). */
    public static String hourCode(AdminFamily family) {
        return switch (family) {
            case CHEMOTHERAPY -> "96415";
            case THERAPEUTIC -> "96366";
            case HYDRATION -> "96361";
        };
    }
}
