package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.tables.AdminCode;
import io.oncoaudit.core.tables.AdminSlot;

/**
 * One difference the administration comparison found: billed units paired with expected ones of another code, or
 * billed units with no expected counterpart, or expected units not billed. The comparison decisions of the rules
 * read it; a pair decision names it (kind, lead, rule, direction) and the comparison makes the finding.
 */
public final class AdminDifference {
    private final AdminComparison comparison;
    final AdminComparison.Bucket b;
    final AdminComparison.Bucket e;
    /** The units this difference is about. */
    public final int units;

    // a pair decision's classification
    public FindingKind kind;
    public String lead;
    /** Starts as the rule that derived the expected code (else OA-HIER-001). */
    public String ruleId;
    public Direction forced;

    AdminDifference(AdminComparison comparison, AdminComparison.Bucket b, AdminComparison.Bucket e, int units) {
        this.comparison = comparison;
        this.b = b;
        this.e = e;
        this.units = units;
    }

    /** The billed code (null for an expected-only difference). */
    public AdminCode billed() { return b == null ? null : b.code; }

    /** The expected code (null for a billed-only difference). */
    public AdminCode expected() { return e == null ? null : e.code; }

    public String billedCode() { return b == null ? null : b.code.code(); }

    public String expectedCode() { return e == null ? null : e.code.code(); }

    /** Initial-service units billed in the encounter. */
    public int billedInitials() { return comparison.billedInitials; }

    /** Same slot on both sides (e.g. two initial infusions of different families). */
    public boolean sameSlot() { return b.code.slot() == e.code.slot(); }

    /** A pair whose family says nothing (a concurrent infusion or a pump start billed). */
    public boolean familyNeutral() {
        return billedCode().equals("96368") || expectedCode().equals("96368") || b.code.slot() == AdminSlot.IV_PUMP_START;
    }

    /** A route-specific local code on either side. */
    public boolean routeSpecific() {
        return CodeGroup.of(b.code.slot()) == CodeGroup.LOCAL || CodeGroup.of(e.code.slot()) == CodeGroup.LOCAL;
    }

    /** The billed side's code group (or the expected side's for an expected-only difference). */
    public CodeGroup group() { return CodeGroup.of(b != null ? b.code.slot() : e.code.slot()); }

    /** One of the billed add-on's primary codes is billed. */
    public boolean primaryBilled() { return comparison.primaryBilled(b.code); }

    /** The add-on billed without any of its primaries whose primary is this expected-only initial code; null when none. */
    public AdminCode orphanAddOnOfExpected() {
        for (int bi = 0; bi < comparison.billed.size(); bi++) {
            AdminComparison.Bucket x = comparison.billed.get(bi);
            if (x.code.isAddOn() && x.code.primaries().contains(e.code.code()) && !comparison.primaryBilled(x.code)) return x.code;
        }
        return null;
    }

    /** A billed line of the billed code carries 59 or XU/XS/XE/XP. */
    public boolean billedWithDistinctModifier() {
        for (ClaimLine l : comparison.plan.encounter().lines()) {
            if (l.procedureCode().equals(b.code.code()) && AdminComparison.hasDistinctModifier(l)) return true;
        }
        return false;
    }

    /** Why the expected code was derived (the reasons of its sources). */
    public String why() { return e == null ? "" : e.why(); }

    /** The billed code's first line. */
    public Integer billedLine() { return b == null ? null : b.firstLine(); }

    /** Total units billed of the billed code. */
    public int billedTotal() { return b.billedUnits; }

    /** Units of {@code code} expected before matching, billed in total. */
    public int expectedUnits(String code) { return comparison.expectedUnits(code); }

    public int billedUnits(String code) { return comparison.unitsBilled(code); }

    /** A combination product was billed as its components (the extra injections are the split's). */
    public boolean combinationSplit() { return comparison.plan.comboSplit; }
}
