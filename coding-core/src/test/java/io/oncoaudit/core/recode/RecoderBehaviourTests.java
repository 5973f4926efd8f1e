package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.PumpOwner;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Issue 13 section 2: the behaviour classes an independent coder found wrong, at their boundaries. */
class RecoderBehaviourTests extends RecoderTestSupport {

    @Test
    void findingsCiteOnlyPublicAuthoritiesAndKeepTheInternalProvenanceApart() {
        RecodeResult r = recode(Enc.medicare().bill("96372", 1).bill("J9395:JZ", 20).inject(Route.IM, "J9395", "500", "mg"));
        Finding f = only(r, FindingKind.DOWNCODED_TO_96372);
        assertFalse(f.citations().isEmpty());
        for (String c : f.citations()) assertFalse(c.contains("NOTES") || c.contains("decision") || c.contains("SEED"), c);
        assertTrue(f.provenance().stream().anyMatch(p -> p.contains("product decision 5")), f.provenance().toString());
        assertFalse(f.appealText().contains("NOTES"), f.appealText());
    }

    @Nested
    class Pump {
        // 5-FU 2,400 mg over 46 h on a pump: the record's times are the 20-minute hook-up visit (no > 8 h requirement)
        private Enc hookUp(String payer, PumpOwner owner) {
            return Enc.medicare().payer(payer).pumpOwned("J9190", "2400", "mg", "09:00", 20, owner);
        }

        @ParameterizedTest(name = "{0} owner {1}, billed {2} -> expected {3}, findings {4}")
        @CsvSource(value = {
                "MEDICARE|PRACTICE|G0498|G0498x1|0",
                "MEDICARE|PRACTICE|96416|G0498x1|1",
                "MEDICARE||G0498|96416x1|0",
                "MEDICARE||96416|96416x1|0",
                "MEDICARE|OTHER|G0498|96416x1|1",
                "MEDICARE|OTHER|96416|96416x1|0",
                "AETNA|PRACTICE|96416|96416x1|0",
                "AETNA|PRACTICE|G0498|96416x1|1",
                "AETNA||G0498|96416x1|1",
                "MEDICAID||96416|96416x1|0"}, delimiter = '|')
        void pumpStartCodeByPayerAndOwner(String payer, String owner, String billed, String expected, int findings) {
            RecodeResult r = recode(hookUp(payer, owner == null ? null : PumpOwner.valueOf(owner)).bill(billed, 1).bill("J9190", 5));
            assertEquals(expected, adminCodes(r));
            assertEquals(findings, r.findings().size(), r.findings().toString());
            if (findings == 1) {
                Finding f = r.findings().get(0);
                assertEquals(billed, f.billedCode());
                assertEquals(expected.substring(0, 5), f.expectedCode());
                assertEquals("OA-PUMP-001", f.ruleId());
            }
        }

        @Test
        void hookUpVisitTimesAreNotTheInfusionAndNeedNoEightHours() {
            RecodeResult r = recode(Enc.medicare().payer("UHC").iv("J9263", "170", "mg", "09:00", 120)
                    .pumpOwned("J9190", "2400", "mg", "11:05", 15, null)
                    .bill("96413", 1).bill("96415", 1).bill("96416", 1).bill("J9263", 340).bill("J9190", 5));
            assertEquals("96413x1 96415x1 96416x1", adminCodes(r));
            noFindings(r);
        }
    }

    @Nested
    class UnclassifiedDrugs {
        @Test
        void unknownIvDrugKeepsTheBilledAdministrationCodesWithoutFindings() {
            // 125 minutes would be 96413 + 96415 for a chemotherapy drug: the drug is unknown, so nothing is asserted
            RecodeResult r = recode(Enc.medicare().iv("J9998", "100", "mg", "09:00", 125).bill("96413", 1).bill("J9998", 1));
            assertEquals("96413x1", adminCodes(r));
            noFindings(r);
            assertEquals(1, r.unclassifiedDrugs().size());
            assertEquals("J9998", r.unclassifiedDrugs().get(0).drugCode());
            assertFalse(r.warnings().isEmpty());
        }

