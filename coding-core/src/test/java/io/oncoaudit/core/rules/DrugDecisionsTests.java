package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.DrugExpectation;
import io.oncoaudit.core.recode.Enc;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.Step;
import io.oncoaudit.core.recode.TestFees;
import io.oncoaudit.core.rules.units.CombinationProducts;
import io.oncoaudit.core.rules.units.DrugCodeValid;
import io.oncoaudit.core.rules.units.DrugUnits;
import io.oncoaudit.core.rules.units.WasteModifiers;
import io.oncoaudit.core.tables.ReferenceTables;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Guard and action of the drug decisions: units, deleted codes, JW/JZ, combination products (both modes). */
class DrugDecisionsTests {
    private static final Recoder RECODER = new Recoder(ReferenceTables.builtIn(), TestFees.INSTANCE);

    private static Step step(List<Step> mode, String prefix) {
        for (Step s : mode) if (s.name().startsWith(prefix)) return s;
        throw new AssertionError("no step " + prefix);
    }

    private static CodingPlan linesOf(Enc e) {
        CodingPlan p = RECODER.plan(e.build());
        step(RuleCatalog.FULL_MODE, "drug lines").run(p);
        return p;
    }

    private static String lines(DrugExpectation x) {
        return x.lines.stream().map(c -> c.code + "x" + c.units + (c.modifiers.isEmpty() ? "" : c.modifiers.toString())).collect(Collectors.joining(" "));
    }

    private static List<FindingKind> kinds(CodingPlan p) { return p.findings().stream().map(Finding::kind).toList(); }

    @Test
    void aDeletedCodeIsCodedWithItsSuccessor() {
        CodingPlan p = RECODER.plan(Enc.medicare().inject(io.oncoaudit.core.model.Route.SC, "J2505", "6", "mg").build());
        DrugExpectation x = p.drugs().get(0);
        assertTrue(DrugCodeValid.SUCCESSOR.appliesTo(p, x));
        DrugCodeValid.SUCCESSOR.apply(p, x);
        assertEquals("J2506", x.drug.hcpcs());
        assertFalse(DrugCodeValid.SUCCESSOR.appliesTo(p, x));
    }

    @Test
    void unitsAreTheDoseOverTheBillingUnitRoundedUp() {
        CodingPlan p = linesOf(Enc.medicare().iv("J9045", "420", "mg", "09:00", 60));
        DrugExpectation x = p.drugs().get(0);
        assertFalse(DrugUnits.BILLING_UNIT.appliesTo(p, x));
        assertEquals(9, x.units);
        assertEquals("J9045x9", lines(x), "carboplatin is not in a single-dose container: no JW/JZ");
        assertFalse(WasteModifiers.LINES.appliesTo(p, x));
    }

    /** The boundary of "rounded up": an exact multiple is that many units; anything above it, however small, is one more. */
    @Test
    void unitsRoundUpExactlyAtTheBoundary() {
        assertEquals(9, linesOf(Enc.medicare().iv("J9045", "450", "mg", "09:00", 60)).drugs().get(0).units);
        assertEquals(9, linesOf(Enc.medicare().iv("J9045", "450.000", "mg", "09:00", 60)).drugs().get(0).units);
        // beyond 16 significant digits: a division rounded to DECIMAL64 first would have said 9
        assertEquals(10, linesOf(Enc.medicare().iv("J9045", "450.000000000000000001", "mg", "09:00", 60)).drugs().get(0).units);
        assertEquals(1, linesOf(Enc.medicare().iv("J9045", "0.5", "mg", "09:00", 60)).drugs().get(0).units, "less than one unit is 1");
    }

    @Test
    void aDoseThatDoesNotConvertStopsTheDrugWithAWarning() {
        CodingPlan p = linesOf(Enc.medicare().iv("J9045", "42", "mL", "09:00", 60));
        DrugExpectation x = p.drugs().get(0);
        assertTrue(x.stopped);
        assertTrue(x.lines.isEmpty());
        assertTrue(p.isUncheckedDrug("J9045"));
        assertTrue(p.warnings().toString().contains("units not checked"));
    }

    @Test
    void aSingleDoseContainerTakesAJwLineForDiscardedUnitsOrJz() {
        DrugExpectation waste = linesOf(Enc.medicare().ivWaste("J9035", "410", "mg", "09:00", 60, "5")).drugs().get(0);
        assertTrue(waste.jwJzRequired);
        assertEquals("J9035x41 J9035x1[JW]", lines(waste));
        CodingPlan none = linesOf(Enc.medicare().iv("J9035", "400", "mg", "09:00", 60));
        DrugExpectation x = none.drugs().get(0);
        assertFalse(DrugUnits.LINE.appliesTo(none, x), "JZ goes on the drug line: OA-WASTE-001 writes it");
        assertEquals("J9035x40[JZ]", lines(x));
        assertEquals(DrugUnits.RULE.id(), x.lines.get(0).ruleId);
    }

