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
import java.math.RoundingMode;
import java.util.List;

/**
 * Builds findings with their money, explanation, citations and appeal text. Amount semantics follow
 * contract section 6: UNDERPAYMENT = expected - billed, OVERPAYMENT = billed - expected, DENIAL = the
 * corrected line's value; always >= 0; an amount of 0 is a COMPLIANCE finding (contract section 4) whose
 * {@link FindingPricing#note()} says why.
 *
 * <p>Under the built-in CMS default (contract section 10) a finding about one billed and one expected line is valued
 * as the payer pays it: on a professional claim each side is the lesser of its charge and its price (the billed
 * line's charge for {@code billedUnits}; the expected line's charge basis is the charge master's charge x expected
 * units, else the billed line's charge / its units x expected units, else none); on an institutional (OPPS) claim the
 * amount is the change of the whole claim's OPPS payment when this one correction is made (packaging by status
 * indicator follows the claim's other lines). A loaded fee schedule: price x units, no lesser-of.
 */
final class Findings {
    private Findings() { }

    static Finding make(Context ctx, FindingKind kind, String ruleId, String billedCode, String expectedCode,
                        int billedUnits, int expectedUnits, BigDecimal billedValue, BigDecimal expectedValue,
                        Direction forced, Direction whenEqual, String explanation, Integer lineNumber) {
        Pricer p = ctx.pricer;
        BigDecimal bv = billedValue, ev = expectedValue, chargeBasis = null;
        String note = null;
        // a finding about one billed line and one expected line is re-valued as the payer would pay it; findings whose
        // values span several lines (e.g. a combination product's components) keep the comparison's line values
        // a denial is valued on its corrected line alone (contract section 6), whatever the billed value the comparison passed
        boolean oneLine = ev.compareTo(valueOf(p, expectedCode, expectedUnits)) == 0
                && (forced == Direction.DENIAL || bv.compareTo(valueOf(p, billedCode, billedUnits)) == 0);
        if (p.opps() && oneLine) {
            Pricer.Opps claim = p.billedClaim();
            int i = billedCode == null ? -1 : lineIndex(ctx, lineNumber, billedCode);
            Pricer.Opps fixed = claim.corrected(i, billedUnits, expectedCode, expectedUnits);
            long b = i < 0 ? 0 : claim.units[i] == billedUnits ? claim.cents[i] : claim.valueAlone(billedCode, billedUnits);
            long delta = fixed.total() - claim.total();
            int e = expectedCode == null ? -1 : fixed.indexOf(expectedCode);
            bv = BigDecimal.valueOf(b, 2);
            ev = BigDecimal.valueOf(forced == Direction.DENIAL ? (e < 0 ? 0 : fixed.cents[e]) : Math.max(0, b + delta), 2);
            note = e >= 0 && fixed.notes[e] != null ? fixed.notes[e] : i >= 0 ? claim.notes[i] : null;
        } else if (p.lesserOf() && oneLine) {
            ClaimLine bl = billedCode == null ? null : ctx.encounter.lines().get(Math.max(0, lineIndex(ctx, lineNumber, billedCode)));
            if (bl != null && !bl.procedureCode().equals(billedCode)) bl = null;
            if (bl == null && lineNumber != null) {
                int i = lineIndex(ctx, lineNumber, null);
                if (i >= 0) bl = ctx.encounter.lines().get(i);
            }
            if (bl != null && billedCode != null && bl.procedureCode().equals(billedCode)) {
                BigDecimal charge = chargeFor(bl, billedUnits);
                if (charge != null && charge.compareTo(bv) < 0) bv = charge;
            }
            if (expectedCode != null && expectedUnits > 0) {
                BigDecimal cm = p.fees().chargePerUnit(expectedCode);
                chargeBasis = cm != null ? Money.lineAmount(cm, expectedUnits) : bl == null ? null : chargeFor(bl, expectedUnits);
                if (chargeBasis != null && chargeBasis.compareTo(ev) < 0) ev = chargeBasis;
            }
        }
        Direction d;
        BigDecimal amount;
        if (forced == Direction.DENIAL) {
            d = Direction.DENIAL;
            amount = ev;
        } else if (forced != null) {
            d = forced;
            amount = forced == Direction.UNDERPAYMENT ? ev.subtract(bv) : bv.subtract(ev);
            if (amount.signum() < 0) amount = Money.ZERO;
        } else {
            int cmp = ev.compareTo(bv);
            d = cmp > 0 ? Direction.UNDERPAYMENT : cmp < 0 ? Direction.OVERPAYMENT : whenEqual;
            amount = ev.subtract(bv).abs();
        }
        amount = Money.round(amount);
        Quote bq = p.quote(billedCode), eq = p.quote(expectedCode);
        // a code without a price on the built-in schedule (e.g. PFS status C, carrier-priced: no national amount) has an unknown
        // value, not a value of 0: no dollar figure is claimed for a correction that involves it
        if (p.cmsDefault() && amount.signum() != 0 && (d == Direction.UNDERPAYMENT || d == Direction.OVERPAYMENT)) {
            String unpriced = billedCode != null && billedUnits > 0 && bq == null ? billedCode
                    : expectedCode != null && expectedUnits > 0 && eq == null ? expectedCode : null;
            if (unpriced != null) {
                amount = Money.ZERO;
                Quote other = bq != null ? bq : eq;
                note = unpriced + " has no national price on " + (other != null && other.version() != null ? other.version() : p.fees().versionLabel())
                        + " (carrier-priced, or not on the schedule): the payer's amount for it is not known, so no amount is claimed";
            }
        }
        // contract section 4: a finding that moves no money is a compliance finding, never an under- or overpayment
        if (amount.signum() == 0 && (d == Direction.UNDERPAYMENT || d == Direction.OVERPAYMENT
                || (d == Direction.DENIAL && p.cmsDefault() && (eq == null || eq.notPayableInSetting() || note != null)))) {
            d = Direction.COMPLIANCE;
            if (note == null) note = whyNoMoney(ctx, billedCode, expectedCode, bq, eq, bv, ev);
        } else if (note != null && !p.opps()) {
            note = null;
        }
        Rule rule = RuleCatalog.byId(ruleId);
        String appeal = appealText(ctx, kind, d, rule, billedCode, expectedCode, billedUnits, expectedUnits, explanation);
        FindingPricing pricing = new FindingPricing(bq == null ? null : bq.perUnit(), Money.round(bv), eq == null ? null : eq.perUnit(),
                chargeBasis, Money.round(ev), versions(p, bq, eq), note);
        return new Finding(kind, ruleId, billedCode, expectedCode, billedUnits, expectedUnits, d, amount,
                explanation, rule == null ? java.util.List.of() : rule.citations(), appeal, lineNumber,
                rule == null ? java.util.List.of() : rule.provenance(), pricing, java.util.Map.of());
    }