        @Test
        void unknownSubcutaneousDrugIsNotForcedTo96372() {
            RecodeResult r = recode(Enc.medicare().inject(Route.SC, "J9998", "1", "mg").bill("96401", 1).bill("J9998", 1));
            assertEquals("96401x1", adminCodes(r));
            noFindings(r);
            assertEquals(1, r.unclassifiedDrugs().size());
        }

        @Test
        void unknownSubcutaneousDrugBilledAs96372IsNotRaisedEither() {
            RecodeResult r = recode(Enc.medicare().inject(Route.SC, "J9998", "1", "mg").bill("96372", 1).bill("J9998", 1));
            assertEquals("96372x1", adminCodes(r));
            noFindings(r);
        }

        @Test
        void aspDrugWithoutAPublicClassIsAReviewItem() {
            // abatacept is in the CMS ASP files (10 mg units) but no public source here classifies its administration
            RecodeResult r = recode(Enc.medicare().dx("M05.79").iv("J0129", "750", "mg", "09:00", 35).bill("96413", 1).bill("J0129", 75));
            assertEquals("96413x1", adminCodes(r));
            noFindings(r);
            assertEquals("J0129", r.unclassifiedDrugs().get(0).drugCode());
        }

        @Test
        void aspOnlyChemotherapyDrugIsJudgedByItsPublicClass() {
            // datopotamab deruxtecan (J9011, HCPCS chemotherapy range): an infusion billed as therapeutic
            RecodeResult r = recode(Enc.medicare().iv("J9011", "360", "mg", "09:00", 60).bill("96365", 1).bill("J9011", 360));
            assertEquals("96413x1", adminCodes(r));
            assertEquals(List.of(FindingKind.CHEMO_BILLED_AS_THERAPEUTIC), kinds(r));
        }

        @Test
        void knownDrugsBesideAnUnknownOneOnAnotherRouteAreStillJudged() {
            RecodeResult r = recode(Enc.medicare().dx("C50.911").inject(Route.IM, "J9395", "500", "mg").iv("J9998", "1", "mg", "09:00", 125)
                    .bill("96372", 1).bill("J9395:JZ", 20).bill("96413", 1).bill("J9998", 1));
            assertEquals("96402x1 96413x1", adminCodes(r).replace("96413x1 96402x1", "96402x1 96413x1"));
            assertEquals(java.util.List.of(FindingKind.DOWNCODED_TO_96372), kinds(r));
        }
    }

    @Nested
    class ClassFollowsDrugAndIndication {
        @ParameterizedTest(name = "{0} for {1} billed {2} -> {3}")
        @CsvSource({
                "J1950,C50.911,96372,96402", "J1950,N80.0,96402,96372", "J1950,N97.9,96372,96372",
                "J9217,C61,96372,96402", "J9217,N80.0,96372,96372", "J9217,D25.9,96402,96372"})
        void leuprolideByDiagnosis(String drug, String dx, String billed, String expected) {
            String units = drug.equals("J1950") ? "1" : "1";
            String dose = drug.equals("J1950") ? "3.75" : "7.5";
            RecodeResult r = recode(Enc.medicare().dx(dx).inject(Route.IM, drug, dose, "mg").bill(billed, 1).bill(drug + ":JZ", Integer.parseInt(units)));
            assertEquals(expected, adminCodes(r).substring(0, 5));
            assertEquals(billed.equals(expected) ? 0 : 1, r.findings().size(), r.findings().toString());
        }
    }

    @Nested
    class Routes {
        @Test
        void onBodyInjectorIsItsOwnCodeInFullMode() {
            RecodeResult r = recode(Enc.medicare().inject(Route.SC, "J2506", "6", "mg").bill("96377", 1).bill("J2506:JZ", 12));
            assertEquals("96377x1", adminCodes(r));
            noFindings(r);
        }

        @Test
        void onBodyInjectorIsItsOwnCodeInClaimsOnlyMode() {
            RecodeResult r = recode(Enc.medicare().bill("96377", 1).bill("J2506:JZ", 12));
            assertEquals("96377x1", adminCodes(r));
            noFindings(r);
        }

