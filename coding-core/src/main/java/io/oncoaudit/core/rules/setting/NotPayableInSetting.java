package io.oncoaudit.core.rules.setting;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.FindingPricing;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.pricing.Quote;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.ItemRule;
import io.oncoaudit.core.rules.Rule;
import java.math.BigDecimal;
import java.util.List;

/**
 * Contract section 10: a professional claim in a facility setting cannot be paid for a service whose PFS facility
 * price is NA, nor for a drug the hospital supplied (place of service 19 or 22). Checked under the built-in CMS
 * default (a loaded fee schedule prices what it prices).
 */
public final class NotPayableInSetting {
    public static final Rule RULE = new Rule("OA-SETTING-001", "setting",
            "Not payable on the professional claim in a facility setting",
            "On a PROFESSIONAL claim at a facility place of service (19, 21, 22, 23, 24), a code whose PFS facility NA indicator is set has no facility payment: the hospital bills the service under OPPS, the physician's line is not payable. At place of service 19 or 22 a drug is supplied by the hospital and billed on its claim; a drug line on the physician's claim is not payable. Either is one finding of kind NOT_PAYABLE_IN_SETTING per line: OVERPAYMENT for the amount the payer allowed (or paid) on the line when it was adjudicated, else a COMPLIANCE finding of amount 0.",
            List.of("CMS PFS Relative Value File CY2025 October release (FACILITY NA INDICATOR)",
                    "Social Security Act section 1848(a)(1) (payment on the fee schedule amount)",
                    "CMS Pub 100-02 ch.15 section 50.3 (an incident-to drug must represent an expense to the physician)"),
            null,
            "The service was furnished in a hospital outpatient department, which bills the facility service and any drug it supplied on its own claim; the physician's claim carries the professional services only.");

    private NotPayableInSetting() { }

    // ---- decisions

    /** Each billed line, under the built-in CMS default on a professional claim: a line its setting does not pay. */
    public static final ItemRule<ClaimLine> LINE = ItemRule.of(RULE,
            "a billed line with no facility price (PFS facility NA) or a drug the hospital supplied (place of service 19/22): NOT_PAYABLE_IN_SETTING",
            NotPayableInSetting::appliesTo, NotPayableInSetting::notPayable);

    /** Guard: the built-in CMS default prices the professional claim and the line's code is not payable in its setting. */
    public static boolean appliesTo(CodingPlan plan, ClaimLine l) {
        // the rule's setting: a facility place of service (19, 21, 22, 23, 24); elsewhere no quote is asked
        if (!plan.cmsProfessionalDefault() || plan.setting() != io.oncoaudit.core.model.Setting.FACILITY) return false;
        Quote q = plan.quote(l.procedureCode());
        return q != null && q.notPayableInSetting();
    }

    /**
     * Action: OVERPAYMENT of the amount the payer allowed (else paid) on the line when it was adjudicated with money,
     * else COMPLIANCE with amount 0.
     */
    public static void notPayable(CodingPlan plan, ClaimLine l) {
        Quote q = plan.quote(l.procedureCode());
        String code = l.procedureCode(), pos = plan.encounter().placeOfService();
        boolean drug = q.source() == Quote.Source.DRUG_SUPPLIED_BY_HOSPITAL;
        String why = drug
                ? code + " at place of service " + pos + " is a drug the hospital supplies and bills on its own claim; it is not payable on the physician's claim"
                : code + " has no facility price on the CMS PFS (" + q.version() + ", facility NA indicator): at place of service " + pos
                        + " the hospital bills the service under OPPS and the professional claim is not paid for it";
        BigDecimal paid = positive(l.allowedAmount()) != null ? positive(l.allowedAmount()) : positive(l.paidAmount());
        Direction d = paid == null ? Direction.COMPLIANCE : Direction.OVERPAYMENT;
        BigDecimal amount = paid == null ? Money.ZERO : Money.round(paid);
        String explanation = why + (paid == null ? "." : "; the payer allowed $" + amount.toPlainString() + " on the line.");
        String appeal = plan.appealText(FindingKind.NOT_PAYABLE_IN_SETTING, d, RULE, code, null, l.wholeUnits(), 0, explanation);
        FindingPricing pricing = new FindingPricing(q.perUnit(), Money.ZERO, null, null, Money.ZERO, q.version(),
                paid == null ? why : null);
        plan.findings().add(new Finding(FindingKind.NOT_PAYABLE_IN_SETTING, RULE.id(), code, null, l.wholeUnits(), 0, d, amount, explanation,
                RULE.citations(), appeal, l.lineNumber()).priced(d, amount, pricing));
    }

    private static BigDecimal positive(BigDecimal v) { return v != null && v.signum() > 0 ? v : null; }
}
