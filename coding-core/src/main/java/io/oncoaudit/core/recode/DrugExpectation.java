package io.oncoaudit.core.recode;

import io.oncoaudit.core.tables.Drug;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** The expected drug lines for one drug code of the record, and what they rest on (filled in by the drug rules). */
public final class DrugExpectation {
    /** The code in the administration record. */
    public final String billedAs;
    /** The drug the lines are coded with (the successor when billedAs was deleted). */
    public Drug drug;
    /** Total documented dose and discarded amount, in the drug's billing unit. */
    public BigDecimal dose = BigDecimal.ZERO;
    public BigDecimal wasted = BigDecimal.ZERO;
    public int units;
    public int wasteUnits;
    public boolean jwJzRequired;
    /** Modifiers of the billed drug line other than JW/JZ, kept on the expected lines. */
    public List<String> keptModifiers = List.of();
    public final List<Coded> lines = new ArrayList<>(2);
    /** Set when a rule decides the drug's units cannot be checked: the later rules skip it. */
    public boolean stopped;
    /** Set when a comparison rule accounted for the billed lines of this drug (a deleted code, a combination product). */
    public boolean covered;
    /** The record's first administration of this drug code (its index). */
    private final int firstAdministration;

    DrugExpectation(String billedAs, Drug drug, int firstAdministration) {
        this.billedAs = billedAs;
        this.drug = drug;
        this.firstAdministration = firstAdministration;
    }

    /** Index of the record's first administration of this drug code. */
    public int firstAdministration() { return firstAdministration; }
}
