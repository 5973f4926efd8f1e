package io.oncoaudit.core.rules.ndc;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.FindingPricing;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.tables.cms.Ndc;
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

    // ---- decisions

    /** Each billed line with an NDC: one that is not 11 digits in the 5-4-2 form. */
    public static final ItemRule<ClaimLine> LINE = ItemRule.of(RULE, "an NDC not in the 11-digit 5-4-2 form: NDC_FORMAT",
            NdcFormat::appliesTo, NdcFormat::badFormat);

    /** Guard: the line carries an NDC that is not 11 digits in the 5-4-2 form. */
    public static boolean appliesTo(CodingPlan plan, ClaimLine l) {
        return hasNdc(l) && Ndc.digits(l.ndc()) == null;
    }

    /** Action: a COMPLIANCE finding of amount 0 on the line. */
    public static void badFormat(CodingPlan plan, ClaimLine l) {
        plan.findings().add(correction(plan, FindingKind.NDC_FORMAT, RULE, l, "the NDC '" + l.ndc().strip() + "' on line "
                + l.lineNumber() + " is not 11 digits in the 5-4-2 form (e.g. 00006-3026-02 or 00006302602)", null));
    }

    static boolean hasNdc(ClaimLine l) { return l.ndc() != null && !l.ndc().isBlank(); }

    /**
     * The finding of an NDC rule: COMPLIANCE with amount 0, since the correction (NDC or code) is a claim correction;
     * money on units is the drug-units rule's.
     */
    static Finding correction(CodingPlan plan, FindingKind kind, Rule rule, ClaimLine l, String why, String version) {
        String code = l.procedureCode();
        String appeal = plan.appealText(kind, Direction.COMPLIANCE, rule, code, code, l.wholeUnits(), l.wholeUnits(), why);
        FindingPricing pricing = new FindingPricing(null, null, null, null, null, version,
                "a claim correction (NDC or drug code): the payment is not changed by it");
        return new Finding(kind, rule.id(), code, code, l.wholeUnits(), l.wholeUnits(), Direction.COMPLIANCE, Money.ZERO,
                why + ".", rule.citations(), appeal, l.lineNumber()).priced(Direction.COMPLIANCE, Money.ZERO, pricing);
    }
}
