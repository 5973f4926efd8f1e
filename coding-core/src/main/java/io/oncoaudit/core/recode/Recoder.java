package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ExpectedLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.ValidationError;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.util.ArrayList;
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

    /** Never throws for bad input: an invalid encounter yields a result whose {@code error} names the field. */
    public RecodeResult recode(Encounter encounter) {
        encounter = CodeSpelling.canonical(encounter);
        ValidationError invalid = EncounterValidator.validate(encounter);
        if (invalid != null) return RecodeResult.rejected(encounter.claimId(), invalid);

        Pricer pricer = new Pricer(fees, encounter);
        Context ctx = new Context(encounter, tables, tables.payers().policy(encounter.payerId()), pricer);
        pricer.warningsTo(ctx);
        List<Finding> findings = new ArrayList<>(4);
        List<Coded> expected = new ArrayList<>(8);
        boolean split;
        if (encounter.claimsOnly()) {
            expected.addAll(ClaimsOnlyCoder.derive(ctx));
            split = DrugComparison.claimsOnly(ctx, findings);
            AdminComparison.compare(ctx, expected, split, findings);
            for (int li = 0, lin = encounter.lines().size(); li < lin; li++) {
                ClaimLine l = encounter.lines().get(li);
                if (tables.adminCodes().isAdministrationCode(l.procedureCode())) continue;
                expected.add(new Coded(l.procedureCode(), l.wholeUnits(), l.modifiers(), null, null));
            }
        } else {
            List<Coded> admin = AdministrationCoder.derive(ctx);
            List<DrugLineCoder.DrugExpectation> drugs = DrugLineCoder.derive(ctx);
            split = DrugComparison.compare(ctx, drugs, findings);
            AdminComparison.compare(ctx, admin, split, findings);
            expected.addAll(admin);
            for (DrugLineCoder.DrugExpectation x : drugs) expected.addAll(x.lines);
            passThrough(ctx, drugs, expected);
        }
        EmDay.apply(ctx, expected, findings);
        NcciCheck.apply(ctx, ncci, expected, findings);
        List<ExpectedLine> lines = aggregate(expected);
        SettingChecks.check(ctx, findings);
        NdcChecks.check(ctx, lines, findings);
        long billedCents = billedCents(pricer, encounter), expectedCents = expectedCents(pricer, encounter, lines, findings);
        return new RecodeResult(encounter.claimId(), lines, findings, BigDecimal.valueOf(billedCents, 2), BigDecimal.valueOf(expectedCents, 2),
                BigDecimal.valueOf(expectedCents - billedCents, 2), ctx.warnings(), null, ctx.unclassifiedDrugs());
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

    /** Lines that are neither administration codes nor drugs of the record (E/M, unknown codes) are expected as billed. */
    private void passThrough(Context ctx, List<DrugLineCoder.DrugExpectation> drugs, List<Coded> expected) {
        for (int li = 0, lin = ctx.encounter.lines().size(); li < lin; li++) {
            ClaimLine l = ctx.encounter.lines().get(li);
            String c = l.procedureCode();
            if (tables.adminCodes().isAdministrationCode(c)) continue;
            // known drug: expected only from the record (undocumented ones are findings), unless its dose could not be converted
            if (ctx.drug(c) != null && !ctx.isUncheckedDrug(c)) continue;
            expected.add(new Coded(c, l.wholeUnits(), l.modifiers(), null, null));
        }
    }

    /** Same code and modifiers on one expected line (96415 x1 + x2 = 96415 x3), in first-seen order. */
    private static List<ExpectedLine> aggregate(List<Coded> coded) {
        List<ExpectedLine> out = new ArrayList<>(coded.size());
        List<Coded> merged = new ArrayList<>(coded.size());
        outer:
        for (Coded c : coded) {
            if (c.units <= 0) continue;
            for (int i = 0; i < merged.size(); i++) {
                Coded m = merged.get(i);
                if (m.code.equals(c.code) && m.modifiers.equals(c.modifiers)) {
                    merged.set(i, new Coded(m.code, m.units + c.units, m.modifiers, m.ruleId, m.reasonSupplier()));
                    continue outer;
                }
            }
            merged.add(c);
        }
        for (Coded m : merged) out.add(new ExpectedLine(m.code, m.units, m.modifiers));
        return out;
    }
}
