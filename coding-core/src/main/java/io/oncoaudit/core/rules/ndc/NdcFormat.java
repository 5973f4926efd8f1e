package io.oncoaudit.core.rules.ndc;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/** The NDC on a drug line is the 11-digit HIPAA form (5-4-2). */
public final class NdcFormat {
    public static final Rule RULE = new Rule("OA-NDC-001", "ndc",
            "NDC in the 11-digit 5-4-2 form",
            "An NDC reported on a claim line is 11 digits in the 5-4-2 configuration, written as 11 digits or with hyphens as 5-4-2; 10-digit package codes (4-4-2, 5-3-2, 5-4-1) are padded with a leading zero in the right segment before they are reported. Any other spelling is a finding of kind NDC_FORMAT (COMPLIANCE, amount 0: the line is returned or rejected, the payment is not changed by the correction).",
            List.of("CMS ASP NDC-HCPCS Crosswalk (NDC2 column in the 5-4-2 form)",
                    "X12 005010X222A1 loop 2410 LIN03 (National Drug Code in 5-4-2 format)"),
            null,
            "The NDC of the drug administered is reported in the 11-digit 5-4-2 form.");

    private NdcFormat() { }
}