        @ParameterizedTest(name = "{0} lesions -> {1}")
        @CsvSource({"1,96405", "7,96405", "8,96406", "12,96406"})
        void intralesionalChemotherapyReplaces11900(int lesions, String expected) {
            String billed = lesions > 7 ? "11901" : "11900";
            RecodeResult r = recode(Enc.medicare().dx("C44.91").intralesional("J9040", "15", "units", lesions).bill(billed, 1).bill("J9040:JZ", 1));
            assertEquals(expected + "x1 J9040x1[JZ]", lines(r));
            Finding f = r.findings().get(0);
            assertEquals(1, r.findings().size(), r.findings().toString());
            assertEquals(billed, f.billedCode());
            assertEquals(expected, f.expectedCode());
        }

        @Test
        void intralesionalChemotherapyBilledBesideTheLesionInjectionCode() {
            RecodeResult r = recode(Enc.medicare().dx("C44.91").intralesional("J9040", "15", "units", 3).bill("96405", 1).bill("11900", 1).bill("J9040:JZ", 1));
            assertEquals("96405x1 J9040x1[JZ]", lines(r));
            Finding f = only(r, FindingKind.UNSUPPORTED_ADMINISTRATION);
            assertEquals("11900", f.billedCode());
            assertEquals(Direction.OVERPAYMENT, f.direction());
        }

        @ParameterizedTest(name = "intravesical {0} -> 51720")
        @CsvSource({"J9030,81,mg", "J9280,40,mg", "J9201,2000,mg"})
        void intravesicalInstillation(String drug, String dose, String unit) {
            RecodeResult r = recode(Enc.medicare().dx("C67.9").inject(Route.INTRAVESICAL, drug, dose, unit).bill("96401", 1));
            assertTrue(lines(r).startsWith("51720x1"), lines(r));
            Finding f = r.findings().stream().filter(x -> "96401".equals(x.billedCode())).findFirst().orElseThrow();
            assertEquals("51720", f.expectedCode());
        }

        @Test
        void histrelinImplantIsInsertedThroughAnIncision() {
            RecodeResult r = recode(Enc.medicare().dx("C61").inject(Route.IMPLANT, "J9226", "50", "mg").bill("11981", 1).bill("J9226", 1));
            assertEquals("11981x1 J9226x1", lines(r).replace("[JZ]", ""));
            assertTrue(r.findings().stream().noneMatch(x -> x.billedCode() != null && x.billedCode().equals("11981")), r.findings().toString());
        }

        @ParameterizedTest(name = "goserelin route {0} -> 96402")
        @CsvSource({"SC", "IMPLANT"})
        void goserelinImplantIsInjectedSubcutaneously(Route route) {
            RecodeResult r = recode(Enc.medicare().dx("C61").inject(route, "J9202", "3.6", "mg").bill("96402", 1).bill("J9202:JZ", 1));
            assertEquals("96402x1 J9202x1[JZ]", lines(r));
            noFindings(r);
        }
    }

    @Nested
    class ClaimsOnly {
        @Test
        void ivCodeWithOnlyIntramuscularDrugsIsNotKept() {
            RecodeResult r = recode(Enc.medicare().dx("C50.911").bill("96413", 1).bill("J9395:JZ", 20));
            assertEquals("96402x1", adminCodes(r));
        }

        @Test
        void ivPushWithOnlySubcutaneousDrugsIsNotKept() {
            RecodeResult r = recode(Enc.medicare().dx("C90.00").bill("96409", 1).bill("J9041:JZ", 25));
            assertEquals("96401x1", adminCodes(r));
        }

        @ParameterizedTest(name = "claims-only {0} billed G0498 -> {1}")
        @CsvSource({"AETNA,96416", "MEDICARE,G0498"})
        void g0498IsAMedicareCode(String payer, String expected) {
            RecodeResult r = recode(Enc.medicare().payer(payer).bill("96413", 1).bill("G0498", 1).bill("J9190", 10).bill("J9045", 13));
            assertTrue(adminCodes(r).contains(expected), adminCodes(r));
            assertEquals(payer.equals("MEDICARE") ? 0 : 1, r.findings().size(), r.findings().toString());
        }

