package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Claims-only mode (OA-CLAIMS-001): administration codes re-coded from billed drugs and diagnoses; drug lines as billed. */
class ClaimsOnlyRecoderTests extends RecoderTestSupport {

    @Test
    void antineoplasticInjectionBilledAs96372() {
        RecodeResult r = recode(Enc.medicare().dx("C61").bill("96372", 1).bill("J9217:JZ", 3));
        assertEquals("96402x1 J9217x3[JZ]", lines(r));
        Finding f = only(r, FindingKind.DOWNCODED_TO_96372);
        assertEquals(Direction.UNDERPAYMENT, f.direction());
        assertEquals(new BigDecimal("21.02"), f.amount());
    }

    @Test
    void drugLinesAreLeftAsBilledEvenWhenUnitsLookWrong() {
        RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9045", 65));
        assertEquals("96413x1 J9045x65", lines(r));
        noFindings(r);
    }

    @Test
    void chemoCodesWithOnlySupportiveDrugsBecomeTherapeutic() {
        RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96415", 1).bill("J1100", 12));
        assertEquals("96365x1 96366x1 J1100x12", lines(r));
        assertEquals(2, r.findings().stream().filter(x -> x.kind() == FindingKind.NON_CHEMO_BILLED_AS_CHEMO).count(), r.findings().toString());
    }

    @Test
    void therapeuticCodesWithAChemoDrugBecomeChemo() {
        RecodeResult r = recode(Enc.medicare().bill("96365", 1).bill("J9271:JZ", 200));
        Finding f = only(r, FindingKind.CHEMO_BILLED_AS_THERAPEUTIC);
        assertEquals("96413", f.expectedCode());
        assertEquals(new BigDecimal("61.46"), f.amount());
    }

    @Test
    void mixedDrugsRecodeOnlyTheInitial() {
        // chemo + antiemetic billed as 96365 + 96367: the initial is chemo, the sequential stays therapeutic
        RecodeResult r = recode(Enc.medicare().bill("96365", 1).bill("96367", 1).bill("J9045", 13).bill("J2405", 16));
        assertEquals("96413x1 96367x1 J9045x13 J2405x16", lines(r));
        assertEquals(1, r.findings().size(), r.findings().toString());
        assertEquals(FindingKind.CHEMO_BILLED_AS_THERAPEUTIC, r.findings().get(0).kind());
    }

    @Test
    void twoInitialsBecomeInitialPlusAddOn() {
        RecodeResult r = recode(Enc.medicare().bill("96413", 2).bill("J9267", 175).bill("J9045", 13));
        assertEquals("96413x1 96417x1 J9267x175 J9045x13", lines(r));
        Finding f = only(r, FindingKind.DUPLICATE_INITIAL);
        assertEquals(new BigDecimal("60.49"), f.amount());
    }

    @Test
    void secondInitialWithOnlyOneDrugBilledIsNotASequentialInfusion() {
        // 96417 is a sequential infusion of a different drug (NOTES decision 7): one chemo drug billed supports none
        RecodeResult r = recode(Enc.medicare().bill("96413", 2).bill("J9045", 13));
        assertEquals("96413x1 J9045x13", lines(r));
        Finding f = only(r, FindingKind.DUPLICATE_INITIAL);
        assertEquals("96413", f.billedCode());
        assertEquals(Direction.OVERPAYMENT, f.direction());
        assertEquals(new BigDecimal("119.36"), f.amount());
    }

    @Test
    void secondPushWithOnlyOneDrugBilledIsNotAnAdditionalDrug() {
        RecodeResult r = recode(Enc.medicare().bill("96409", 1).bill("96409", 1).bill("J9000", 5));
        assertEquals("96409x1 J9000x5", lines(r));
        assertEquals(new BigDecimal("92.51"), only(r, FindingKind.DUPLICATE_INITIAL).amount());
    }

    @Test
    void secondInitialWithNoDrugLinesKeepsTheAddOn() {
        // a facility physician claim bills no drug (the hospital does): the number of drugs is unknown
        RecodeResult r = recode(Enc.medicare().pos("22").bill("96413", 2));
        assertEquals("96413x1 96417x1", adminCodes(r));
    }

    @Test
    void appealTextDoesNotCiteAnAdministrationRecordThatWasNotGiven() {
        RecodeResult r = recode(Enc.medicare().bill("96372", 1).bill("J9395:JZ", 20));
        Finding f = only(r, FindingKind.DOWNCODED_TO_96372);
        assertFalse(f.appealText().contains("medication administration record"), f.appealText());
        assertTrue(f.appealText().contains("we request reopening to correct 96372 x1 to 96402 x1"), f.appealText());
    }

    @Test
    void secondInitialWithDistinctModifierIsAccepted() {
        RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96413:XU", 1).bill("J9267", 175).bill("J9045", 13));
        noFindings(r);
    }

    @Test
    void addOnWithoutPrimaryIsPromoted() {
        RecodeResult r = recode(Enc.medicare().bill("96417", 1).bill("J9045", 13));
        assertEquals("96413x1 J9045x13", lines(r));
        Finding f = only(r, FindingKind.ADDON_WITHOUT_PRIMARY);
        assertEquals(Direction.DENIAL, f.direction());
        assertEquals(new BigDecimal("119.36"), f.amount());
    }

    @Test
    void hourAddOnWithoutPrimaryGetsItsPrimary() {
        RecodeResult r = recode(Enc.medicare().bill("96415", 1).bill("J9045", 13));
        assertEquals("96413x1 96415x1 J9045x13", lines(r));
        Finding f = only(r, FindingKind.ADDON_WITHOUT_PRIMARY);
        assertEquals(Direction.DENIAL, f.direction());
        assertEquals(new BigDecimal("144.91"), f.amount()); // the primary 119.36 + the add-on it rescues 25.55
        // the finding names the add-on as billed (x1) and its missing primary as expected (x1)
        assertEquals("96415", f.billedCode());
        assertEquals(1, f.billedUnits());
        assertEquals("96413", f.expectedCode());
        assertEquals(1, f.expectedUnits());
        assertEquals(1, f.lineNumber());
    }

    @Test
    void medicareSingleDoseLineWithoutJwOrJzIsFlaggedButLeftAsBilled() {
        RecodeResult r = recode(Enc.medicare().dx("C61").bill("96402", 1).bill("J9217", 3));
        assertEquals("96402x1 J9217x3", lines(r));
        Finding f = only(r, FindingKind.WASTE_MODIFIER);
        assertEquals(Direction.DENIAL, f.direction());
        assertEquals(new BigDecimal("570.00"), f.amount());
    }

    @Test
    void combinationComponentsAllBilledAreFlagged() {
        RecodeResult r = recode(Enc.medicare().bill("96401", 1).bill("J9306:JZ", 1200).bill("J9355", 60).bill("J3473:JZ", 30000));
        Finding f = only(r, FindingKind.COMBINATION_PRODUCT_SPLIT);
        assertEquals("J9316", f.expectedCode());
    }

    @Test
    void nonAntineoplasticInjectionBilledAsChemo() {
        RecodeResult r = recode(Enc.medicare().dx("D51.0").bill("96401", 1).bill("J3420", 1));
        Finding f = only(r, FindingKind.NON_CHEMO_BILLED_AS_CHEMO);
        assertEquals("96372", f.expectedCode());
        assertEquals(new BigDecimal("52.40"), f.amount());
    }

    @Test
    void unknownDrugLeavesAdministrationCodesAlone() {
        RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9999", 1));
        noFindings(r);
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("J9999")), r.warnings().toString());
    }
}
