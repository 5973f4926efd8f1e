package io.oncoaudit.core.recode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in CMS default (contract section 10) on the shipped CMS files: professional claims on the PFS by setting
 * with the lesser of charge and price, institutional (TOB 13x) claims on OPPS by status indicator, drugs at the ASP
 * limit of the quarter. Every expected figure is worked from the shipped files by hand (rates quoted in comments).
 */
class BuiltInPricingTests {
    private static final Recoder CMS = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());

    /** A terse claim: lines "CODE xUNITS @CHARGE", administrations added separately. */
    private static final class Claim {
        final List<ClaimLine> lines = new ArrayList<>();
        final List<Administration> admins = new ArrayList<>();
        LocalDate dos = LocalDate.of(2025, 11, 10);
        String pos = "11";
        ClaimType type = ClaimType.PROFESSIONAL;
        String billType;

        Claim bill(String code, int units, String charge) {
            lines.add(new ClaimLine(lines.size() + 1, code, List.of(), BigDecimal.valueOf(units), null, new BigDecimal(charge), null, null,
                    List.of(), List.of()));
            return this;
        }

        Claim billPaid(String code, int units, String charge, String allowed) {
            lines.add(new ClaimLine(lines.size() + 1, code, List.of(), BigDecimal.valueOf(units), null, new BigDecimal(charge),
                    new BigDecimal(allowed), new BigDecimal(allowed), List.of(), List.of()));
            return this;
        }

        Claim billNdc(String code, int units, String charge, String ndc) {
            lines.add(new ClaimLine(lines.size() + 1, code, List.of(), BigDecimal.valueOf(units), ndc, new BigDecimal(charge), null, null,
                    List.of(), List.of()));
            return this;
        }

        Claim iv(String drug, String mg, int minutes) {
            LocalDateTime s = dos.atTime(9, 0);
            admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(mg), DoseUnit.parse("doseUnit", "mg"),
                    Route.IV, s, s.plusMinutes(minutes), false, null, null, null));
            return this;
        }

        Claim sc(String drug, String mg) {
            admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(mg), DoseUnit.parse("doseUnit", "mg"),
                    Route.SC, null, null, false, null, null, null));
            return this;
        }

        Claim hospital() {
            type = ClaimType.INSTITUTIONAL;
            billType = "131";
            pos = "22";
            return this;
        }

        Claim on(String d) { dos = LocalDate.parse(d); return this; }

        Claim at(String p) { pos = p; return this; }

        RecodeResult recode() { return recode(CMS); }

        RecodeResult recode(Recoder recoder) {
            Encounter e = new Encounter("C-1", "P-1", dos, "1234567893", null, "Oncology", "MEDICARE", null, pos, List.of("C34.90"),
                    lines, admins, type, billType, null, null, null);
            RecodeResult r = recoder.recode(e);
            assertNull(r.error(), () -> String.valueOf(r.error()));
            return r;
        }
    }

    private static Finding only(RecodeResult r, FindingKind k) {
        List<Finding> fs = r.findings().stream().filter(f -> f.kind() == k).toList();
        assertEquals(1, fs.size(), () -> k + " in " + r.findings());
        return fs.get(0);
    }

    private static void money(String expected, BigDecimal actual) {
        assertEquals(new BigDecimal(expected), actual);
    }

    @Test
    void professionalOfficeChemoBilledAsTherapeuticIsPfsDifferenceAndDrugAtAsp() {
        // PFS 2025 national NF: 96365 57.90, 96413 119.36; ASP 2025-10 J9271 60.291 per 1 mg
        RecodeResult r = new Claim().bill("96365", 1, "300.00").bill("J9271", 200, "15000.00").iv("J9271", "200", 30).recode();
        Finding f = only(r, FindingKind.CHEMO_BILLED_AS_THERAPEUTIC);
        assertEquals(Direction.UNDERPAYMENT, f.direction());
        money("61.46", f.amount());
        money("57.90", f.pricing().billedPrice());
        money("119.36", f.pricing().expectedPrice());
        money("300.00", f.pricing().expectedChargeBasis());
        assertEquals("PFS 2025 October", f.pricing().tableVersion());
        money("12116.10", r.billedAmount());   // 57.90 + 12058.20
        money("12177.56", r.expectedAmount()); // 119.36 + 12058.20
        money("61.46", r.netImpact());         // the totals agree with the finding
    }

    @Test
    void lesserOfChargeAndPriceCapsTheCorrectedLine() {
        // charge 100.00 for 96365: billed value min(100, 57.90) = 57.90; expected basis 100.00 x 1 < 119.36
        RecodeResult r = new Claim().bill("96365", 1, "100.00").bill("J9271", 200, "15000.00").iv("J9271", "200", 30).recode();
        Finding f = only(r, FindingKind.CHEMO_BILLED_AS_THERAPEUTIC);
        money("42.10", f.amount());
        money("100.00", f.pricing().expectedValue());
        money("100.00", f.pricing().expectedChargeBasis());
        money("42.10", r.netImpact());
        // a drug line charged below its ASP value is worth its charge
        RecodeResult low = new Claim().bill("96413", 1, "500.00").bill("J9271", 200, "10000.00").iv("J9271", "200", 60).recode();
        money("10119.36", low.billedAmount());
    }

    @Test
    void hospitalOutpatientChemoBilledAsTherapeuticIsTheOppsApcDifference() {
        // OPPS 2025-10: 96365 S 5693 210.69, 96413 S 5694 331.69; J9271 K at ASP 2025-10 60.291
        RecodeResult r = new Claim().hospital().bill("96365", 1, "900.00").bill("J9271", 200, "30000.00").iv("J9271", "200", 30).recode();
        Finding f = only(r, FindingKind.CHEMO_BILLED_AS_THERAPEUTIC);
        assertEquals(Direction.UNDERPAYMENT, f.direction());
        money("121.00", f.amount());
        assertEquals("OPPS 2025-10", f.pricing().tableVersion());
        money("12268.89", r.billedAmount());   // 210.69 + 12058.20
        money("12389.89", r.expectedAmount()); // 331.69 + 12058.20
        assertTrue(r.findings().stream().noneMatch(x -> x.kind() == FindingKind.NOT_PAYABLE_IN_SETTING), "no PFS NA on a hospital claim");
    }

    @Test
    void hospitalQ1DowncodingAloneIsSameApcAndBesideAnSServiceIsPackaged() {
        // bortezomib 2.5 mg SC = J9041 x25 (0.1 mg); OPPS 2025-10 J9041 SI N: packaged, never paid separately
        RecodeResult alone = new Claim().hospital().bill("96372", 1, "150.00").bill("J9041", 25, "500.00").sc("J9041", "2.5").recode();
        Finding f = only(alone, FindingKind.DOWNCODED_TO_96372);
        assertEquals(Direction.COMPLIANCE, f.direction());
        money("0.00", f.amount());
        assertTrue(f.pricing().note().contains("APC 5692"), f.pricing().note());
        money("71.17", alone.billedAmount()); // 96372 Q1 paid (no S/T/V on the claim) + J9041 N packaged
        assertEquals(alone.billedAmount(), alone.expectedAmount());

        RecodeResult packaged = new Claim().hospital().bill("96413", 1, "900.00").bill("96372", 1, "150.00").bill("J9271", 200, "30000.00")
                .bill("J9041", 25, "500.00").iv("J9271", "200", 60).sc("J9041", "2.5").recode();
        Finding p = only(packaged, FindingKind.DOWNCODED_TO_96372);
        assertEquals(Direction.COMPLIANCE, p.direction());
        assertTrue(p.pricing().note().contains("packaged"), p.pricing().note());
        money("12389.89", packaged.billedAmount()); // 331.69 + 0 (Q1 packaged) + 12058.20 + 0 (N)
    }

    @Test
    void professionalClaimAtPos22CarriesOnlyWhatThePhysicianBills() {
        RecodeResult r = new Claim().at("22").bill("96413", 1, "400.00").billPaid("J9271", 200, "15000.00", "12058.20")
                .iv("J9271", "200", 60).recode();
        List<Finding> nps = r.findings().stream().filter(x -> x.kind() == FindingKind.NOT_PAYABLE_IN_SETTING).toList();
        assertEquals(2, nps.size(), r.findings().toString());
        Finding admin = nps.stream().filter(x -> x.billedCode().equals("96413")).findFirst().orElseThrow();
        assertEquals(Direction.COMPLIANCE, admin.direction());
        assertTrue(admin.pricing().note().contains("NA"), admin.pricing().note());
        Finding drug = nps.stream().filter(x -> x.billedCode().equals("J9271")).findFirst().orElseThrow();
        assertEquals(Direction.OVERPAYMENT, drug.direction());
        money("12058.20", drug.amount());
        money("0.00", r.billedAmount());
        assertTrue(r.warnings().stream().noneMatch(w -> w.contains("no fee-schedule price for 96413")), r.warnings().toString());
    }

    @Test
    void aspQuarterBoundaryMarch31VersusApril1() {
        // ASP J9271: 2025-01 57.603, 2025-04 59.349 per mg
        RecodeResult march = new Claim().on("2025-03-31").bill("96413", 1, "400.00").bill("J9271", 200, "20000.00").iv("J9271", "200", 60).recode();
        RecodeResult april = new Claim().on("2025-04-01").bill("96413", 1, "400.00").bill("J9271", 200, "20000.00").iv("J9271", "200", 60).recode();
        money("11639.96", march.billedAmount()); // 119.36 + 200 x 57.603 = 11520.60
        money("11989.16", april.billedAmount()); // 119.36 + 200 x 59.349 = 11869.80
    }

    @Test
    void dateAfterTheShippedQuartersIsPricedFromTheNearestWithAWarning() {
        RecodeResult r = new Claim().on("2026-05-04").bill("96413", 1, "400.00").bill("J9271", 200, "20000.00").iv("J9271", "200", 60).recode();
        money("12064.56", r.billedAmount()); // 119.36 + 200 x 59.726 (ASP 2026-01)
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("ASP 2026-01")), r.warnings().toString());
        assertTrue(r.warnings().stream().anyMatch(w -> w.contains("PFS 2025 October")), r.warnings().toString());
    }

    @Test
    void hospitalClinicVisitIsStatusBAndG0463IsPaid() {
        RecodeResult em = new Claim().hospital().bill("99213", 1, "250.00").recode();
        money("0.00", em.billedAmount());
        RecodeResult g = new Claim().hospital().bill("G0463", 1, "250.00").recode();
        money("128.87", g.billedAmount());
    }

    @Test
    void oppsMultipleProcedureReductionAndComprehensiveApc() {
        // OPPS 2025-10: 10005 T 5071 703.59; 11102 T 5051 198.70 -> 703.59 + 198.70 x 50 % = 802.94
        money("802.94", new Claim().hospital().bill("11102", 1, "400.00").bill("10005", 1, "900.00").recode().billedAmount());
        // 36561 J1 5183 3147.50 packages the chemo infusion and the K drug of the claim
        RecodeResult j1 = new Claim().hospital().bill("36561", 1, "5000.00").bill("96413", 1, "900.00").bill("J9271", 200, "30000.00")
                .iv("J9271", "200", 60).recode();
        money("3147.50", j1.billedAmount());
    }

    @Test
    void chargeMasterIsTheChargeBasisOfTheExpectedLine(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path cm = dir.resolve("cdm.csv");
        java.nio.file.Files.writeString(cm, "procedure_code,charge\n96413,90.00\n");
        Recoder withCm = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn(null, null, null, cm));
        RecodeResult r = new Claim().bill("96365", 1, "300.00").bill("J9271", 200, "15000.00").iv("J9271", "200", 30).recode(withCm);
        Finding f = only(r, FindingKind.CHEMO_BILLED_AS_THERAPEUTIC);
        money("32.10", f.amount()); // min(119.36, 90.00) - 57.90
        money("90.00", f.pricing().expectedChargeBasis());
        money("32.10", r.netImpact());
    }

    @Test
    void tablesAsOfAnotherDateRepricesOnlyThePrices() {
        Claim c = new Claim().bill("96413", 1, "400.00").bill("J9271", 200, "20000.00").iv("J9271", "200", 60);
        RecodeResult now = c.recode();
        RecodeResult then = c.recode(new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn(null, null, LocalDate.of(2024, 2, 1), null)));
        money("12177.56", now.billedAmount());  // 119.36 + 200 x 60.291
        money("11265.36", then.billedAmount()); // 119.36 + 200 x 55.730 (ASP 2024-01)
        assertEquals(now.findings().size(), then.findings().size());
        assertEquals(now.expectedLines(), then.expectedLines());
    }

    @Test
    void ndcFormatCrosswalkAndPackageUnits() {
        // crosswalk 2025-10: 00006-3026-02 Keytruda under J9271, 100 billing units per package
        RecodeResult ok = new Claim().bill("96413", 1, "400.00").billNdc("J9271", 200, "20000.00", "00006-3026-02").iv("J9271", "200", 60).recode();
        assertTrue(ok.findings().stream().noneMatch(f -> f.kind().name().startsWith("NDC")), ok.findings().toString());
        RecodeResult digits = new Claim().bill("96413", 1, "400.00").billNdc("J9271", 200, "20000.00", "00006302602").iv("J9271", "200", 60).recode();
        assertTrue(digits.findings().stream().noneMatch(f -> f.kind().name().startsWith("NDC")), digits.findings().toString());

        RecodeResult bad = new Claim().bill("96413", 1, "400.00").billNdc("J9271", 200, "20000.00", "0006-3026-02").iv("J9271", "200", 60).recode();
        Finding fmt = only(bad, FindingKind.NDC_FORMAT);
        assertEquals(Direction.COMPLIANCE, fmt.direction());
        money("0.00", fmt.amount());

        RecodeResult wrong = new Claim().bill("96413", 1, "400.00").billNdc("J9035", 100, "9000.00", "00006-3026-02").iv("J9035", "1000", 60).recode();
        Finding mm = only(wrong, FindingKind.NDC_HCPCS_MISMATCH);
        assertTrue(mm.explanation().contains("J9271") && mm.explanation().contains("NDC-HCPCS crosswalk 2025-10"), mm.explanation());

        // over-billed units are the drug-units rule's finding: not reported twice
        RecodeResult over = new Claim().bill("96413", 1, "400.00").billNdc("J9271", 300, "30000.00", "00006-3026-02").iv("J9271", "200", 60).recode();
        assertNotNull(only(over, FindingKind.DRUG_UNITS));
        assertTrue(over.findings().stream().noneMatch(f -> f.kind() == FindingKind.NDC_UNITS_MISMATCH), over.findings().toString());
        // 150 mg from 100-unit packages: 2 packages hold 200 units; a documented waste of 80 mg (230 units) is more than they leave
        Claim wasted = new Claim().bill("96413", 1, "400.00").billNdc("J9271", 150, "15000.00", "00006-3026-02");
        wasted.lines.add(new ClaimLine(3, "J9271", List.of("JW"), BigDecimal.valueOf(80), "00006-3026-02", new BigDecimal("8000.00"), null, null,
                List.of(), List.of()));
        LocalDateTime s = wasted.dos.atTime(9, 0);
        wasted.admins.add(new Administration("A1", "J9271", null, new BigDecimal("150"), DoseUnit.parse("doseUnit", "mg"), Route.IV, s,
                s.plusMinutes(30), false, new BigDecimal("80"), null, null));
        RecodeResult w = wasted.recode();
        Finding u = only(w, FindingKind.NDC_UNITS_MISMATCH);
        assertTrue(u.explanation().contains("at most 200"), u.explanation());
        assertEquals(Direction.COMPLIANCE, u.direction());
    }
}
