package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.Enc;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.Step;
import io.oncoaudit.core.recode.TestFees;
import io.oncoaudit.core.rules.family.ScImInjectionCode;
import io.oncoaudit.core.rules.hierarchy.PumpStart;
import io.oncoaudit.core.rules.hierarchy.SeparateAccess;
import io.oncoaudit.core.tables.ReferenceTables;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administration comparison's decisions: what each one names (kind, rule, direction) when its guard applies, and
 * the accepted alternatives, run on a coding plan up to and including the comparison step (full mode).
 */
class ComparisonDecisionsTests {
    private static final Recoder RECODER = new Recoder(ReferenceTables.builtIn(), TestFees.INSTANCE);

    /** The findings of the administration comparison alone (the steps before it run first, their findings dropped). */
    private static List<Finding> compared(Enc e) {
        CodingPlan p = RECODER.plan(e.build());
        for (Step s : RuleCatalog.FULL_MODE) {
            if (s.name().startsWith("administration comparison")) {
                p.findings().clear();
                s.run(p);
                return p.findings();
            }
            s.run(p);
        }
        throw new AssertionError("no comparison step");
    }

    private static Finding only(List<Finding> findings) {
        assertEquals(1, findings.size(), findings.toString());
        return findings.get(0);
    }

    @Test
    void theWrongCodeForTheRoute() {
        Finding f = only(compared(Enc.medicare().dx("C67.9").inject(Route.INTRAVESICAL, "J9030", "50", "mg").bill("96372", 1)));
        assertEquals(FindingKind.ADMINISTRATION_CODE_MISMATCH, f.kind());
        assertEquals("OA-SITE-001", f.ruleId());
    }

    @Test
    void antineoplasticInjectionBilledAs96372AndTheHormonalSwap() {
        Finding down = only(compared(Enc.medicare().dx("C50.911").inject(Route.SC, "J9355", "600", "mg").bill("96372", 1)));
        assertEquals(FindingKind.DOWNCODED_TO_96372, down.kind());
        assertEquals(Direction.UNDERPAYMENT, down.direction());
        Finding swap = only(compared(Enc.medicare().dx("C61").inject(Route.IMPLANT, "J9202", "3.6", "mg").bill("96401", 1)));
        assertEquals(FindingKind.HORMONAL_CLASS_MISMATCH, swap.kind());
    }

    @Test
    void familyMismatchesBothWays() {
        Finding asChemo = only(compared(Enc.medicare().iv("J2405", "8", "mg", "09:00", 30).bill("96413", 1)));
        assertEquals(FindingKind.NON_CHEMO_BILLED_AS_CHEMO, asChemo.kind());
        assertEquals("OA-FAM-002", asChemo.ruleId());
        Finding asTherapeutic = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 30).bill("96365", 1)));
        assertEquals(FindingKind.CHEMO_BILLED_AS_THERAPEUTIC, asTherapeutic.kind());
        assertEquals("OA-FAM-001", asTherapeutic.ruleId());
    }

    @Test
    void aSecondInitialPairedWithTheAddOnOrLeftOver() {
        Finding f = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).iv("J9267", "300", "mg", "10:00", 60)
                .bill("96413", 2)));
        assertEquals(FindingKind.DUPLICATE_INITIAL, f.kind());
        assertEquals("96417", f.expectedCode());
        Finding extra = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96413", 1).bill("96365", 1)));
        assertEquals(FindingKind.DUPLICATE_INITIAL, extra.kind());
        assertEquals(null, extra.expectedCode());
    }

    @Test
    void anAddOnWithoutItsPrimary() {
        Finding f = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96417", 1)));
        assertEquals(FindingKind.ADDON_WITHOUT_PRIMARY, f.kind());
        assertEquals(Direction.DENIAL, f.direction());
        Finding missing = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 151).bill("96415", 2)));
        assertEquals(FindingKind.ADDON_WITHOUT_PRIMARY, missing.kind(), "the documented primary 96413 not billed: adding it recovers both");
        assertEquals("96413", missing.expectedCode());
    }

    @Test
    void anAddOnsPrimariesAreListedInTheTablesOrder() {
        // 96411 push add-on billed for a chemotherapy push (5 minutes): its primaries in admin-codes.csv order, the same text every run
        List<String> primaries = ReferenceTables.builtIn().adminCodes().get("96411").primaries();
        assertEquals(List.of("96409", "96413"), primaries);
        Finding f = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 5).bill("96411", 1)));
        assertEquals(FindingKind.ADDON_WITHOUT_PRIMARY, f.kind());
        assertTrue(f.explanation().contains("without any of its primary codes 96409/96413 "), f.explanation());
    }

    @Test
    void hourUnitsBilledOverAndUnder() {
        Finding over = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 91).bill("96413", 1).bill("96415", 2)));
        assertEquals(FindingKind.INFUSION_HOURS, over.kind());
        assertEquals(Direction.OVERPAYMENT, over.direction());
        Finding under = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 151).bill("96413", 1).bill("96415", 1)));
        assertEquals(FindingKind.INFUSION_HOURS, under.kind());
        assertEquals(Direction.UNDERPAYMENT, under.direction());
    }

    @Test
    void unsupportedAndMissingAreTheFallbacks() {
        Finding unsupported = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96413", 1).bill("96372", 1)));
        assertEquals(FindingKind.UNSUPPORTED_ADMINISTRATION, unsupported.kind());
        Finding missing = only(compared(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).inject(Route.SC, "J2506", "6", "mg").bill("96413", 1)));
        assertEquals(FindingKind.MISSING_ADMINISTRATION, missing.kind());
        assertEquals("96372", missing.expectedCode());
    }

    @Test
    void acceptedAlternativesAndTheirGuards() {
        assertTrue(compared(Enc.medicare().pump("J9190", "2400", "mg", "09:00", 20).bill("G0498", 1)).isEmpty(),
                "G0498 billed to Medicare with the pump owner unknown is accepted");
        CodingPlan commercial = RECODER.plan(Enc.medicare().payer("UHC").pump("J9190", "2400", "mg", "09:00", 20).build());
        assertFalse(PumpStart.ACCEPT_G0498.appliesTo(commercial));
        assertTrue(compared(Enc.medicare().inject(Route.SC, "J2506", "6", "mg").bill("96377", 1)).isEmpty());
        assertTrue(ScImInjectionCode.ACCEPT_ON_BODY.appliesTo(RECODER.plan(Enc.medicare().build())));
    }

    @Test
    void aSecondInitialThroughASeparateSiteNeeds59() {
        Enc e = Enc.medicare().ivSite("J9045", "400", "mg", "09:00", 60, "port", "incompatible drugs")
                .ivSite("J9035", "400", "mg", "09:00", 60, "left arm", null).bill("96413", 2);
        Finding f = only(compared(e));
        assertEquals(FindingKind.MISSING_DISTINCT_MODIFIER, f.kind());
        assertEquals(SeparateAccess.RULE.id(), f.ruleId());
        assertTrue(compared(Enc.medicare().ivSite("J9045", "400", "mg", "09:00", 60, "port", "incompatible drugs")
                .ivSite("J9035", "400", "mg", "09:00", 60, "left arm", null).bill("96413", 1).bill("96413:59", 1)).isEmpty());
    }
}
