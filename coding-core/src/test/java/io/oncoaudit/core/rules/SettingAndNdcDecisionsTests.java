package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.Step;
import io.oncoaudit.core.recode.TestFees;
import io.oncoaudit.core.rules.ndc.NdcFormat;
import io.oncoaudit.core.rules.ndc.NdcHcpcsMatch;
import io.oncoaudit.core.rules.ndc.NdcUnits;
import io.oncoaudit.core.rules.setting.NotPayableInSetting;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OA-SETTING-001 and OA-NDC-001/002/003 decisions: guard and action on a plan run up to their step. */
class SettingAndNdcDecisionsTests {
    private static final Recoder CMS = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());
    private static final Recoder LOADED = new Recoder(ReferenceTables.builtIn(), TestFees.INSTANCE);
    private static final LocalDate DOS = LocalDate.of(2025, 11, 10);
    private static final String KEYTRUDA = "00006-3026-02"; // crosswalk 2025-10: under J9271, 100 billing units per package

    /** A professional claim at {@code pos}; lines "code units charge allowed ndc [modifier]". */
    private static final class Claim {
        final List<ClaimLine> lines = new ArrayList<>();
        final List<Administration> admins = new ArrayList<>();
        String pos = "11";

        Claim line(String code, int units, String allowed, String ndc, String... mods) {
            lines.add(new ClaimLine(lines.size() + 1, code, List.of(mods), BigDecimal.valueOf(units), ndc, new BigDecimal("100.00"),
                    allowed == null ? null : new BigDecimal(allowed), allowed == null ? null : new BigDecimal(allowed), List.of(), List.of()));
            return this;
        }

        Claim iv(String drug, String mg, int minutes, String wastedMg) {
            LocalDateTime s = DOS.atTime(9, 0);
            admins.add(new Administration("A" + (admins.size() + 1), drug, null, new BigDecimal(mg), DoseUnit.parse("doseUnit", "mg"), Route.IV,
                    s, s.plusMinutes(minutes), false, wastedMg == null ? null : new BigDecimal(wastedMg), null, null));
            return this;
        }

        Claim at(String p) { pos = p; return this; }

        Encounter build() {
            return new Encounter("C-1", "P-1", DOS, "1234567893", null, "Oncology", "MEDICARE", null, pos, List.of("C34.90"), lines, admins,
                    ClaimType.PROFESSIONAL, null, null, null, null);
        }
    }

    /** The plan of the encounter's mode with every step before the one named {@code prefix...} run. */
    private static CodingPlan before(Recoder recoder, Claim c, String prefix) {
        Encounter e = c.build();
        CodingPlan p = recoder.plan(e);
        for (Step s : e.claimsOnly() ? RuleCatalog.CLAIMS_ONLY_MODE : RuleCatalog.FULL_MODE) {
            if (s.name().startsWith(prefix)) return p;
            s.run(p);
        }
        throw new AssertionError("no step " + prefix);
    }

    private static Finding last(CodingPlan p) { return p.findings().get(p.findings().size() - 1); }

    @Test
    void settingGuardNeedsTheBuiltInCmsDefaultAndACodeTheSettingDoesNotPay() {
        Claim pos22 = new Claim().at("22").line("96413", 1, null, null).line("J9271", 200, "12058.20", null).iv("J9271", "200", 60, null);
        CodingPlan p = before(CMS, pos22, "codes not payable");
        assertTrue(NotPayableInSetting.LINE.appliesTo(p, pos22.lines.get(0)), "96413: PFS facility NA");
        assertTrue(NotPayableInSetting.LINE.appliesTo(p, pos22.lines.get(1)), "a drug the hospital supplies at place of service 22");
        Claim office = new Claim().line("96413", 1, null, null).line("J9271", 200, "12058.20", null).iv("J9271", "200", 60, null);
        CodingPlan o = before(CMS, office, "codes not payable");
        assertFalse(NotPayableInSetting.LINE.appliesTo(o, office.lines.get(0)), "office: paid at the non-facility price");
        assertFalse(NotPayableInSetting.LINE.appliesTo(o, office.lines.get(1)));
        CodingPlan loaded = before(LOADED, pos22, "codes not payable");
        assertFalse(NotPayableInSetting.LINE.appliesTo(loaded, pos22.lines.get(0)), "a loaded fee schedule prices what it prices");
    }

    @Test
    void settingActionIsAnOverpaymentOfTheAllowedAmountElseCompliance() {
        Claim pos22 = new Claim().at("22").line("96413", 1, null, null).line("J9271", 200, "12058.20", null).iv("J9271", "200", 60, null);
        CodingPlan p = before(CMS, pos22, "codes not payable");
        int n = p.findings().size();
        NotPayableInSetting.LINE.apply(p, pos22.lines.get(1));
        Finding drug = last(p);
        assertEquals(n + 1, p.findings().size());
        assertEquals(FindingKind.NOT_PAYABLE_IN_SETTING, drug.kind());
        assertEquals("OA-SETTING-001", drug.ruleId());
        assertEquals(Direction.OVERPAYMENT, drug.direction());
        assertEquals(new BigDecimal("12058.20"), drug.amount());
        assertEquals(2, drug.lineNumber());
        assertTrue(drug.explanation().endsWith("the payer allowed $12058.20 on the line."), drug.explanation());
        NotPayableInSetting.LINE.apply(p, pos22.lines.get(0));
        Finding admin = last(p);
        assertEquals(Direction.COMPLIANCE, admin.direction());
        assertEquals(0, admin.amount().signum());
        assertTrue(admin.explanation().contains("facility NA indicator"), admin.explanation());
    }

    @Test
    void ndcFormatGuardTakesOnlyAMalformedNdcAndTheMatchOnlyAValidOne() {
        Claim c = new Claim().line("96413", 1, null, null).line("J9271", 200, null, "0006-3026-02").line("J9271", 200, null, KEYTRUDA)
                .iv("J9271", "200", 60, null);
        CodingPlan p = before(CMS, c, "NDC of each billed line");
        ClaimLine none = c.lines.get(0), bad = c.lines.get(1), good = c.lines.get(2);
        assertFalse(NdcFormat.LINE.appliesTo(p, none));
        assertFalse(NdcHcpcsMatch.LINE.appliesTo(p, none), "no NDC on the line: neither applies");
        assertTrue(NdcFormat.LINE.appliesTo(p, bad));
        assertFalse(NdcHcpcsMatch.LINE.appliesTo(p, bad));
        assertFalse(NdcFormat.LINE.appliesTo(p, good));
        assertTrue(NdcHcpcsMatch.LINE.appliesTo(p, good));
        NdcFormat.LINE.apply(p, bad);
        Finding f = last(p);
        assertEquals(FindingKind.NDC_FORMAT, f.kind());
        assertEquals("OA-NDC-001", f.ruleId());
        assertEquals(Direction.COMPLIANCE, f.direction());
        assertEquals(0, f.amount().signum());
        assertTrue(f.explanation().startsWith("the NDC '0006-3026-02' on line 2 is not 11 digits"), f.explanation());
    }

    @Test
    void ndcMatchKeepsThePackageFindsAnotherCodesNdcAndWarnsOnAnUnlistedOne() {
        Claim c = new Claim().line("J9271", 200, null, KEYTRUDA).line("J9035", 100, null, KEYTRUDA).line("J9045", 10, null, "99999-9999-99")
                .iv("J9271", "200", 60, null);
        CodingPlan p = before(CMS, c, "NDC of each billed line");
        int n = p.findings().size();
        NdcHcpcsMatch.LINE.apply(p, c.lines.get(0));
        assertEquals(n, p.findings().size(), "listed under the billed code: no finding");
        assertEquals(List.of("J9271"), List.copyOf(p.ndcPackages().keySet()));
        assertEquals(0, new BigDecimal("100").compareTo(p.ndcPackages().get("J9271").billUnitsPkg()));

        NdcHcpcsMatch.LINE.apply(p, c.lines.get(1));
        Finding mm = last(p);
        assertEquals(FindingKind.NDC_HCPCS_MISMATCH, mm.kind());
        assertTrue(mm.explanation().contains("is listed under J9271, not under the billed J9035"), mm.explanation());
        assertEquals(List.of("J9271"), List.copyOf(p.ndcPackages().keySet()), "a mismatched line keeps no package");

        int w = p.warnings().size();
        NdcHcpcsMatch.LINE.apply(p, c.lines.get(2));
        assertEquals(n + 1, p.findings().size(), "an NDC the crosswalk does not list is not a finding");
        assertTrue(p.warnings().stream().skip(w).anyMatch(x -> x.startsWith("NDC 99999-9999-99 (line 3) is not in the")), p.warnings().toString());
    }

    @Test
    void ndcUnitsGuardNeedsAKeptPackageAndADocumentedDose() {
        Claim noNdc = new Claim().line("96413", 1, null, null).line("J9271", 200, null, null).iv("J9271", "200", 60, null);
        assertFalse(NdcUnits.PACKAGES.appliesTo(before(CMS, noNdc, "NDC packages")), "no NDC matched");
        Claim claimsOnly = new Claim().line("96413", 1, null, null).line("J9271", 300, null, KEYTRUDA);
        CodingPlan co = before(CMS, claimsOnly, "NDC packages");
        assertFalse(co.ndcPackages().isEmpty());
        assertFalse(NdcUnits.PACKAGES.appliesTo(co), "claims-only: no documented dose");
        Claim full = new Claim().line("96413", 1, null, null).line("J9271", 200, null, KEYTRUDA).iv("J9271", "200", 60, null);
        assertTrue(NdcUnits.PACKAGES.appliesTo(before(CMS, full, "NDC packages")));
    }

    @Test
    void ndcUnitsActionFindsUnitsOverThePackagesTheDoseNeeds() {
        // 150 mg from 100-unit packages: 2 packages hold 200 units; 150 + a documented waste of 80 (JW) = 230 billed
        Claim wasted = new Claim().line("96413", 1, null, null).line("J9271", 150, null, KEYTRUDA).line("J9271", 80, null, KEYTRUDA, "JW")
                .iv("J9271", "150", 30, "80");
        CodingPlan p = before(CMS, wasted, "NDC packages");
        assertTrue(NdcUnits.PACKAGES.appliesTo(p));
        int n = p.findings().size();
        NdcUnits.PACKAGES.apply(p);
        assertEquals(n + 1, p.findings().size());
        Finding u = last(p);
        assertEquals(FindingKind.NDC_UNITS_MISMATCH, u.kind());
        assertEquals("OA-NDC-003", u.ruleId());
        assertEquals(2, u.lineNumber(), "the code's first line");
        assertTrue(u.explanation().contains("J9271 billed x230") && u.explanation().contains("at most 200"), u.explanation());

        // within the packages (200 billed for 150 mg + 50 waste): nothing
        Claim fits = new Claim().line("96413", 1, null, null).line("J9271", 150, null, KEYTRUDA).line("J9271", 50, null, KEYTRUDA, "JW")
                .iv("J9271", "150", 30, "50");
        CodingPlan q = before(CMS, fits, "NDC packages");
        int m = q.findings().size();
        NdcUnits.PACKAGES.apply(q);
        assertEquals(m, q.findings().size(), q.findings().toString());
    }
}
