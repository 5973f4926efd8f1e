package io.oncoaudit.core.rules.hierarchy;

import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.AdminFamily;
import java.util.List;

/**
 * CPT 96411 / 96375 / 96376 descriptors and parentheticals; CMS PFS 96376 status X.
 */
public final class AdditionalPush {
    public static final Rule RULE = new Rule("OA-SEQ-002", "hierarchy",
            "Additional IV pushes",
            "Each additional chemotherapy drug pushed is 96411; each additional non-chemotherapy drug pushed is 96375; the same non-chemotherapy drug pushed again at least 30 minutes later is 96376 in a facility only (PFS status X).",
            List.of("CPT 96411 / 96375 / 96376 descriptors and parentheticals", "CMS PFS RVU file CY2025: 96376 status X", "NOTES 1.1"),
            "SEED-003 calls a supportive push an add-on '96374': 96374 is an initial code; the add-on is 96375.",
            "CPT reports each additional sequential IV push of a new drug with an add-on code to the initial service.");

    private AdditionalPush() { }

    /** Minutes after the prior push of the same drug before a repeat is 96376 (facility only). */
    public static final int SAME_DRUG_MIN_MINUTES = 30;

    public static String additionalCode(AdminFamily family) {
        return family == AdminFamily.CHEMOTHERAPY ? "96411" : "96375";
    }
}
