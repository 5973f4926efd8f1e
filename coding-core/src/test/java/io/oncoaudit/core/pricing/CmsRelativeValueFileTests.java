package io.oncoaudit.core.pricing;

import io.oncoaudit.core.tables.cms.CsvRecords;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.TableFormatException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The CMS PFS relative value file loader and the CY2025 national amounts of NOTES 2.2. */
class CmsRelativeValueFileTests {
    private static final CmsRelativeValueFile RVU = CmsRelativeValueFile.builtIn();

    /**
     * Every row of the NOTES 2.2 table: amount = total RVU x 32.3465, rounded to cents. "NA" = the facility NA
     * indicator is set (no facility price: null so the caller warns); "none" = not priced (carrier priced).
     */
    @ParameterizedTest(name = "{0} status {1}: NF {2}, F {3}")
    @CsvSource({
            "96360, A, 30.08, NA", "96361, A, 11.64, NA", "96365, A, 57.90, NA", "96366, A, 19.41, NA",
            "96367, A, 26.52, NA", "96368, A, 18.44, NA", "96372, A, 13.91, NA", "96374, A, 33.96, NA",
            "96375, A, 14.23, NA", "96376, X, 0.00, 0.00", "96377, A, 17.47, NA", "96401, A, 66.31, NA",
            "96402, A, 34.93, NA", "96405, A, 79.57, 27.82", "96406, A, 121.95, 42.70", "96409, A, 92.51, NA",
            "96411, A, 50.78, NA", "96413, A, 119.36, NA", "96415, A, 25.55, NA", "96416, A, 117.42, NA",
            "96417, A, 58.87, NA", "96420, A, 94.45, NA", "96422, A, 144.27, NA", "96423, A, 66.96, NA",
            "96425, A, 155.26, NA", "96440, A, 692.86, 131.00", "96446, A, 147.18, 19.08", "96450, A, 153.97, 74.07",
            "96521, A, 114.18, NA", "96523, T, 23.29, NA", "G0498, C, none, none"})
    void nationalAmountsOfNotes22(String code, String status, String nonFacility, String facility) {
        RvuEntry e = RVU.get(code);
        assertNotNull(e, code);
        assertEquals(status, e.statusCode());
        assertEquals(expected(nonFacility), RVU.nationalPerUnit(code, Setting.NONFACILITY), code + " NONFACILITY");
        assertEquals(expected(facility), RVU.nationalPerUnit(code, Setting.FACILITY), code + " FACILITY");
        assertEquals(facility.equals("NA"), e.naIn(Setting.FACILITY));
    }

    private static BigDecimal expected(String cell) {
        return cell.equals("NA") || cell.equals("none") ? null : new BigDecimal(cell);
    }

    @Test
    void fileFactsUsedByTheRules() {
        assertEquals(new BigDecimal("32.3465"), RVU.conversionFactor());
        assertTrue(RVU.get("96415").addOn(), "ZZZ global = add-on (NOTES 1.1)");
        assertFalse(RVU.get("96413").addOn());
        // 96547 has the NON-FAC NA indicator: no office price, facility total 10.85 x 32.3465 = 350.959525
        assertNull(RVU.nationalPerUnit("96547", Setting.NONFACILITY));
        assertEquals(new BigDecimal("350.96"), RVU.nationalPerUnit("96547", Setting.FACILITY));
        // drugs are status E in the PFS file: no PFS price
        assertEquals("E", RVU.get("J9045").statusCode());
        assertNull(RVU.nationalPerUnit("J9045", Setting.NONFACILITY));
        assertNull(RVU.get("99999"));
        assertEquals("Inj pegfilgrast ex bio 0.5mg", shortDescriptor("J2506"));
    }

    private static String shortDescriptor(String code) {
        // the excerpt's descriptor column is read by position 2 after the header
        String text = new String(CsvRecords.readResource(CmsRelativeValueFile.RESOURCE), StandardCharsets.UTF_8);
        for (CsvRecords.Record r : CsvRecords.parse(text)) if (r.cell(0).equals(code)) return r.cell(2);
        return null;
    }

