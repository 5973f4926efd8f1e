package io.oncoaudit.core.rules.ndc;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.cms.NdcCrosswalk;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

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

    // ---- decisions

    /** Full mode, after OA-NDC-002: each billed code whose NDC the crosswalk lists under it, against the documented dose. */
    public static final PlanRule PACKAGES = PlanRule.of(RULE,
            "billed units over the packages the documented dose needs (each code whose NDC matched, units not already a finding): NDC_UNITS_MISMATCH",
            NdcUnits::appliesTo, NdcUnits::packages);

    /** Guard: a documented dose (full mode) and at least one billed code whose NDC the crosswalk lists under it. */
    public static boolean appliesTo(CodingPlan plan) {
        return !plan.ndcPackages().isEmpty() && !plan.encounter().claimsOnly();
    }

    /** Action: each such code (with a package size, units not judged by the units rules) billed over its packages is a finding. */
    public static void packages(CodingPlan plan) {
        List<ExpectedLine> expected = plan.expectedLines();
        for (Map.Entry<String, NdcCrosswalk.Row> e : plan.ndcPackages().entrySet()) {
            String code = e.getKey();
            NdcCrosswalk.Row pkg = e.getValue();
            if (pkg.billUnitsPkg() == null || pkg.billUnitsPkg().signum() <= 0) continue;
            if (unitsJudged(plan.findings(), code)) continue; // the units are already a finding (and priced) of the units rules
            long documented = 0, dose = 0, billed = 0;
            for (ExpectedLine x : expected) {
                if (!x.procedureCode().equals(code)) continue;
                documented += x.units();
                if (!x.modifiers().contains("JW")) dose += x.units();
            }
            ClaimLine first = null;
            for (ClaimLine l : plan.encounter().lines()) {
                if (l.procedureCode().equals(code)) {
                    billed += l.wholeUnits();
                    if (first == null) first = l;
                }
            }
            if (dose <= 0) continue;
            BigDecimal packages = BigDecimal.valueOf(dose).divide(pkg.billUnitsPkg(), 0, RoundingMode.CEILING);
            BigDecimal max = packages.multiply(pkg.billUnitsPkg());
            if (BigDecimal.valueOf(billed).compareTo(max) > 0) {
                String version = plan.ndcCrosswalk().version();
                String why = code + " billed x" + billed + " with NDC " + pkg.ndc2() + " (" + pkg.billUnitsPkg().stripTrailingZeros().toPlainString()
                        + " billing units per package in the " + version
                        + "): the documented dose takes " + dose + " unit(s) (" + documented + " with the documented waste), the "
                        + packages.toPlainString() + " package(s) it needs hold at most "
                        + max.stripTrailingZeros().toPlainString();
                plan.findings().add(NdcFormat.correction(plan, FindingKind.NDC_UNITS_MISMATCH, RULE, first, why, version));
            }
        }
    }

    private static boolean unitsJudged(List<Finding> findings, String code) {
        for (Finding f : findings) {
            if ((f.kind() == FindingKind.DRUG_UNITS || f.kind() == FindingKind.WASTE_MODIFIER)
                    && (code.equals(f.billedCode()) || code.equals(f.expectedCode()))) return true;
        }
        return false;
    }
}
