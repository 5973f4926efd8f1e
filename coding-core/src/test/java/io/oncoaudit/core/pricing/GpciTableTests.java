package io.oncoaudit.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** GPCI2025 loader and the locality amount (W x GPCIw + PE x GPCIpe + MP x GPCImp) x CF of NOTES 2.2. */
class GpciTableTests {
    private static final GpciTable GPCI = GpciTable.builtIn();
    private static final CmsRelativeValueFile RVU = CmsRelativeValueFile.builtIn();

    @Test
    void localityIsFoundByMacOrStateAndFootnotesAreSkipped() {
        Gpci bakersfield = GPCI.locality("01112-54");
        assertSame(bakersfield, GPCI.locality("ca-54"));
        assertSame(bakersfield, GPCI.locality("CA 54"));
        assertEquals("BAKERSFIELD", bakersfield.localityName());
        assertEquals(new BigDecimal("1.017"), bakersfield.work());
        assertEquals(new BigDecimal("1.093"), bakersfield.practiceExpense());
        assertEquals(new BigDecimal("0.662"), bakersfield.malpractice());
        assertEquals("00", GPCI.locality("AL-0").localityNumber(), "single-digit locality numbers are padded");
        assertEquals(109, GPCI.all().size(), "rows of the CY2025 addendum; title and footnote rows are not localities");
        assertEquals(new BigDecimal("1.5"), GPCI.locality("AK-01").work(), "Alaska 1.5 work floor");
    }

    @Test
    void bakersfieldAmountShowsTheArithmetic() {
        Gpci g = GPCI.locality("CA-54");
        // 96413 non-facility: W 0.28 x 1.017 = 0.28476; PE 3.35 x 1.093 = 3.66155; MP 0.06 x 0.662 = 0.03972
        // sum 3.98603 x CF 32.3465 = 128.934119395 -> 128.93 (national: 119.36)
        BigDecimal sum = new BigDecimal("0.28476").add(new BigDecimal("3.66155")).add(new BigDecimal("0.03972"));
        assertEquals(new BigDecimal("3.98603"), sum);
        assertEquals(new BigDecimal("128.93"), Money.round(sum.multiply(new BigDecimal("32.3465"))));
        assertEquals(new BigDecimal("128.93"), RVU.perUnit("96413", Setting.NONFACILITY, g));
        // 96401: 0.21 x 1.017 + 1.80 x 1.093 + 0.04 x 0.662 = 2.20745 x 32.3465 = 71.40
        assertEquals(new BigDecimal("71.40"), RVU.perUnit("96401", Setting.NONFACILITY, g));
        // 96405 facility uses the FACILITY PE RVU: 0.52 x 1.017 + 0.31 x 1.093 + 0.03 x 0.662 = 0.88753 -> 28.71
        assertEquals(new BigDecimal("28.71"), RVU.perUnit("96405", Setting.FACILITY, g));
        // NA and status rules hold at every locality
        assertEquals(null, RVU.perUnit("96413", Setting.FACILITY, g));
        assertEquals(new BigDecimal("0.00"), RVU.perUnit("96376", Setting.NONFACILITY, g));
    }

    @Test
    void nationalIsAllOnesAndEqualsTheNationalAmount() {
        Gpci national = GPCI.locality("NATIONAL");
        assertSame(Gpci.NATIONAL, national);
        assertSame(Gpci.NATIONAL, GPCI.locality(""));
        for (RvuEntry e : RVU.globalEntries()) {
            for (Setting s : Setting.values()) {
                assertEquals(e.nationalPerUnit(s), e.perUnit(s, national), e.hcpcs() + " " + s);
            }
        }
    }

    @Test
    void unknownLocalityNamesTheAcceptedForms() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> GPCI.locality("ZZ-77"));
        assertTrue(e.getMessage().contains("CA-54") && e.getMessage().contains("01112-54"), e.getMessage());
    }

    @Test
    void badGpciNamesLineAndColumn() {
        String text = "TITLE,,,,,,\nMedicare Administrative Contractor (MAC),State,Locality Number,Locality Name,"
                + "2025 PW GPCI (with 1.0 Floor),2025 PE GPCI,2025 MP GPCI\n10112,AL,00,ALABAMA,1,x.9,0.575\n";
        TableFormatException e = assertThrows(TableFormatException.class, () -> GpciTable.parse("g.csv", text));
        assertTrue(e.getMessage().startsWith("g.csv line 3:") && e.getMessage().contains("PE GPCI"), e.getMessage());
    }
}