    private static final String ONE_LINE_HEADER = String.join("\n",
            "Title line of some other release,,,",
            ",,notes,,",
            "HCPCS,MOD,DESCRIPTION,STATUS CODE,NOT USED FOR MEDICARE PAYMENT,WORK RVU,NON-FAC PE RVU,"
                    + "NON-FAC NA INDICATOR,FACILITY PE RVU,FACILITY NA INDICATOR,MP RVU,NON-FACILITY TOTAL,"
                    + "FACILITY TOTAL,PCTC IND,GLOB DAYS,PRE OP,INTRA OP,POST OP,MULT PROC,BILAT SURG,ASST SURG,"
                    + "CO-SURG,TEAM SURG,ENDO BASE,CONV FACTOR",
            "71045,,\"Chest x-ray, 1 view\",A,,0.18,0.62,,0.62,NA,0.01,0.81,0.81,1,XXX,0,0,0,0,0,0,0,0,,32.3465",
            "71045,TC,\"Chest x-ray, 1 view\",A,,0.00,0.56,,0.56,NA,0.01,0.57,0.57,1,XXX,0,0,0,0,0,0,0,0,,32.3465",
            "71045,26,\"Chest x-ray, 1 view\",A,,0.18,0.06,,0.06,,0.00,0.24,0.24,1,XXX,0,0,0,0,0,0,0,0,,32.3465",
            "99999,,Bundled thing,B,,0.10,0.10,,0.10,,0.00,0.20,0.20,0,XXX,0,0,0,0,0,0,0,0,,32.3465",
            ",,,,,,,,,,,,,,,,,,,,,,,,");

    @Test
    void headerIsFoundByContentAndModifierRowsStayApart() {
        CmsRelativeValueFile f = CmsRelativeValueFile.parse("one-line.csv", ONE_LINE_HEADER);
        assertEquals(4, f.size());
        assertEquals("", f.get("71045").modifier());
        assertEquals(new BigDecimal("26.20"), f.nationalPerUnit("71045", Setting.NONFACILITY)); // 0.81 x 32.3465
        assertEquals("26", f.get("71045", "26").modifier());
        assertEquals(new BigDecimal("0.24"), f.get("71045", "26").nonFacilityTotal());
        assertEquals(new BigDecimal("0.56"), f.get("71045", "tc").nonFacilityPeRvu());
        assertEquals(new BigDecimal("0.00"), f.nationalPerUnit("99999", Setting.NONFACILITY), "status B: bundled, 0.00");
    }

    @Test
    void extraPreambleLinesDoNotMoveTheColumns() {
        String real = new String(CsvRecords.readResource(CmsRelativeValueFile.RESOURCE), StandardCharsets.UTF_8);
        CmsRelativeValueFile f = CmsRelativeValueFile.parse("shifted.csv", "A new title,,,\n,,,\n,,another note\n" + real);
        assertEquals(new BigDecimal("119.36"), f.nationalPerUnit("96413", Setting.NONFACILITY));
        assertNull(f.nationalPerUnit("96413", Setting.FACILITY));
    }

    @Test
    void badNumberNamesFileLineAndColumn() {
        String bad = ONE_LINE_HEADER.replace("71045,,\"Chest x-ray, 1 view\",A,,0.18", "71045,,\"Chest x-ray, 1 view\",A,,zero");
        TableFormatException e = assertThrows(TableFormatException.class, () -> CmsRelativeValueFile.parse("bad.csv", bad));
        assertTrue(e.getMessage().startsWith("bad.csv line 4:"), e.getMessage());
        assertTrue(e.getMessage().contains("WORK RVU"), e.getMessage());
        assertTrue(e.getMessage().contains("'zero'"), e.getMessage());
    }

    @Test
    void fileWithoutTheHeaderIsRejected() {
        TableFormatException e = assertThrows(TableFormatException.class,
                () -> CmsRelativeValueFile.parse("other.csv", "a,b,c\n1,2,3\n"));
        assertTrue(e.getMessage().contains("HCPCS,MOD"), e.getMessage());
        TableFormatException missing = assertThrows(TableFormatException.class,
                () -> CmsRelativeValueFile.parse("narrow.csv", "HCPCS,MOD,DESCRIPTION,STATUS CODE\n96413,,x,A\n"));
        assertTrue(missing.getMessage().startsWith("narrow.csv line 1:"), missing.getMessage());
        assertTrue(missing.getMessage().contains("WORK RVU"), missing.getMessage());
    }
}
