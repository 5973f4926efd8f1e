package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * CPT add-on parentheticals; CMS PFS global ZZZ; CARC 107 / RARC N122 when the primary is missing.
 */
public final class AddOnNeedsPrimary {
    public static final Rule RULE = new Rule("OA-ADDON-001", "hierarchy",
            "An add-on code needs its primary",
            "An add-on code (PFS global ZZZ) is reported only with one of its primary codes on the same claim; otherwise it is denied (CARC 107, RARC N122).",
            List.of("CPT parenthetical instructions of each add-on code", "CMS PFS RVU file CY2025 (global ZZZ)", "NCCI Policy Manual ch.1 R (add-on codes)", "NOTES 5.1 (CARC 107)"),
            "SEED-004 says add-on codes are 'exempt from most NCCI PTP edits': not a CMS statement (CMS publishes a separate add-on code edit file).",
            "The add-on code is reported with its primary procedure as CPT requires; the corrected claim lists the primary service that was performed.");

    private AddOnNeedsPrimary() { }
}
