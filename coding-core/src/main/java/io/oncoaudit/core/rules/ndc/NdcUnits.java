package io.oncoaudit.core.rules.ndc;

import io.oncoaudit.core.rules.Rule;
import java.util.List;

/** Billed units consistent with the package's billing units (BILLUNITSPKG) and the dose. */
public final class NdcUnits {
    public static final Rule RULE = new Rule("OA-NDC-003", "ndc",
            "Billed units consistent with the NDC package",
            "For an NDC the crosswalk lists under the billed HCPCS code, the billed units of the code on the claim (administered plus JW discarded lines) cannot exceed the billing units of the packages needed for the documented dose: ceil(dose in billing units / BILLUNITSPKG) x BILLUNITSPKG (a documented waste larger than what those packages leave is not supported by the package). More billed units is a finding of kind NDC_UNITS_MISMATCH (COMPLIANCE, amount 0). When the drug-units or JW/JZ rule already reports the code's units (and prices them), or without a documented dose (claims-only), the check does not apply.",
            List.of("CMS ASP NDC-HCPCS Crosswalk for Medicare Part B Drugs (BILLUNITS, BILLUNITSPKG)",
                    "CMS Pub 100-04 ch.17 section 40 (discarded drug: JW/JZ)"),
            null,
            "The units billed fit the packages of the NDC reported and the documented dose.");

    private NdcUnits() { }
}
