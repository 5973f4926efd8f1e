package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.ValidationError;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.rules.RuleCatalog;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;

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

    /** The steps of {@code RuleCatalog.FULL_MODE} and {@code CLAIMS_ONLY_MODE} as chains (created on first use). */
    private static final class Modes {
        static final Chains.PlanChain FULL = Chains.steps(RuleCatalog.FULL_MODE);
        static final Chains.PlanChain CLAIMS_ONLY = Chains.steps(RuleCatalog.CLAIMS_ONLY_MODE);
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
        (encounter.claimsOnly() ? Modes.CLAIMS_ONLY : Modes.FULL).run(plan);
        return new RecodeResult(encounter.claimId(), plan.lines, plan.findings, BigDecimal.valueOf(plan.billedCents, 2),
                BigDecimal.valueOf(plan.expectedCents, 2), BigDecimal.valueOf(plan.expectedCents - plan.billedCents, 2), ctx.warnings(), null,
                ctx.unclassifiedDrugs());
    }
}
