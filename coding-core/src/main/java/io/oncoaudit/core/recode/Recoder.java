package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.ValidationError;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.util.List;

/**
 * Re-codes one encounter: derives the lines that should have been billed, compares them with the
 * billed lines and prices every difference (contract section 4). Immutable and thread-safe: build one
 * per JVM and share it.
 */
public final class Recoder {
    private final ReferenceTables tables;
    private final FeeSchedule fees;
    private final io.oncoaudit.core.tables.ncci.NcciEdits ncci;

    public Recoder(ReferenceTables tables, FeeSchedule fees) {
        this(tables, fees, io.oncoaudit.core.tables.ncci.NcciEdits.shipped());
    }

    /** A recoder with NCCI edits (the shipped public-text pairs plus the official files of {@code --ncci DIR}). */
    public Recoder(ReferenceTables tables, FeeSchedule fees, io.oncoaudit.core.tables.ncci.NcciEdits ncci) {
        this.tables = tables;
        this.fees = fees;
        this.ncci = ncci;
    }

    public io.oncoaudit.core.tables.ncci.NcciEdits ncci() { return ncci; }

    public ReferenceTables tables() { return tables; }

    public FeeSchedule fees() { return fees; }

    /**
     * The coding plan of an encounter before any step ran (for the rules' unit tests and tools that run single
     * decisions); {@link #recode} runs the steps of the encounter's mode on one.
     */
    public CodingPlan plan(Encounter encounter) {
        Pricer pricer = new Pricer(fees, encounter);
        Context ctx = new Context(encounter, tables, tables.payers().policy(encounter.payerId()), pricer);
        pricer.warningsTo(ctx);
        return new CodingPlan(ctx, ncci);
    }

    /** Never throws for bad input: an invalid encounter yields a result whose {@code error} names the field. */
    public RecodeResult recode(Encounter encounter) {
        encounter = CodeSpelling.canonical(encounter);
        ValidationError invalid = EncounterValidator.validate(encounter);
        if (invalid != null) return RecodeResult.rejected(encounter.claimId(), invalid);

        Pricer pricer = new Pricer(fees, encounter);
        Context ctx = new Context(encounter, tables, tables.payers().policy(encounter.payerId()), pricer);
        pricer.warningsTo(ctx);
        CodingPlan plan = new CodingPlan(ctx, ncci);
        List<Step> steps = encounter.claimsOnly() ? RuleCatalog.CLAIMS_ONLY_MODE : RuleCatalog.FULL_MODE;
        for (int i = 0, n = steps.size(); i < n; i++) steps.get(i).run(plan);
        return new RecodeResult(encounter.claimId(), plan.lines, plan.findings, BigDecimal.valueOf(plan.billedCents, 2),
                BigDecimal.valueOf(plan.expectedCents, 2), BigDecimal.valueOf(plan.expectedCents - plan.billedCents, 2), ctx.warnings(), null,
                ctx.unclassifiedDrugs());
    }

    /** The pricing step (OA-PRICE-001): the billed and expected totals. */
    static void price(CodingPlan plan) {
        Pricer pricer = plan.ctx.pricer;
        plan.billedCents = billedCents(pricer, plan.ctx.encounter);
        plan.expectedCents = expectedCents(pricer, plan.ctx.encounter, plan.lines, plan.findings);
    }

    /**
     * The billed total in exact cents: price x units per line; under the built-in default the lesser of each line's
     * charge and price (professional) or the claim's OPPS payment (institutional).
     */
    private static long billedCents(Pricer pricer, Encounter encounter) {
        if (pricer.opps()) return pricer.billedClaim().total();
        long total = 0;
        for (int li = 0, lin = encounter.lines().size(); li < lin; li++) {
            ClaimLine l = encounter.lines().get(li);
            long c = pricer.cents(l.procedureCode(), l.wholeUnits());
            if (pricer.lesserOf() && l.chargeAmount() != null) c = Math.min(c, Money.round(l.chargeAmount()).unscaledValue().longValueExact());
            total = Math.addExact(total, c);
        }
        return total;
    }

    /**
     * The expected total in exact cents: as {@link #billedCents}; an expected line's charge basis (professional, built-in
     * default) is the charge master's charge x units, else the billed line of the same code (or the billed line a finding
     * corrected into this code) charge / its units x units, else none (valued at its price).
     */
    private static long expectedCents(Pricer pricer, Encounter encounter, List<ExpectedLine> lines, List<Finding> findings) {
        if (pricer.opps()) {
            String[] codes = new String[lines.size()];
            long[] units = new long[lines.size()];
            for (int i = 0; i < codes.length; i++) {
                codes[i] = lines.get(i).procedureCode();
                units[i] = lines.get(i).units();
            }
            return pricer.claim(codes, units).total();
        }
        long total = 0;
        for (int i = 0; i < lines.size(); i++) {
            ExpectedLine l = lines.get(i);
            long c = pricer.cents(l.procedureCode(), l.units());
            if (pricer.lesserOf()) {
                BigDecimal basis = chargeBasis(pricer, encounter, l, findings);
                if (basis != null) c = Math.min(c, basis.unscaledValue().longValueExact());
            }
            total = Math.addExact(total, c);
        }
        return total;
    }

    private static BigDecimal chargeBasis(Pricer pricer, Encounter encounter, ExpectedLine l, List<Finding> findings) {
        BigDecimal cm = pricer.fees().chargePerUnit(l.procedureCode());
        if (cm != null) return Money.lineAmount(cm, l.units());
        List<ClaimLine> billed = encounter.lines();
        for (int i = 0, n = billed.size(); i < n; i++) {
            ClaimLine b = billed.get(i);
            if (b.procedureCode().equals(l.procedureCode())) return Findings.chargeFor(b, l.units());
        }
        for (int f = 0; f < findings.size(); f++) {
            Finding x = findings.get(f);
            if (l.procedureCode().equals(x.expectedCode()) && x.lineNumber() != null) {
                for (int i = 0, n = billed.size(); i < n; i++) {
                    ClaimLine b = billed.get(i);
                    if (b.lineNumber() == x.lineNumber() && b.procedureCode().equals(x.billedCode())) return Findings.chargeFor(b, l.units());
                }
            }
        }
        return null;
    }
}
