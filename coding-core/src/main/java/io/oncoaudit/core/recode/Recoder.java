package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.tables.ReferenceTables;

/**
 * Re-codes one encounter: derives the lines that should have been billed, compares them with the
 * billed lines and prices every difference (contract section 4). Immutable and thread-safe: build one
 * per JVM and share it.
 */
public final class Recoder {
    private final ReferenceTables tables;
    private final FeeSchedule fees;

    public Recoder(ReferenceTables tables, FeeSchedule fees) {
        this.tables = tables;
        this.fees = fees;
    }

    public ReferenceTables tables() { return tables; }

    public FeeSchedule fees() { return fees; }

    /** Never throws for bad input: an invalid encounter yields a result whose {@code error} names the field. */
    public RecodeResult recode(Encounter encounter) {
        throw new UnsupportedOperationException("recoder not implemented yet");
    }
}
