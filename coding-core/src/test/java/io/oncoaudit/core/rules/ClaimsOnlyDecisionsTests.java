package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.Enc;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.Step;
import io.oncoaudit.core.recode.TestFees;
import io.oncoaudit.core.rules.family.ChemotherapyFamily;
import io.oncoaudit.core.rules.family.SupportiveAgents;
import io.oncoaudit.core.rules.hierarchy.PumpStart;
import io.oncoaudit.core.rules.mode.ClaimsOnlyMode;
import io.oncoaudit.core.rules.route.RouteSpecificCodes;
import io.oncoaudit.core.tables.ReferenceTables;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The claims-only decisions (no administration record): guard and action, run on a plan up to the re-coded codes. */
class ClaimsOnlyDecisionsTests {
    private static final Recoder RECODER = new Recoder(ReferenceTables.builtIn(), TestFees.INSTANCE);

    /** The plan after the claims-only steps that re-code the administration codes. */
    private static CodingPlan recoded(Enc e) {
        CodingPlan p = RECODER.plan(e.build());
        for (Step s : RuleCatalog.CLAIMS_ONLY_MODE) {
            s.run(p);
            if (s.name().startsWith("the re-coded administration codes")) return p;
        }
        throw new AssertionError("no step");
    }

    private static String codes(Enc e) {
        return recoded(e).administrationCodes().stream().map(c -> c.code + "x" + c.units).collect(Collectors.joining(" "));
    }

    @Test
    void g0498ToAnotherPayerIs96416() {
        CodingPlan cigna = RECODER.plan(Enc.medicare().payer("CIGNA").bill("G0498", 1).bill("J9190", 5).build());
        assertTrue(PumpStart.CLAIMS_ONLY.appliesTo(cigna, cigna.encounter().lines().get(0)));
        CodingPlan medicare = RECODER.plan(Enc.medicare().bill("G0498", 1).bill("J9190", 5).build());
        assertFalse(PumpStart.CLAIMS_ONLY.appliesTo(medicare, medicare.encounter().lines().get(0)));
        assertEquals("96416x1", codes(Enc.medicare().payer("CIGNA").bill("G0498", 1).bill("J9190", 5)));
        RecodeResult r = RECODER.recode(Enc.medicare().payer("CIGNA").bill("G0498", 1).bill("J9190", 5).build());
        assertEquals(FindingKind.ADMINISTRATION_CODE_MISMATCH, r.findings().get(0).kind());
        assertEquals("G0498", r.findings().get(0).billedCode());
        assertEquals("OA-PUMP-001", r.findings().get(0).ruleId());
    }

    @Test
    void anUnclassifiedDrugIsListedAndKeepsTheBilledCodes() {
        CodingPlan p = recoded(Enc.medicare().bill("96413", 1).bill("J9999", 1));
        assertEquals(1, p.claimsOnly().unknown);
        assertTrue(p.warnings().toString().contains("unclassified drug code J9999"));
        assertEquals("96413x1", p.administrationCodes().stream().map(c -> c.code + "x" + c.units).collect(Collectors.joining(" ")));
    }

    @Test
    void onlyScImDrugsKeepNoIvCode() {
        CodingPlan p = recoded(Enc.medicare().bill("96413", 1).bill("96372", 1).bill("J2506", 1));
        assertTrue(ClaimsOnlyMode.SC_IM_ONLY.appliesTo(p));
        assertEquals("96372x1", p.administrationCodes().stream().map(c -> c.code + "x" + c.units).collect(Collectors.joining(" ")));
    }

    @Test
    void scImCodeFollowsTheDrugAndDiagnosis() {
        assertEquals("96402x1", codes(Enc.medicare().dx("C61").bill("96372", 1).bill("J9217", 1)));
        assertEquals("96372x1", codes(Enc.medicare().dx("N80.00").bill("96402", 1).bill("J9217", 1)));
    }

    @Test
    void ivFamilyFollowsTheIvDrugs() {
        assertEquals("96365x1", codes(Enc.medicare().bill("96413", 1).bill("J2405", 8)));
        assertEquals("96413x1", codes(Enc.medicare().bill("96365", 1).bill("J9045", 8)));
        CodingPlan both = recoded(Enc.medicare().bill("96365", 1).bill("J9045", 8));
        assertFalse(SupportiveAgents.CLAIMS_ONLY.appliesTo(both));
        CodingPlan start = RECODER.plan(Enc.medicare().bill("96365", 1).bill("J9045", 8).build());
        for (Step s : RuleCatalog.CLAIMS_ONLY_MODE.subList(0, 3)) s.run(start);
        assertTrue(ChemotherapyFamily.CLAIMS_ONLY.appliesTo(start));
    }

    @Test
    void oneInitialAndAddOnsWithTheirPrimary() {
        assertEquals("96413x1 96417x1", codes(Enc.medicare().bill("96413", 2).bill("J9045", 8).bill("J9267", 300)));
        assertEquals("96413x1", codes(Enc.medicare().bill("96417", 1).bill("J9045", 8)));
    }

    @Test
    void drugsOfTheirOwnRoute() {
        assertEquals("51720x1", codes(Enc.medicare().dx("C67.9").bill("96372", 1).bill("J9030", 50)));
        CodingPlan lesions = RECODER.plan(Enc.medicare().bill("96405", 1).bill("11900", 1).bill("J9000", 10).build());
        for (Step s : RuleCatalog.CLAIMS_ONLY_MODE.subList(0, 3)) s.run(lesions);
        assertTrue(RouteSpecificCodes.CLAIMS_ONLY_LESIONS.appliesTo(lesions));
        assertEquals("96405x1", codes(Enc.medicare().bill("96405", 1).bill("11900", 1).bill("J9000", 10)));
    }
}
