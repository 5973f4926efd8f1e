package io.oncoaudit.core.rules;

import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.recode.Coded;
import io.oncoaudit.core.recode.CodingPlan;
import io.oncoaudit.core.recode.Enc;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.recode.Step;
import io.oncoaudit.core.recode.TestFees;
import io.oncoaudit.core.rules.em.EmWithAdministration;
import io.oncoaudit.core.rules.ncci.MedicallyUnlikelyEdits;
import io.oncoaudit.core.tables.ReferenceTables;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** OA-EM-001 and OA-NCCI-002 decisions: guard and action on a plan whose expected lines are assembled. */
class EmAndNcciDecisionsTests {
    private static final Recoder RECODER = new Recoder(ReferenceTables.builtIn(), TestFees.INSTANCE);

    /** The plan with its expected lines (full mode, up to the E/M step, not run). */
    private static CodingPlan expected(Enc e) {
        CodingPlan p = RECODER.plan(e.build());
        for (Step s : RuleCatalog.FULL_MODE) {
            if (s.name().startsWith("E/M on an administration day")) return p;
            s.run(p);
        }
        throw new AssertionError("no E/M step");
    }

    @Test
    void emGuardNeedsAnOfficeEmAndAnAdministrationDay() {
        assertTrue(EmWithAdministration.DAY.appliesTo(expected(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96413", 1).bill("99213", 1))));
        assertFalse(EmWithAdministration.DAY.appliesTo(expected(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96413", 1))));
        assertFalse(EmWithAdministration.DAY.appliesTo(expected(Enc.medicare().bill("99213", 1))), "no administration that day");
    }

    @Test
    void medicare99211IsRemovedAnd99213Needs25() {
        CodingPlan nurse = expected(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96413", 1).bill("99211", 1));
        EmWithAdministration.DAY.apply(nurse);
        assertFalse(nurse.expectedCodes().stream().anyMatch(c -> c.code.equals("99211")));
        assertEquals(FindingKind.EM_WITH_ADMINISTRATION, nurse.findings().get(nurse.findings().size() - 1).kind());

        CodingPlan visit = expected(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96413", 1).bill("99213", 1));
        EmWithAdministration.DAY.apply(visit);
        Coded em = visit.expectedCodes().stream().filter(c -> c.code.equals("99213")).findFirst().orElseThrow();
        assertEquals(java.util.List.of("25"), em.modifiers);
        assertEquals(FindingKind.MISSING_DISTINCT_MODIFIER, visit.findings().get(visit.findings().size() - 1).kind());
    }

    @Test
    void ptpIndicator0RemovesTheColumn2Line() {
        CodingPlan p = expected(Enc.medicare().dx("C34.90").inject(io.oncoaudit.core.model.Route.INTRAPLEURAL, "J9045", "400", "mg")
                .bill("96440", 1).bill("32554", 1));
        assertTrue(io.oncoaudit.core.rules.ncci.ProcedureToProcedure.EDITS.appliesTo(p));
        io.oncoaudit.core.rules.ncci.ProcedureToProcedure.EDITS.apply(p);
        assertFalse(p.expectedCodes().stream().anyMatch(c -> c.code.equals("32554")));
        var f = p.findings().get(p.findings().size() - 1);
        assertEquals(FindingKind.NCCI_PTP_EDIT, f.kind());
        assertEquals("false", f.details().get("appealable"));
    }

    @Test
    void mueDecisionAppliesOnlyWhenMueFilesAreLoaded() {
        assertFalse(MedicallyUnlikelyEdits.EDITS.appliesTo(expected(Enc.medicare().iv("J9045", "400", "mg", "09:00", 60).bill("96413", 1))),
                "the shipped edits carry no MUE values");
    }
}
