package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminFamily;
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
}