    /** The comparisons' value of a line: {@link Pricer#amount} (0 without a code). */
    private static BigDecimal valueOf(Pricer p, String code, int units) {
        return code == null || units == 0 ? Money.ZERO : p.amount(code, units);
    }

    /** Index in the encounter's lines of the line with this number (else the first line of the code), or -1. */
    static int lineIndex(Context ctx, Integer lineNumber, String code) {
        List<ClaimLine> ls = ctx.encounter.lines();
        if (lineNumber != null) {
            for (int i = 0; i < ls.size(); i++) if (ls.get(i).lineNumber() == lineNumber && (code == null || ls.get(i).procedureCode().equals(code))) return i;
        }
        if (code != null) for (int i = 0; i < ls.size(); i++) if (ls.get(i).procedureCode().equals(code)) return i;
        return -1;
    }

    /**
     * The charge of {@code units} units of a billed line: its charge / its units x units, rounded HALF_EVEN to cents
     * (a defined rounding point), or null when the line has no units.
     */
    static BigDecimal chargeFor(ClaimLine l, long units) {
        int lineUnits = l.wholeUnits();
        if (l.chargeAmount() == null || lineUnits <= 0) return null;
        if (units == lineUnits) return Money.round(l.chargeAmount());
        return l.chargeAmount().multiply(BigDecimal.valueOf(units)).divide(BigDecimal.valueOf(lineUnits), 2, RoundingMode.HALF_EVEN);
    }

    private static String versions(Pricer p, Quote bq, Quote eq) {
        String a = bq == null ? null : bq.version(), b = eq == null ? null : eq.version();
        if (a == null && b == null) return p.fees().versionLabel();
        if (a == null || b == null || a.equals(b)) return a == null ? b : a;
        return a.contains(b) ? a : b.contains(a) ? b : a + "; " + b;
    }

    /** Why a correction moves no money (FindingPricing.note of a COMPLIANCE finding). */
    private static String whyNoMoney(Context ctx, String billed, String expected, Quote bq, Quote eq, BigDecimal bv, BigDecimal ev) {
        String pos = ctx.encounter.placeOfService();
        if (eq != null && eq.source() == Quote.Source.PFS_FACILITY_NA) {
            return eq.version() + ": " + expected + " has no facility price (NA): not paid on a professional claim at place of service " + pos
                    + " (the hospital bills the service)";
        }
        if (eq != null && eq.source() == Quote.Source.DRUG_SUPPLIED_BY_HOSPITAL) {
            return expected + " at place of service " + pos + " is supplied and billed by the hospital, not on the physician's claim";
        }
        if (bq != null && eq != null && bq.apc() != null && bq.apc().equals(eq.apc()) && bq.perUnit().compareTo(eq.perUnit()) == 0) {
            return bq.version() + ": " + billed + " and " + expected + " are both in APC " + bq.apc() + " ($" + Money.round(bq.perUnit()).toPlainString() + ")";
        }
        if (ctx.pricer.lesserOf() && bv.compareTo(ev) == 0 && bq != null && eq != null && bv.signum() > 0
                && (Money.lineAmount(bq.perUnit(), 1).compareTo(Money.lineAmount(eq.perUnit(), 1)) != 0)) {
            return "lesser of charge and price: both lines are limited by the charge ($" + bv.toPlainString() + ")";
        }
        String v = versions(ctx.pricer, bq, eq);
        return "the correction moves no money on " + v + (bq == null && billed != null || eq == null && expected != null ? " (a code has no price)" : "");
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