        @ParameterizedTest(name = "claims-only {0} billed with {1} -> {2}")
        @CsvSource({"J9030,96401,51720", "J9226,96402,11981", "J9030,51720,51720", "J9226,11981,11981"})
        void drugsOfTheirOwnRoute(String drug, String billed, String expected) {
            RecodeResult r = recode(Enc.medicare().dx("C67.9").bill(billed, 1).bill(drug, 1));
            assertEquals(expected + "x1 " + drug + "x1", lines(r));
        }

        @Test
        void lesionInjectionCodeBesideIntralesionalChemotherapyIsNotExpected() {
            RecodeResult r = recode(Enc.medicare().dx("C44.91").bill("96405", 1).bill("11900", 1).bill("J9040", 1));
            assertEquals("96405x1 J9040x1", lines(r));
            assertEquals("11900", only(r, FindingKind.UNSUPPORTED_ADMINISTRATION).billedCode());
            RecodeResult withSteroid = recode(Enc.medicare().dx("C44.91").bill("96405", 1).bill("11900", 1).bill("J9040", 1).bill("J3301", 4));
            assertTrue(lines(withSteroid).contains("11900x1"), lines(withSteroid));
        }

        @Test
        void aspOnlyDrugOfUnknownRouteBilledWithAnInjectionOnly() {
            // omacetaxine (J9262, HCPCS chemotherapy range, route not in the drug table) billed with 96372 and no IV service
            RecodeResult r = recode(Enc.medicare().dx("C92.10").bill("96372", 1).bill("J9262", 125));
            assertEquals("96401x1", adminCodes(r));
        }

        @Test
        void nonHormonalAntineoplasticBilledAs96372ForANonCancerDiagnosis() {
            // methotrexate injected for rheumatoid arthritis: CPT chemotherapy codes apply to antineoplastics for non-cancer conditions
            RecodeResult r = recode(Enc.medicare().dx("M05.79").bill("96372", 1).bill("J9260", 1));
            assertEquals("96401x1", adminCodes(r));
            assertEquals(FindingKind.DOWNCODED_TO_96372, only(r, FindingKind.DOWNCODED_TO_96372).kind());
        }
    }

    @Nested
    class SecondInitialService {
        @Test
        void differentAccessSiteWithoutReasonIsOneInitialService() {
            RecodeResult r = recode(Enc.medicare().ivSite("J9045", "650", "mg", "09:00", 60, "left forearm", null)
                    .ivSite("J0640", "400", "mg", "09:10", 40, "right forearm", null));
            assertEquals("96413x1 96368x1", adminCodes(r));
        }

        @Test
        void documentedSeparateSiteReasonGivesASecondInitialWithModifier() {
            RecodeResult r = recode(Enc.medicare().ivSite("J9045", "650", "mg", "09:00", 60, "left forearm", null)
                    .ivSite("J0640", "400", "mg", "09:10", 40, "right forearm", "protocol requires a separate line (incompatible drugs)"));
            assertEquals("96413x1 96365x1[59]", adminCodes(r));
        }

        @Test
        void billedSecondInitialWithoutADocumentedReasonIsAFinding() {
            RecodeResult r = recode(Enc.medicare().ivSite("J9045", "650", "mg", "09:00", 60, "left forearm", null)
                    .ivSite("J0640", "400", "mg", "09:10", 40, "right forearm", null)
                    .bill("96413", 1).bill("96365:59", 1).bill("J9045", 13));
            assertEquals("96413x1 96368x1", adminCodes(r));
            assertFalse(r.findings().isEmpty());
            assertTrue(r.findings().stream().anyMatch(f -> "96365".equals(f.billedCode())), r.findings().toString());
        }
    }

    @Nested
    class Hydration {
        @ParameterizedTest(name = "hydration {0} + {1} min (apart) -> [{2}]")
        @CsvSource(value = {"15|15|", "15|16|96360x1", "20|20|96360x1", "45|45|96360x1", "50|41|96360x1 96361x1", "10|21|96360x1"}, delimiter = '|')
        void nonContiguousIntervalsAreSummed(int first, int second, String expected) {
            RecodeResult r = recode(Enc.medicare().iv("J7030", "500", "mL", "09:00", first).iv("J7030", "500", "mL", "13:00", second));
            assertEquals(expected == null ? "" : expected, adminCodes(r));
        }

