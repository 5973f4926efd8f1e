package io.oncoaudit.core.rules.pricing;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * Contract section 2; CMS PFS relative value file CY2025 October release.
 */
public final class FeeSchedulePricing {
    public static final Rule RULE = new Rule("OA-PRICE-001", "pricing",
            "Every line priced on the payer's fee schedule",
            "A line's amount = allowed amount per unit x units, on the schedule row for the payer (exact beats '*'), the setting (POS 19/21/22/23/24 = FACILITY) and the date of service; a code with no price is worth 0 with a warning. Built-in default: CMS PFS national amounts (total RVU x CF 32.3465, CY2025 October file).",
            List.of("Contract section 2", "CMS PFS Relative Value File CY2025 October release (42 CFR 414 subpart B: physician fee schedule)", "NOTES 2.1, 2.2; product decision 11"),
            null,
            null);

    private FeeSchedulePricing() { }
}
