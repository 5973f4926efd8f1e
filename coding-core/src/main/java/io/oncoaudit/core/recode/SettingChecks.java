package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.FindingPricing;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.pricing.Quote;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.RuleCatalog;
import java.math.BigDecimal;
import java.util.List;

/**
 * OA-SETTING-001 (rules/setting/NotPayableInSetting): under the built-in CMS default, each billed line of a
 * professional claim that is not payable in its facility setting (PFS facility NA; a drug the hospital supplied at
 * place of service 19/22) is a NOT_PAYABLE_IN_SETTING finding: OVERPAYMENT of the amount the payer allowed (else
 * paid) on the line when it was adjudicated with money, else COMPLIANCE with amount 0.
 */
final class SettingChecks {
    private SettingChecks() { }

    static void check(Context ctx, List<Finding> findings) {
        if (!ctx.pricer.lesserOf()) return;
        List<ClaimLine> lines = ctx.encounter.lines();
        for (int i = 0, n = lines.size(); i < n; i++) {
            ClaimLine l = lines.get(i);
            Quote q = ctx.pricer.quote(l.procedureCode());
            if (q == null || !q.notPayableInSetting()) continue;
            findings.add(finding(ctx, l, q));
        }
    }

    private static Finding finding(Context ctx, ClaimLine l, Quote q) {
        String code = l.procedureCode(), pos = ctx.encounter.placeOfService();
        boolean drug = q.source() == Quote.Source.DRUG_SUPPLIED_BY_HOSPITAL;
        String why = drug
                ? code + " at place of service " + pos + " is a drug the hospital supplies and bills on its own claim; it is not payable on the physician's claim"
                : code + " has no facility price on the CMS PFS (" + q.version() + ", facility NA indicator): at place of service " + pos
                        + " the hospital bills the service under OPPS and the professional claim is not paid for it";
        BigDecimal paid = positive(l.allowedAmount()) != null ? positive(l.allowedAmount()) : positive(l.paidAmount());
        Direction d = paid == null ? Direction.COMPLIANCE : Direction.OVERPAYMENT;
        BigDecimal amount = paid == null ? Money.ZERO : Money.round(paid);
        String explanation = why + (paid == null ? "." : "; the payer allowed $" + amount.toPlainString() + " on the line.");
        Rule rule = RuleCatalog.NOT_PAYABLE_IN_SETTING;
        String appeal = Findings.appealText(ctx, FindingKind.NOT_PAYABLE_IN_SETTING, d, rule, code, null, l.wholeUnits(), 0, explanation);
        FindingPricing pricing = new FindingPricing(q.perUnit(), Money.ZERO, null, null, Money.ZERO, q.version(),
                paid == null ? why : null);
        return new Finding(FindingKind.NOT_PAYABLE_IN_SETTING, rule.id(), code, null, l.wholeUnits(), 0, d, amount, explanation,
                rule.citations(), appeal, l.lineNumber()).priced(d, amount, pricing);
    }

    private static BigDecimal positive(BigDecimal v) { return v != null && v.signum() > 0 ? v : null; }
}