        @Test
        void payerPolicyMayJudgeEachIntervalAlone() {
            var policy = new io.oncoaudit.core.tables.PayerPolicy("ACME", "Acme Health", io.oncoaudit.core.tables.PayerType.COMMERCIAL,
                    false, null, "payer-policy team", "Acme: each hydration interval stands alone", false);
            var tables = io.oncoaudit.core.tables.ReferenceTables.builtIn();
            Recoder recoder = new Recoder(tables.withPayers(tables.payers().with(policy)), TestFees.INSTANCE);
            RecodeResult apart = recoder.recode(Enc.medicare().payer("ACME").iv("J7030", "500", "mL", "09:00", 20).iv("J7030", "500", "mL", "13:00", 20).build());
            assertEquals("", adminCodes(apart));
            RecodeResult summed = recode(Enc.medicare().payer("AETNA").iv("J7030", "500", "mL", "09:00", 20).iv("J7030", "500", "mL", "13:00", 20));
            assertEquals("96360x1", adminCodes(summed));
        }

        @Test
        void summedHydrationAfterChemotherapyIsSecondary() {
            RecodeResult r = recode(Enc.medicare().iv("J7030", "250", "mL", "08:40", 20).iv("J9045", "650", "mL".equals("") ? "mg" : "mg", "09:00", 60)
                    .iv("J7030", "250", "mL", "10:00", 20));
            assertEquals("96413x1 96361x1", adminCodes(r));
        }
    }

    @Nested
    class EmOnAnAdministrationDay {
        @Test
        void medicareNurseVisitWithAnAdministrationIsAnOverpayment() {
            RecodeResult r = recode(Enc.medicare().dx("C61").inject(Route.IM, "J9217", "7.5", "mg").bill("99211", 1).bill("96402", 1).bill("J9217:JZ", 1));
            assertEquals("96402x1 J9217x1[JZ]", lines(r));
            Finding f = only(r, FindingKind.EM_WITH_ADMINISTRATION);
            assertEquals("99211", f.billedCode());
            assertEquals(null, f.expectedCode());
            assertEquals(Direction.OVERPAYMENT, f.direction());
            assertEquals("OA-EM-001", f.ruleId());
            assertFalse(f.citations().isEmpty());
        }

        @Test
        void nurseVisitWithModifier25IsStillNotPaidByMedicare() {
            RecodeResult r = recode(Enc.medicare().dx("C61").inject(Route.IM, "J9217", "7.5", "mg").bill("99211:25", 1).bill("96402", 1).bill("J9217:JZ", 1));
            only(r, FindingKind.EM_WITH_ADMINISTRATION);
        }

        @Test
        void higherVisitWithoutModifier25IsAMissingModifier() {
            RecodeResult r = recode(Enc.medicare().dx("C61").inject(Route.IM, "J9217", "7.5", "mg").bill("99213", 1).bill("96402", 1).bill("J9217:JZ", 1));
            assertTrue(lines(r).contains("99213x1[25]"), lines(r));
            Finding f = only(r, FindingKind.MISSING_DISTINCT_MODIFIER);
            assertEquals("99213", f.billedCode());
            assertEquals(Direction.DENIAL, f.direction());
            assertEquals("OA-EM-001", f.ruleId());
        }

        @ParameterizedTest(name = "{0} billed {1} -> {2} finding(s)")
        @CsvSource({"MEDICARE,99213:25,0", "AETNA,99211,0", "AETNA,99214,1", "AETNA,99214:25,0", "MEDICARE,99215:25,0"})
        void byPayerPolicy(String payer, String visit, int findings) {
            RecodeResult r = recode(Enc.medicare().payer(payer).dx("C61").inject(Route.IM, "J9217", "7.5", "mg").bill(visit, 1).bill("96402", 1).bill("J9217:JZ", 1));
            assertEquals(findings, r.findings().size(), r.findings().toString());
        }