    @Test
    void comparisonOfUnitsAndTheDeletedCode() {
        CodingPlan p = linesOf(Enc.medicare().iv("J9045", "420", "mg", "09:00", 60).bill("J9045", 10));
        DrugExpectation x = p.drugs().get(0);
        assertFalse(DrugCodeValid.COMPARE.appliesTo(p, x));
        assertTrue(DrugUnits.COMPARE.appliesTo(p, x));
        DrugUnits.COMPARE.apply(p, x);
        assertEquals(List.of(FindingKind.DRUG_UNITS), kinds(p));
        assertEquals(10, p.findings().get(0).billedUnits());
        assertEquals(9, p.findings().get(0).expectedUnits());

        CodingPlan old = linesOf(Enc.medicare().inject(io.oncoaudit.core.model.Route.SC, "J2505", "6", "mg").bill("J2505", 1));
        DrugExpectation y = old.drugs().get(0);
        assertTrue(DrugCodeValid.COMPARE.appliesTo(old, y));
        DrugCodeValid.COMPARE.apply(old, y);
        assertEquals(List.of(FindingKind.INVALID_DRUG_CODE), kinds(old));
        assertFalse(DrugUnits.COMPARE.appliesTo(old, y), "the deleted code's lines are accounted for by OA-UNITS-002");
    }

    @Test
    void wasteComparisonFindsAMissingJwLine() {
        CodingPlan p = linesOf(Enc.medicare().ivWaste("J9035", "410", "mg", "09:00", 60, "5").bill("J9035", 41));
        WasteModifiers.COMPARE.apply(p, p.drugs().get(0));
        assertEquals(FindingKind.WASTE_MODIFIER, p.findings().get(0).kind());
        assertTrue(p.findings().get(0).explanation().startsWith("discarded units documented but not billed on a JW line"));
    }

    @Test
    void aCombinationProductBilledAsItsComponents() {
        CodingPlan p = linesOf(Enc.medicare().inject(io.oncoaudit.core.model.Route.SC, "J9316", "600", "mg").bill("J9306", 600).bill("J9355", 60));
        DrugExpectation x = p.drugs().get(0);
        assertTrue(CombinationProducts.COMPARE.appliesTo(p, x));
        CombinationProducts.COMPARE.apply(p, x);
        assertEquals(List.of(FindingKind.COMBINATION_PRODUCT_SPLIT), kinds(p));
        assertTrue(x.covered);
        DrugUnits.UNDOCUMENTED.apply(p);
        assertEquals(1, p.findings().size(), "the components are accounted for, not undocumented");
    }

    @Test
    void aDrugBilledWithoutAnAdministrationIsUndocumented() {
        CodingPlan p = linesOf(Enc.medicare().iv("J9045", "420", "mg", "09:00", 60).bill("J9045", 9).bill("J9035", 40));
        DrugUnits.UNDOCUMENTED.apply(p);
        assertEquals(List.of(FindingKind.DRUG_UNITS), kinds(p));
        assertEquals("J9035", p.findings().get(0).billedCode());
    }

    @Test
    void claimsOnlyJwJzPerLineAndCombinationComponents() {
        CodingPlan p = RECODER.plan(Enc.medicare().bill("J9035:JW|JZ", 40).build());
        ClaimLine l = p.encounter().lines().get(0);
        assertTrue(WasteModifiers.CLAIMS_ONLY.appliesTo(p, l));
        WasteModifiers.CLAIMS_ONLY.apply(p, l);
        assertTrue(p.findings().get(0).explanation().contains("mutually exclusive"));
        CodingPlan unknown = RECODER.plan(Enc.medicare().bill("J9999", 1).build());
        assertFalse(WasteModifiers.CLAIMS_ONLY.appliesTo(unknown, unknown.encounter().lines().get(0)));

        CodingPlan combo = RECODER.plan(Enc.medicare().bill("J9306", 600).bill("J9355", 60).bill("J3473", 1).bill("96401", 3).build());
        assertEquals("J9316", CombinationProducts.splitCombinations(combo).get(0).hcpcs());
        CombinationProducts.CLAIMS_ONLY.apply(combo);
        assertEquals(List.of(FindingKind.COMBINATION_PRODUCT_SPLIT), kinds(combo));
    }

    @Test
    void theDrugStepsRunEveryDecisionUntilOneStopsTheDrug() {
        CodingPlan p = RECODER.plan(Enc.medicare().iv("J9045", "42", "mL", "09:00", 60).build());
        step(RuleCatalog.FULL_MODE, "drug lines").run(p);
        step(RuleCatalog.FULL_MODE, "drug comparison").run(p);
        assertTrue(p.findings().isEmpty(), "a stopped drug is not compared");
        List<Coded> none = p.drugs().get(0).lines;
        assertTrue(none.isEmpty());
    }
}
