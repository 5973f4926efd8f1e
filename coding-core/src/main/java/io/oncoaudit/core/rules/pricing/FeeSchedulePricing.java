package io.oncoaudit.core.rules.pricing;

import io.oncoaudit.core.model.Codes;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.PlanRule;
import io.oncoaudit.core.rules.Rule;
import java.math.BigDecimal;
import java.util.List;

/**
 * Contract section 2; CMS PFS relative value file CY2025 October release. The prices themselves are the pricer's
 * (recode.Pricer: the fee schedule, OPPS packaging, rounding points); this rule adds them up into the billed and
 * expected totals.
 */
public final class FeeSchedulePricing {
    public static final Rule RULE = new Rule("OA-PRICE-001", "pricing",
            "Every line priced on the payer's fee schedule",
            "A line's amount = allowed amount per unit x units, on the schedule row for the payer (exact beats '*'), the setting (POS 19/21/22/23/24 = FACILITY) and the date of service; a code with no price is worth 0 with a warning. Built-in default (contract section 10): Medicare national amounts on the date of service: professional claims on the CMS PFS (total RVU x CF 32.3465, CY2025 October file) for the setting, the lesser of charge and price; institutional outpatient claims (type of bill 13x) on the OPPS Addendum B payment rate by status indicator (packaging of Q1, Q2, N, J1; T multiple-procedure reduction); drugs at the CMS ASP payment limit per billing unit of the quarter. Under the built-in default a code without a national price (PFS status C, carrier-priced, e.g. G0498; a drug without an ASP limit) has an unknown value, not 0: a finding that involves it claims no amount (COMPLIANCE, amount 0, with a pricing note naming the code).",
            List.of("Contract sections 2 and 10", "CMS PFS Relative Value File CY2025 October release", "Social Security Act section 1848(a)(1) (lesser of actual charge and fee schedule amount)",
                    "CMS OPPS Addendum B and Addendum D1 (status indicators)", "CMS ASP payment allowance limits for Medicare Part B drugs (quarterly)",
                    "CMS PFS Relative Value File, status code C (carriers price the code: no national RVUs)"),
            null,
            null);

    private FeeSchedulePricing() { }

    // ---- decisions

    /** Every encounter: the billed and the expected totals. */
    public static final PlanRule TOTALS = PlanRule.of(RULE,
            "the billed and expected totals: price x units per line; built-in default: the lesser of charge and price (professional) or the claim's OPPS payment (institutional)",
            p -> true, FeeSchedulePricing::totals);

    /** Action: the billed and the expected totals in exact cents. */
    public static void totals(CodingPlan plan) {
        plan.totals(billedCents(plan), expectedCents(plan));
    }

    /**
     * The billed total in exact cents: price x units per line; under the built-in default the lesser of each line's
     * charge and price (professional) or the claim's OPPS payment (institutional).
     */
    static long billedCents(CodingPlan plan) {
        if (plan.oppsClaim()) return plan.oppsBilledCents();
        boolean lesserOf = plan.cmsProfessionalDefault();
        List<ClaimLine> lines = plan.encounter().lines();
        long total = 0;
        for (int li = 0, lin = lines.size(); li < lin; li++) {
            ClaimLine l = lines.get(li);
            long c = plan.cents(l.procedureCode(), l.wholeUnits());
            if (lesserOf && l.chargeAmount() != null) c = Math.min(c, Money.cents(l.chargeAmount()));
            total = Math.addExact(total, c);
        }
        return total;
    }

    /**
     * The expected total in exact cents: as {@link #billedCents}; an expected line's charge basis (professional, built-in
     * default) is the charge master's charge x units, else the billed line of the same code (or the billed line a finding
     * corrected into this code) charge / its units x units, else none (valued at its price).
     */
    static long expectedCents(CodingPlan plan) {
        List<ExpectedLine> lines = plan.expectedLines();
        if (plan.oppsClaim()) {
            String[] codes = new String[lines.size()];
            long[] units = new long[lines.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = lines.get(i).procedureCode();
                units[i] = lines.get(i).units();
            }
            return plan.oppsCents(codes, units);
        }
        boolean lesserOf = plan.cmsProfessionalDefault();
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            ExpectedLine l = lines.get(i);
            long c = plan.cents(l.procedureCode(), l.units());
            if (lesserOf) {
                BigDecimal basis = chargeBasis(plan, l);
                if (basis != null) c = Math.min(c, Money.cents(basis));
            }
            total = Math.addExact(total, c);
        }
        return total;
    }

    private static BigDecimal chargeBasis(CodingPlan plan, ExpectedLine l) {
        BigDecimal cm = plan.chargeMasterPerUnit(l.procedureCode());
        if (cm != null) return Money.lineAmount(cm, l.units());
        Encounter encounter = plan.encounter();
        List<ClaimLine> billed = encounter.lines();
        for (int i = 0, n = billed.size(); i < n; i++) {
            ClaimLine b = billed.get(i);
            if (Codes.same(b.procedureCode(), l.procedureCode())) return plan.chargeFor(b, l.units());
        }
        List<Finding> findings = plan.findings();
        for (int f = 0; f < findings.size(); f++) {
            Finding x = findings.get(f);
            if (l.procedureCode().equals(x.expectedCode()) && x.lineNumber() != null) {
                for (int i = 0, n = billed.size(); i < n; i++) {
                    ClaimLine b = billed.get(i);
                    if (b.lineNumber() == x.lineNumber() && b.procedureCode().equals(x.billedCode())) return plan.chargeFor(b, l.units());
                }
            }
        }
        return null;
    }
}
