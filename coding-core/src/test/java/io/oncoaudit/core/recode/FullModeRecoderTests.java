package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recoder with an administration record: derivation rules and every finding kind. */
class FullModeRecoderTests extends RecoderTestSupport {

    @Test
    void contractExampleFulvestrantIntramuscularIsNinetySixFourZeroTwo() {
        RecodeResult r = recode(Enc.medicare().bill("96372", 1).bill("J9395:JZ", 20).inject(Route.IM, "J9395", "500", "mg"));
        assertEquals("96402x1 J9395x20[JZ]", lines(r));
        Finding f = only(r, FindingKind.DOWNCODED_TO_96372);
        assertEquals("96372", f.billedCode());
        assertEquals("96402", f.expectedCode());
        assertEquals(Direction.UNDERPAYMENT, f.direction());
        assertEquals(new BigDecimal("21.02"), f.amount()); // 34.93 - 13.91
        assertEquals(1, r.findings().size());
        assertEquals(r.expectedAmount().subtract(r.billedAmount()), r.netImpact());
        assertFalse(f.citations().isEmpty());
        assertTrue(f.appealText().contains("C-1"));
        assertEquals("OA-SCIM-001", f.ruleId());
    }

    @Nested
    class PushInfusionAndHours {
        @ParameterizedTest(name = "carboplatin {0} min -> {1}")
        @CsvSource({
                "10,96409x1", "15,96409x1", "16,96413x1", "60,96413x1", "75,96413x1", "90,96413x1",
                "91,96413x1 96415x1", "120,96413x1 96415x1", "150,96413x1 96415x1", "151,96413x1 96415x2", "245,96413x1 96415x3"})
        void singleChemoDrug(int minutes, String expected) {
            RecodeResult r = recode(Enc.medicare().iv("J9045", "650", "mg", "09:00", minutes));
            assertEquals(expected, adminCodes(r));
        }

        @ParameterizedTest(name = "leucovorin alone {0} min -> {1}")
        @CsvSource({"15,96374x1", "16,96365x1", "90,96365x1", "91,96365x1 96366x1", "151,96365x1 96366x2"})
        void singleTherapeuticDrug(int minutes, String expected) {
            assertEquals(expected, adminCodes(recode(Enc.medicare().iv("J0640", "400", "mg", "09:00", minutes))));
        }

        @ParameterizedTest(name = "hydration alone {0} min -> [{1}]")
        @CsvSource(value = {"20|", "30|", "31|96360x1", "90|96360x1", "91|96360x1 96361x1", "151|96360x1 96361x2"}, delimiter = '|')
        void hydrationAlone(int minutes, String expected) {
            RecodeResult r = recode(Enc.medicare().iv("J7030", "1000", "mL", "09:00", minutes));
            assertEquals(expected == null ? "" : expected, adminCodes(r));
        }

        @Test
        void ninetyMinuteInfusionBilledWithAnAdditionalHourIsAnOverpayment() {
            // SEED-004 error: "90-minute infusion = 96413 + 96415 x1"
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96415", 1).bill("J9045", 13)
                    .iv("J9045", "650", "mg", "09:00", 90));
            Finding f = only(r, FindingKind.INFUSION_HOURS);
            assertEquals("96415", f.billedCode());
            assertEquals(Direction.OVERPAYMENT, f.direction());
            assertEquals(new BigDecimal("25.55"), f.amount());
        }

        @Test
        void extraAdditionalHoursReportTheBilledAndDocumentedUnits() {
            // 151 minutes support two 96415; three billed: billed 3, expected 2, one unit over (as the under-billed case reports totals)
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96415", 3).bill("J9045", 13).iv("J9045", "650", "mg", "09:00", 151));
            Finding f = only(r, FindingKind.INFUSION_HOURS);
            assertEquals("96415", f.billedCode());
            assertEquals("96415", f.expectedCode());
            assertEquals(3, f.billedUnits());
            assertEquals(2, f.expectedUnits());
            assertEquals(Direction.OVERPAYMENT, f.direction());
            assertEquals(new BigDecimal("25.55"), f.amount());
            assertEquals(2, f.lineNumber());
            assertTrue(f.appealText().contains("96415 units 3 to 2"), f.appealText());
        }

