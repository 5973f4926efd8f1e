package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.rules.Rule;
import io.oncoaudit.core.rules.RuleCatalog;
import java.math.BigDecimal;

/**
 * Builds findings with their money, explanation, citations and appeal text. Amount semantics follow
 * contract section 6: UNDERPAYMENT = expected - billed, OVERPAYMENT = billed - expected, DENIAL = the
 * corrected line's value; always >= 0.
 */
final class Findings {
    private Findings() { }

    static Finding make(Context ctx, FindingKind kind, String ruleId, String billedCode, String expectedCode,
                        int billedUnits, int expectedUnits, BigDecimal billedValue, BigDecimal expectedValue,
                        Direction forced, Direction whenEqual, String explanation, Integer lineNumber) {
        Direction d;
        BigDecimal amount;
        if (forced == Direction.DENIAL) {
            d = Direction.DENIAL;
            amount = expectedValue;
        } else if (forced != null) {
            d = forced;
            amount = forced == Direction.UNDERPAYMENT ? expectedValue.subtract(billedValue) : billedValue.subtract(expectedValue);
            if (amount.signum() < 0) amount = Money.ZERO;
        } else {
            int cmp = expectedValue.compareTo(billedValue);
            d = cmp > 0 ? Direction.UNDERPAYMENT : cmp < 0 ? Direction.OVERPAYMENT : whenEqual;
            amount = expectedValue.subtract(billedValue).abs();
        }
        Rule rule = RuleCatalog.byId(ruleId);
        String appeal = appealText(ctx, kind, d, rule, billedCode, expectedCode, billedUnits, expectedUnits, explanation);
        return new Finding(kind, ruleId, billedCode, expectedCode, billedUnits, expectedUnits, d, Money.round(amount),
                explanation, rule == null ? java.util.List.of() : rule.citations(), appeal, lineNumber);
    }

    /**
     * Appeal language (from the seeds' appeal letters, corrected where they were wrong: e.g. a concurrent
     * infusion is 96368, not 96416; hormonal antineoplastic SC/IM is 96402, not 96401).
     */
    static String appealText(Context ctx, FindingKind kind, Direction d, Rule rule, String billed, String expected,
                             int billedUnits, int expectedUnits, String explanation) {
        String claim = "Claim " + ctx.encounter.claimId() + ", date of service " + ctx.encounter.dateOfService();
        String basis = rule != null && rule.appealBasis() != null ? rule.appealBasis() : "";
        String change = describeChange(billed, expected, billedUnits, expectedUnits);
        // the finding's explanation and citations travel beside this text (letters print all three); it states the request and its basis
        return switch (d) {
            case UNDERPAYMENT -> claim + ": we request reopening to correct " + change + ". " + basis
                    + (ctx.encounter.claimsOnly()
                            ? " The drugs billed on the claim and its diagnoses support the corrected coding; the medical record is available on request."
                            : " The medication administration record documents the drug, dose, route and start/stop times supporting the corrected coding.");
            case DENIAL -> claim + ": we request redetermination (or reopening for a clerical error) of the denied service, corrected as "
                    + change + ". " + basis;
            case OVERPAYMENT -> claim + ": internal correction (voluntary refund or replacement claim): " + change + ". " + basis;
            case COMPLIANCE -> claim + ": coding correction with no payment change: " + change + ". " + basis;
        };
    }

    static String describeChange(String billed, String expected, int bu, int eu) {
        if (billed == null) return "the omitted " + expected + " x" + eu;
        if (expected == null) return billed + " x" + bu + " removed";
        if (billed.equals(expected)) return billed + " units " + bu + " to " + eu;
        return billed + " x" + bu + " to " + expected + " x" + eu;
    }
}
