package io.oncoaudit.core.rules.ndc;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/** The NDC belongs to the billed HCPCS code in the CMS crosswalk of the quarter. */
public final class NdcHcpcsMatch {
    public static final Rule RULE = new Rule("OA-NDC-002", "ndc",
            "NDC under the billed HCPCS code",
            "A valid 11-digit NDC on a drug line must be listed under the billed HCPCS code in the CMS ASP NDC-HCPCS crosswalk of the quarter holding the date of service. An NDC the crosswalk lists under other codes only is a finding of kind NDC_HCPCS_MISMATCH naming those codes (COMPLIANCE, amount 0: the drug code or the NDC is to be corrected; the recoder does not guess which). An NDC the crosswalk does not list at all is a warning, not a finding (the crosswalk lists the products whose manufacturers report ASP data).",
            List.of("CMS ASP NDC-HCPCS Crosswalk for Medicare Part B Drugs (quarterly)"),
            null,
            "The NDC reported is a package of the drug the HCPCS code describes, per the CMS ASP NDC-HCPCS crosswalk of the quarter.");

    private NdcHcpcsMatch() { }
}