        @Test
        void additionalHoursWithNoneDocumentedGoToZeroUnits() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96415", 2).bill("J9045", 13).iv("J9045", "650", "mg", "09:00", 90));
            Finding f = only(r, FindingKind.INFUSION_HOURS);
            assertEquals("96415", f.expectedCode());
            assertEquals(2, f.billedUnits());
            assertEquals(0, f.expectedUnits());
            assertEquals(new BigDecimal("51.10"), f.amount());
        }

        @Test
        void missingAdditionalHoursAreAnUnderpayment() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9045", 13).iv("J9045", "650", "mg", "09:00", 151));
            Finding f = only(r, FindingKind.INFUSION_HOURS);
            assertEquals(Direction.UNDERPAYMENT, f.direction());
            assertEquals(0, f.billedUnits());
            assertEquals(2, f.expectedUnits());
            assertEquals(new BigDecimal("51.10"), f.amount());
        }
    }

    @Nested
    class Hierarchy {
        @Test
        void initialIsChosenByHierarchyNotByClockOrder() {
            // antiemetic pushed first, chemo infused after: chemo infusion is the initial (OA-HIER-001)
            RecodeResult r = recode(Enc.medicare().iv("J2405", "16", "mg", "09:00", 5).iv("J9045", "650", "mg", "09:30", 60));
            assertEquals("96413x1 96375x1", adminCodes(r));
        }

        @Test
        void longestInfusionIsNotTheInitial() {
            // SEED-001/003 error: the longest infusion is not the initial; a 3-hour hydration stays secondary to a 30-minute chemo
            RecodeResult r = recode(Enc.medicare().iv("J7030", "1000", "mL", "08:00", 60).iv("J9060", "135", "mg", "09:00", 30)
                    .iv("J7030", "1000", "mL", "09:30", 120));
            assertEquals("96413x1 96361x3", adminCodes(r)); // hydration 60 + 120 = 180 min free: 1 + 2
        }

        @Test
        void seedCisplatinPemetrexedPushIsAnAdditionalPushNotAnInfusion() {
            // SEED-004 worked example corrected (NOTES 4.1 #2): pemetrexed over 10 minutes is a push
            RecodeResult r = recode(Enc.medicare().iv("J9305", "900", "mg", "09:00", 10).iv("J9060", "135", "mg", "09:15", 120));
            assertEquals("96413x1 96415x1 96411x1 J9305x90[JZ] J9060x14", lines(r));
        }

        @Test
        void duplicateInitialChemoInfusions() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 2).bill("96415", 2).bill("J9267", 315).bill("J9045", 13)
                    .iv("J9267", "315", "mg", "09:00", 180).iv("J9045", "650", "mg", "12:00", 30));
            assertEquals("96413x1 96415x2 96417x1", adminCodes(r));
            Finding f = only(r, FindingKind.DUPLICATE_INITIAL);
            assertEquals("96413", f.billedCode());
            assertEquals("96417", f.expectedCode());
            assertEquals(Direction.OVERPAYMENT, f.direction());
            assertEquals(new BigDecimal("60.49"), f.amount()); // 119.36 - 58.87
        }

        @Test
        void seedCarboplatinThenPaclitaxelCountsTheSequentialDrugsHours() {
            // NOTES 4.1 #3: carbo 2 h then paclitaxel 3 h = 96413 + 96415 x1 + 96417 + 96415 x2
            RecodeResult r = recode(Enc.medicare().iv("J9045", "650", "mg", "09:00", 120).iv("J9267", "315", "mg", "11:00", 180));
            assertEquals("96413x1 96415x3 96417x1", adminCodes(r));
        }

        @Test
        void addOnWithoutItsPrimaryIsADenial() {
            RecodeResult r = recode(Enc.medicare().bill("96417", 1).bill("J9045", 13).iv("J9045", "650", "mg", "09:00", 45));
            Finding f = only(r, FindingKind.ADDON_WITHOUT_PRIMARY);
            assertEquals("96417", f.billedCode());
            assertEquals("96413", f.expectedCode());
            assertEquals(Direction.DENIAL, f.direction());
            assertEquals(new BigDecimal("119.36"), f.amount());
        }

        @Test
        void separateAccessSitesNeedTheDistinctModifier() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 2).bill("J9045", 13).bill("J9267", 175)
                    .ivAt("J9045", "650", "mg", "09:00", 60, "left arm").ivSite("J9267", "175", "mg", "09:00", 60, "port", "protocol requires a separate IV site"));
            assertEquals("96413x1 96413x1[59]", adminCodes(r));
            Finding f = only(r, FindingKind.MISSING_DISTINCT_MODIFIER);
            assertEquals(Direction.DENIAL, f.direction());
            assertEquals(new BigDecimal("119.36"), f.amount());
            noneOf(r, FindingKind.DUPLICATE_INITIAL);
        }

        @Test
        void separateAccessWithModifierIsClean() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96413:XU", 1).bill("J9045", 13).bill("J9267", 175)
                    .ivAt("J9045", "650", "mg", "09:00", 60, "left arm").ivSite("J9267", "175", "mg", "09:00", 60, "port", "protocol requires a separate IV site"));
            noFindings(r);
        }
    }

    @Nested
    class SequentialAndConcurrent {
        @Test
        void folfoxWithConcurrentLeucovorinBolusAndPump() {
            RecodeResult r = recode(Enc.medicare().dx("C18.7")
                    .iv("J9263", "153", "mg", "09:00", 120).iv("J0640", "720", "mg", "09:00", 120)
                    .iv("J9190", "720", "mg", "11:00", 5).pump("J9190", "4320", "mg", "11:10", 46 * 60));
            assertEquals("96413x1 96415x1 96368x1 96411x1 96416x1", adminCodes(r));
            // 5-FU bolus + pump: 5040 mg / 500 = 10.08 -> 11 units (one line per code per encounter)
            assertTrue(lines(r).contains("J9190x11"), lines(r));
            assertTrue(lines(r).contains("J9263x306[JZ]"), lines(r));
            assertTrue(lines(r).contains("J0640x15[JZ]"), lines(r));
        }

        @Test
        void seedFolfoxLeucovorinBilledAsSequentialIsACodeMismatch() {
            // SEED-001 error: concurrent leucovorin coded 96367
            RecodeResult r = recode(Enc.medicare().dx("C18.7").bill("96413", 1).bill("96415", 1).bill("96367", 1)
                    .bill("J9263:JZ", 306).bill("J0640:JZ", 15)
                    .iv("J9263", "153", "mg", "09:00", 120).iv("J0640", "720", "mg", "09:00", 120));
            Finding f = only(r, FindingKind.ADMINISTRATION_CODE_MISMATCH);
            assertEquals("96367", f.billedCode());
            assertEquals("96368", f.expectedCode());
            assertEquals(Direction.OVERPAYMENT, f.direction());
            assertEquals(new BigDecimal("8.08"), f.amount());
        }

        @Test
        void nonChemoAfterChemoIsSequential() {
            RecodeResult r = recode(Enc.medicare().iv("J9045", "650", "mg", "09:00", 60).iv("J1100", "12", "mg", "10:00", 95));
            assertEquals("96413x1 96367x1 96366x1", adminCodes(r));
        }

        @Test
        void concurrentIsReportedOncePerEncounter() {
            RecodeResult r = recode(Enc.medicare().iv("J9045", "650", "mg", "09:00", 60).iv("J1100", "12", "mg", "09:00", 60)
                    .iv("J0640", "400", "mg", "09:10", 30));
            assertEquals("96413x1 96368x1", adminCodes(r));
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("once per encounter")), r.warnings().toString());
        }

        @Test
        void hydrationDuringChemoIsNotReportable() {
            RecodeResult r = recode(Enc.medicare().iv("J9060", "135", "mg", "09:00", 60).iv("J7030", "1000", "mL", "09:00", 80));
            assertEquals("96413x1", adminCodes(r)); // only 20 free minutes
        }

        @Test
        void pumpFlagIsThePumpStartWhateverTheHookUpVisitLasted() {
            // NOTES decision 8 (clarified): the record's times are the hook-up visit, not the infusion
            RecodeResult r = recode(Enc.medicare().pump("J9190", "2400", "mg", "09:00", 480));
            assertEquals("96416x1", adminCodes(r));
        }

        @Test
        void medicareG0498IsAcceptedForThePumpStart() {
            RecodeResult r = recode(Enc.medicare().bill("G0498", 1).bill("J9190", 9).pump("J9190", "4320", "mg", "11:10", 2760));
            noFindings(r);
        }
    }

    @Nested
    class ScImSplit {
        @Test
        void bortezomibSubcutaneousIsNinetySixFourOhOne() {
            RecodeResult r = recode(Enc.medicare().dx("C90.00").bill("96372", 1).bill("J9041:JZ", 24).inject(Route.SC, "J9041", "2.34", "mg"));
            assertEquals("96401x1 J9041x24[JZ]", lines(r));
            Finding f = only(r, FindingKind.DOWNCODED_TO_96372);
            assertEquals(new BigDecimal("52.40"), f.amount()); // 66.31 - 13.91
        }

        @Test
        void leuprolideForProstateCancerBilledAsNonHormonalIsAHormonalMismatch() {
            RecodeResult r = recode(Enc.medicare().dx("C61").bill("96401", 1).bill("J9217:JZ", 3).inject(Route.IM, "J9217", "22.5", "mg"));
            Finding f = only(r, FindingKind.HORMONAL_CLASS_MISMATCH);
            assertEquals("96402", f.expectedCode());
            assertEquals(Direction.OVERPAYMENT, f.direction());
            assertEquals(new BigDecimal("31.38"), f.amount());
        }

        @Test
        void leuprolideForEndometriosisIsATherapeuticInjection() {
            RecodeResult r = recode(Enc.medicare().dx("N80.00").bill("96402", 1).bill("J1950:JZ", 3).inject(Route.IM, "J1950", "11.25", "mg"));
            Finding f = only(r, FindingKind.NON_CHEMO_BILLED_AS_CHEMO);
            assertEquals("96372", f.expectedCode());
            assertEquals(new BigDecimal("21.02"), f.amount());
        }

        @Test
        void hormonalAntineoplasticWithoutCancerDiagnosisIsNinetySixThreeSevenTwo() {
            // a benign neoplasm (uterine fibroid D25.9) is not a cancer indication
            RecodeResult r = recode(Enc.medicare().dx("D25.9").bill("96372", 1).bill("J9217:JZ", 1).inject(Route.IM, "J9217", "7.5", "mg"));
            noFindings(r);
        }

        @Test
        void gcsfIsNotChemotherapy() {
            // SEED-003 error: G-CSF billed as 96401
            RecodeResult r = recode(Enc.medicare().bill("96401", 1).bill("J2506:JZ", 12).inject(Route.SC, "J2506", "6", "mg"));
            Finding f = only(r, FindingKind.NON_CHEMO_BILLED_AS_CHEMO);
            assertEquals("96372", f.expectedCode());
            assertEquals(Direction.OVERPAYMENT, f.direction());
        }

        @Test
        void deniedChemoInjectionCorrectedIsADenialRecovery() {
            RecodeResult r = recode(Enc.medicare().dx("N80.00").billDenied("96402", 1, "CO-11").bill("J1950:JZ", 3)
                    .inject(Route.IM, "J1950", "11.25", "mg"));
            Finding f = only(r, FindingKind.NON_CHEMO_BILLED_AS_CHEMO);
            assertEquals(Direction.DENIAL, f.direction());
            assertEquals(new BigDecimal("13.91"), f.amount());
        }
    }

    @Nested
    class FamilyAndPayerPolicy {
        @Test
        void checkpointInhibitorBilledAsTherapeuticInfusion() {
            RecodeResult r = recode(Enc.medicare().bill("96365", 1).bill("J9271:JZ", 200).iv("J9271", "200", "mg", "09:00", 30));
            Finding f = only(r, FindingKind.CHEMO_BILLED_AS_THERAPEUTIC);
            assertEquals("96413", f.expectedCode());
            assertEquals(new BigDecimal("61.46"), f.amount());
        }

        @Test
        void leucovorinAloneBilledAsChemo() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J0640:JZ", 8).iv("J0640", "400", "mg", "09:00", 30));
            Finding f = only(r, FindingKind.NON_CHEMO_BILLED_AS_CHEMO);
            assertEquals("96365", f.expectedCode());
        }

        @Test
        void rituximabForRheumatoidArthritisTakesChemoCodesUnderMedicare() {
            RecodeResult r = recode(Enc.medicare().dx("M05.79").iv("J9312", "1000", "mg", "09:00", 240));
            assertEquals("96413x1 96415x3", adminCodes(r));
        }

        @Test
        void payerOverrideMovesNonCancerBiologicsToTherapeuticCodes() {
            var policy = new io.oncoaudit.core.tables.PayerPolicy("ACME", "Acme Health", io.oncoaudit.core.tables.PayerType.COMMERCIAL,
                    true, null, "payer-policy team", "Acme drug administration policy 2026: biologics for non-oncology indications = 96365");
            var tables = io.oncoaudit.core.tables.ReferenceTables.builtIn();
            Recoder recoder = new Recoder(tables.withPayers(tables.payers().with(policy)), TestFees.INSTANCE);
            RecodeResult ra = recoder.recode(Enc.medicare().payer("ACME").dx("M05.79").iv("J9312", "1000", "mg", "09:00", 240).build());
            assertEquals("96365x1 96366x3", adminCodes(ra));
            RecodeResult lymphoma = recoder.recode(Enc.medicare().payer("ACME").dx("C83.30").iv("J9312", "1000", "mg", "09:00", 240).build());
            assertEquals("96413x1 96415x3", adminCodes(lymphoma));
        }
    }

    @Nested
    class DrugUnitsAndWaste {
        @Test
        void seedCarboplatinAtTenMilligramUnitsIsAnOverpayment() {
            // SEED-004 error: J9045 x65 for 650 mg; J9045 is 50 mg -> 13
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9045", 65).iv("J9045", "650", "mg", "09:00", 30));
            Finding f = only(r, FindingKind.DRUG_UNITS);
            assertEquals(65, f.billedUnits());
            assertEquals(13, f.expectedUnits());
            assertEquals(Direction.OVERPAYMENT, f.direction());
            assertEquals(new BigDecimal("520.00"), f.amount());
        }

        @Test
        void doseInAUnitThatDoesNotConvertLeavesTheDrugLineAsBilled() {
            // contract section 1 allows mL; J9045 is billed per 50 mg: units cannot be checked, so the line is not judged
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9045", 13).iv("J9045", "65", "mL", "09:00", 30));
            assertEquals("96413x1 J9045x13", lines(r));
            noFindings(r);
            assertEquals(r.billedAmount(), r.expectedAmount());
            assertTrue(r.warnings().stream().anyMatch(w -> w.contains("units not checked")), r.warnings().toString());
        }

        @Test
        void doseInAUnitThatDoesNotConvertKeepsTheBilledModifiers() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9271:JZ", 200).iv("J9271", "8", "mL", "09:00", 30));
            assertEquals("96413x1 J9271x200[JZ]", lines(r));
            noFindings(r);
        }

        @ParameterizedTest(name = "{0} {1} {2} -> {3} units")
        @CsvSource({"J9060,135,mg,14", "J9305,900,mg,90", "J9000,60,mg,6", "J9312,675,mg,68", "J9370,1.4,mg,2", "J9263,153,mg,306",
                "J9041,2.34,mg,24", "J2506,6,mg,12", "J9395,500,mg,20", "J9045,0.5,g,10", "J9370,500,mcg,1"})
        void unitsAreDoseOverBillingUnitRoundedUp(String code, String dose, String unit, int units) {
            Route route = List.of("J9041", "J2506").contains(code) ? Route.SC : code.equals("J9395") ? Route.IM : Route.IV;
            Enc e = route == Route.IV ? Enc.medicare().iv(code, dose, unit, "09:00", 30) : Enc.medicare().inject(route, code, dose, unit);
            RecodeResult r = recode(e);
            assertTrue(lines(r).contains(code + "x" + units), lines(r));
        }

        @Test
        void missingJzOnAMedicareSingleDoseLineIsADenial() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9271", 200).iv("J9271", "200", "mg", "09:00", 30));
            Finding f = only(r, FindingKind.WASTE_MODIFIER);
            assertEquals(Direction.DENIAL, f.direction());
            assertEquals(new BigDecimal("11600.00"), f.amount());
        }

        @Test
        void documentedWasteGoesOnAJwLine() {
            // pemetrexed 450 mg given, 50 mg discarded from 500 mg: 45 + JW 5
            RecodeResult r = recode(Enc.medicare().bill("96409", 1).bill("J9305", 45).ivWaste("J9305", "450", "mg", "09:00", 10, "50"));
            assertEquals("96409x1 J9305x45 J9305x5[JW]", lines(r));
            Finding f = only(r, FindingKind.WASTE_MODIFIER);
            assertEquals(Direction.UNDERPAYMENT, f.direction());
            assertEquals(new BigDecimal("125.00"), f.amount());
        }

        @Test
        void wasteCoveredByRoundingTakesJzNotJw() {
            // bortezomib 2.34 mg = 24 units (2.4 mg); 0.06 mg discarded adds no unit: JZ (Noridian JZ guidance)
            RecodeResult r = recode(Enc.medicare().dx("C90.00").bill("96401", 1).bill("J9041:JZ", 24)
                    .add(new io.oncoaudit.core.model.Administration("A1", "J9041", null, new BigDecimal("2.34"), io.oncoaudit.core.model.DoseUnit.MG,
                            Route.SC, null, null, false, new BigDecimal("0.06"), null, null)));
            noFindings(r);
        }

        @Test
        void commercialPayerWithoutJwJzPolicyNeedsNoModifier() {
            RecodeResult r = recode(Enc.medicare().payer("CIGNA").bill("96413", 1).bill("J9271", 200).iv("J9271", "200", "mg", "09:00", 30));
            noFindings(r);
        }

        @Test
        void combinationProductBilledAsComponents() {
            // Phesgo (J9316) loading dose billed as pertuzumab + trastuzumab + hyaluronidase with two injections
            RecodeResult r = recode(Enc.medicare().bill("96401", 2).bill("J9306:JZ", 1200).bill("J9355", 60).bill("J3473:JZ", 30000)
                    .inject(Route.SC, "J9316", "1800", "mg"));
            assertEquals("96401x1 J9316x180[JZ]", lines(r));
            List<Finding> splits = r.findings().stream().filter(x -> x.kind() == FindingKind.COMBINATION_PRODUCT_SPLIT).toList();
            assertEquals(2, splits.size(), r.findings().toString()); // the drug lines and the extra 96401
            assertEquals("J9306", splits.get(0).billedCode());
            assertEquals("J9316", splits.get(0).expectedCode());
            assertEquals("96401", splits.get(1).billedCode());
            assertEquals(2, r.findings().size(), r.findings().toString());
        }

        @Test
        void deletedDrugCodeIsReplacedBySuccessor() {
            RecodeResult r = recode(Enc.medicare().dos("2025-06-02").bill("96372", 1).bill("J2505:JZ", 1).inject(Route.SC, "J2505", "6", "mg"));
            Finding f = only(r, FindingKind.INVALID_DRUG_CODE);
            assertEquals("J2505", f.billedCode());
            assertEquals("J2506", f.expectedCode());
            assertEquals(12, f.expectedUnits());
            assertEquals(Direction.DENIAL, f.direction());
        }

        @Test
        void drugBilledWithoutAdministrationIsFlagged() {
            RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("J9045", 13).bill("J9267", 175).iv("J9045", "650", "mg", "09:00", 30));
            Finding f = only(r, FindingKind.DRUG_UNITS);
            assertEquals("J9267", f.billedCode());
            assertEquals(0, f.expectedUnits());
            assertEquals(Direction.OVERPAYMENT, f.direction());
        }
    }

    @Test
    void documentedAdministrationNotBilledIsMissing() {
        RecodeResult r = recode(Enc.medicare().bill("J9045", 13).iv("J9045", "650", "mg", "09:00", 30));
        Finding f = only(r, FindingKind.MISSING_ADMINISTRATION);
        assertEquals("96413", f.expectedCode());
        assertEquals(null, f.billedCode());
        assertEquals(new BigDecimal("119.36"), f.amount());
    }

    @Test
    void billedAdministrationWithoutRecordIsUnsupported() {
        RecodeResult r = recode(Enc.medicare().bill("96413", 1).bill("96375", 1).bill("J9045", 13).iv("J9045", "650", "mg", "09:00", 30));
        Finding f = only(r, FindingKind.UNSUPPORTED_ADMINISTRATION);
        assertEquals("96375", f.billedCode());
        assertEquals(Direction.OVERPAYMENT, f.direction());
    }

    @Test
    void otherLinesPassThroughAndAmountsAddUp() {
        RecodeResult r = recode(Enc.medicare().bill("85025", 1).bill("96372", 1).bill("J9395:JZ", 20).inject(Route.IM, "J9395", "500", "mg"));
        assertTrue(lines(r).contains("85025x1"), lines(r) + " " + r.findings());
        assertEquals(new BigDecimal("21.02"), r.netImpact());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("85025")), r.warnings().toString());
    }

    static void noneOf(RecodeResult r, FindingKind k) {
        assertTrue(r.findings().stream().noneMatch(f -> f.kind() == k), r.findings().toString());
    }
}
