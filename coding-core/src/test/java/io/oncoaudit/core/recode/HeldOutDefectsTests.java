package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Direction;
import io.oncoaudit.core.model.Finding;
import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.PumpOwner;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Defects found by re-coding encounters written by hand from the CPT descriptors and CMS IOM 100-04 ch.12 s.30.5
 * (session 5 held-out trial): each test was seen failing before its fix.
 */
class HeldOutDefectsTests extends RecoderTestSupport {
    private static final Recoder CMS = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());

    private static RecodeResult cms(Enc e) {
        RecodeResult r = CMS.recode(e.build());
        assertNull(r.error(), () -> String.valueOf(r.error()));
        return r;
    }

    /** Contract section 1: separate_site_reason alone documents the second access; no access-site extension needed. */
    @Test
    void documentedSeparateSiteReasonWithoutAccessSitesGivesASecondInitial() {
        RecodeResult r = recode(Enc.medicare().dx("C34.90").ivSite("J9267", "200", "mg", "09:00", 180, null, null)
                .ivSite("J9045", "300", "mg", "12:05", 45, null, "protocol requires two separate IV sites"));
        assertEquals("96413x1 96415x2 96413x1[59]", adminCodes(r));
    }

    @Test
    void withoutAReasonTheSecondChemotherapyIsSequential() {
        RecodeResult r = recode(Enc.medicare().dx("C34.90").ivSite("J9267", "200", "mg", "09:00", 180, null, null)
                .ivSite("J9045", "300", "mg", "12:05", 45, null, null));
        assertEquals("96413x1 96415x2 96417x1", adminCodes(r));
    }

    /** 11900 is a lesion-injection code, not a therapeutic-family code: the finding is a route-specific code mismatch. */
    @Test
    void lesionInjectionCodeForIntralesionalChemotherapyIsACodeMismatch() {
        RecodeResult r = recode(Enc.medicare().dx("C44.91").intralesional("J9040", "15", "units", 3).bill("11900", 1).bill("J9040:JZ", 1));
        Finding f = only(r, FindingKind.ADMINISTRATION_CODE_MISMATCH);
        assertEquals("11900", f.billedCode());
        assertEquals("96405", f.expectedCode());
    }

    /** Hydration secondary to chemotherapy (96361 without 96360) that was not billed is a missing administration, not hours. */
    @Test
    void unbilledSecondaryHydrationIsAMissingAdministration() {
        RecodeResult r = recode(Enc.medicare().iv("J7050", "500", "mL", "09:00", 40).iv("J9355", "420", "mg", "09:45", 30)
                .bill("96413", 1).bill("J9355", 42));
        assertEquals("96413x1 96361x1", adminCodes(r));
        Finding f = only(r, FindingKind.MISSING_ADMINISTRATION);
        assertEquals("96361", f.expectedCode());
        assertNull(f.billedCode());
    }

    /** The lesser of charge and price bounds a denial too: a denied line is worth at most its charge basis. */
    @Test
    void aDenialAsksForNoMoreThanTheCorrectedLinesChargeBasis() {
        RecodeResult r = cms(Enc.medicare().dos("2025-06-10").dx("C90.00")
                .inject(io.oncoaudit.core.model.Route.SC, "J9144", "1800", "mg").bill("96401", 1).bill("J9144", 1800));
        Finding f = only(r, FindingKind.WASTE_MODIFIER);
        assertEquals(Direction.DENIAL, f.direction());
        // the line: $100.00 for 1800 units, so 180 units have a charge basis of $10.00
        assertEquals(new BigDecimal("10.00"), f.amount(), f.toString());
        assertEquals(new BigDecimal("10.00"), f.pricing().expectedChargeBasis());
    }

    /** G0498 is carrier-priced on the PFS (status C, no national amount): no dollar figure may be invented for it. */
    @Test
    void aCodeWithoutANationalPriceMovesNoDollarFigure() {
        RecodeResult r = cms(Enc.medicare().dos("2025-06-10").dx("C18.9")
                .pumpOwned("J9190", "2400", "mg", "09:10", 10, PumpOwner.PRACTICE).bill("96416", 1).bill("J9190", 5));
        Finding f = r.findings().stream().filter(x -> "G0498".equals(x.expectedCode())).findFirst().orElseThrow(() -> new AssertionError(r.findings().toString()));
        assertEquals(Direction.COMPLIANCE, f.direction(), f.toString());
        assertEquals(0, f.amount().signum());
        assertTrue(f.pricing().note() != null && f.pricing().note().contains("G0498"), String.valueOf(f.pricing()));
    }
}
