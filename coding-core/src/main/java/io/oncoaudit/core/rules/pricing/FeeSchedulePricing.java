package io.oncoaudit.core.rules.pricing;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/**
 * Contract section 2; CMS PFS relative value file CY2025 October release.
 */
public final class FeeSchedulePricing {
    public static final Rule RULE = new Rule("OA-PRICE-001", "pricing",
            "Every line priced on the payer's fee schedule",
            "A line's amount = allowed amount per unit x units, on the schedule row for the payer (exact beats '*'), the setting (POS 19/21/22/23/24 = FACILITY) and the date of service; a code with no price is worth 0 with a warning. Built-in default (contract section 10): Medicare national amounts on the date of service: professional claims on the CMS PFS (total RVU x CF 32.3465, CY2025 October file) for the setting, the lesser of charge and price; institutional outpatient claims (type of bill 13x) on the OPPS Addendum B payment rate by status indicator (packaging of Q1, Q2, N, J1; T multiple-procedure reduction); drugs at the CMS ASP payment limit per billing unit of the quarter.",
            List.of("Contract sections 2 and 10", "CMS PFS Relative Value File CY2025 October release", "Social Security Act section 1848(a)(1) (lesser of actual charge and fee schedule amount)",
                    "CMS OPPS Addendum B and Addendum D1 (status indicators)", "CMS ASP payment allowance limits for Medicare Part B drugs (quarterly)"),
            null,
            null);

    private FeeSchedulePricing() { }
}