        @Test
        void visitWithoutAnyAdministrationIsNotJudged() {
            RecodeResult r = recode(Enc.medicare().bill("99211", 1).bill("99213", 1));
            noFindings(r);
        }

        @Test
        void claimsOnlyNurseVisitWithChemotherapy() {
            RecodeResult r = recode(Enc.medicare().bill("99211", 1).bill("96413", 1).bill("J9045", 13));
            assertEquals("96413x1 J9045x13", lines(r));
            only(r, FindingKind.EM_WITH_ADMINISTRATION);
        }
    }

    @Nested
    class Ncci {
        @Test
        void thoracentesisIsIncludedInPleuralChemotherapy() {
            RecodeResult r = recode(Enc.medicare().dx("C78.2").inject(Route.INTRAPLEURAL, "J9045", "100", "mg").bill("96440", 1).bill("32555", 1).bill("J9045", 2));
            assertEquals("96440x1 J9045x2", lines(r));
            Finding f = only(r, FindingKind.NCCI_PTP_EDIT);
            assertEquals("32555", f.billedCode());
            assertEquals(null, f.expectedCode());
            assertEquals("0", f.details().get("modifierIndicator"));
            assertEquals("96440", f.details().get("column1"));
            assertEquals("false", f.details().get("appealable"));
            assertEquals(null, f.appealText(), "an indicator-0 pair is never offered for appeal");
            assertEquals("OA-NCCI-001", f.ruleId());
            assertFalse(f.citations().isEmpty());
        }

        @Test
        void spinalPunctureIsIncludedInIntrathecalChemotherapyEvenWithModifier59() {
            RecodeResult r = recode(Enc.medicare().dx("C91.00").bill("96450", 1).bill("62270:59", 1).bill("J9260", 1));
            assertEquals("96450x1 J9260x1", lines(r));
            assertEquals("62270", only(r, FindingKind.NCCI_PTP_EDIT).billedCode());
        }

        @Test
        void officialFilesLoadedWithNcciAddEditsAndMues(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Files.writeString(dir.resolve("ccipra-test-2026q3.txt"), "Column 1\tColumn 2\n96413\t36000\t*\t20020101\t*\t1\tMisuse of column two code with column one code\n");
            java.nio.file.Files.writeString(dir.resolve("mue-practitioner-2026-01-test.csv"), "\"notice\"\nHCPCS/CPT Code,Practitioner Services MUE Values,MUE Adjudication Indicator,MUE Rationale\n"
                    + "J9045,20,3 Date of Service Edit: Clinical,Prescribing Information\n96402,2,2 Date of Service Edit: Policy,Code Descriptor / CPT Instruction\n");
            var ncci = io.oncoaudit.core.tables.ncci.NcciEdits.shipped().withDirectory(dir);
            Recoder recoder = new Recoder(io.oncoaudit.core.tables.ReferenceTables.builtIn(), TestFees.INSTANCE, ncci);
            RecodeResult ptp = recoder.recode(Enc.medicare().bill("96413", 1).bill("36000", 1).bill("J9045", 13).build());
            Finding f = only(ptp, FindingKind.NCCI_PTP_EDIT);
            assertEquals("1", f.details().get("modifierIndicator"));
            assertEquals(Direction.DENIAL, f.direction());
            assertTrue(f.appealText() != null);
            assertTrue(recoder.recode(Enc.medicare().bill("96413", 1).bill("36000:XU", 1).bill("J9045", 13).build()).findings().isEmpty());
            RecodeResult mue = recoder.recode(Enc.medicare().bill("96413", 1).bill("J9045", 25).build());
            Finding m = only(mue, FindingKind.MUE_EXCEEDED);
            assertEquals("20", m.details().get("mueValue"));
            assertEquals("3", m.details().get("mai"));
            assertEquals(20, m.expectedUnits());
            assertTrue(lines(mue).contains("J9045x20"), lines(mue));
            RecodeResult policy = recoder.recode(Enc.medicare().dx("C61").bill("96402", 3).bill("J9217", 3).build());
            Finding p = only(policy, FindingKind.MUE_EXCEEDED);
            assertEquals(null, p.appealText(), "MAI 2 (policy) is not offered for appeal");
        }
    }
}
