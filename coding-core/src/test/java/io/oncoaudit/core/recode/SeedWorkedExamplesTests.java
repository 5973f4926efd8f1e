package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.FindingKind;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seeds' worked examples, as corrected in NOTES section 4 (the seed's own answer is quoted where it was wrong). */
class SeedWorkedExamplesTests extends RecoderTestSupport {

    @Test
    void seed001RchopDayOne() {
        // rituximab 4 h, then cyclophosphamide, doxorubicin, vincristine pushes; prednisone oral
        RecodeResult r = recode(Enc.medicare().dos("2024-09-10").dx("C83.30")
                .iv("J9312", "675", "mg", "09:00", 240)
                .iv("J9070", "1350", "mg", "13:00", 10).iv("J9000", "90", "mg", "13:12", 5).iv("J9370", "2", "mg", "13:20", 3)
                .inject(Route.ORAL, "J7512", "100", "mg"));
        assertEquals("96413x1 96415x3 96411x3", adminCodes(r));
        assertEquals("96413x1 96415x3 96411x3 J9312x68[JZ] J9070x14[JZ] J9000x9 J9370x2[JZ] J7512x100", lines(r));
    }

    @Test
    void seed001RchopCyclophosphamideInfusedIsSequentialNotAPush() {
        // NOTES 4.4 #42: cyclophosphamide is usually infused >= 16 min: 96417, not 96411
        RecodeResult r = recode(Enc.medicare().dos("2024-09-10").dx("C83.30").iv("J9312", "675", "mg", "09:00", 240)
                .iv("J9070", "1350", "mg", "13:00", 30).iv("J9000", "90", "mg", "13:32", 5));
        assertEquals("96413x1 96415x3 96417x1 96411x1", adminCodes(r));
    }

    @Test
    void seed001DoxorubicinSalvagePushAlone() {
        RecodeResult r = recode(Enc.medicare().iv("J9000", "60", "mg", "09:00", 8));
        assertEquals("96409x1 J9000x6", lines(r)); // seed says J9000 x10; 60 mg / 10 mg = 6 (NOTES 4.3 #20)
    }

    @Test
    void seed004CarboplatinWithPremedicationPushes() {
        RecodeResult r = recode(Enc.medicare().dx("C56.9").iv("J2405", "16", "mg", "08:40", 3).iv("J1100", "10", "mg", "08:45", 3)
                .iv("J9045", "650", "mg", "09:00", 45));
        // seed: J9045 x65 (10 mg unit); correct 50 mg unit: x13
        assertEquals("96413x1 96375x2 J2405x16 J1100x10 J9045x13", lines(r));
    }

    @Test
    void seed004RituxanFourHoursFiveMinutes() {
        RecodeResult r = recode(Enc.medicare().dos("2024-06-03").dx("C83.30").iv("J1200", "50", "mg", "08:40", 3).iv("J2920", "100", "mg", "08:45", 3)
                .iv("J9312", "675", "mg", "09:00", 245));
        // seed: J2920 x2; J2920 is up to 40 mg: 100 mg = x3 (NOTES 4.3 #19)
        assertEquals("96413x1 96415x3 96375x2 J1200x1 J2920x3[JZ] J9312x68[JZ]", lines(r));
    }

    @Test
    void seed004RituxanMethylprednisoloneAfter2025IsJ2919() {
        RecodeResult r = recode(Enc.medicare().dos("2025-06-03").dx("C83.30").bill("96413", 1).bill("96415", 3).bill("96375", 1)
                .bill("J2920", 3).bill("J9312:JZ", 68).iv("J2920", "100", "mg", "08:45", 3).iv("J9312", "675", "mg", "09:00", 245));
        assertTrue(r.findings().stream().anyMatch(f -> f.kind() == FindingKind.INVALID_DRUG_CODE && "J2919".equals(f.expectedCode())
                && f.expectedUnits() == 20), r.findings().toString());
    }

    @Test
    void seed004RituxanForRheumatoidArthritisIsChemoUnderMedicare() {
        // seed: "the same J9312 administered for RA would be 96365 + 96366 x3": payer-specific, not the CMS default (NOTES 4.2 #11)
        RecodeResult r = recode(Enc.medicare().dx("M05.79").iv("J9312", "1000", "mg", "09:00", 245));
        assertEquals("96413x1 96415x3", adminCodes(r));
    }

    @Test
    void seed000PhesgoAndDarzalexFasproAreNinetySixFourZeroOne() {
        RecodeResult phesgo = recode(Enc.medicare().inject(Route.SC, "J9316", "1200", "mg"));
        assertEquals("96401x1 J9316x120[JZ]", lines(phesgo));
        RecodeResult dara = recode(Enc.medicare().dx("C90.00").inject(Route.SC, "J9144", "1800", "mg"));
        assertEquals("96401x1 J9144x180[JZ]", lines(dara));
    }

    @Test
    void seed000LupronForPrecociousPubertyIsNinetySixThreeSevenTwo() {
        RecodeResult r = recode(Enc.medicare().dx("E30.1").inject(Route.IM, "J9217", "22.5", "mg"));
        assertEquals("96372x1 J9217x3[JZ]", lines(r));
    }

    @Test
    void seed003CarboplatinFourHundredFifty() {
        assertTrue(lines(recode(Enc.medicare().iv("J9045", "450", "mg", "09:00", 30))).contains("J9045x9"));
    }
}
