package io.oncoaudit.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.tables.TableFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Contract section 2 fee schedules: each precedence rule is pinned by a case that fails if the rule is wrong or
 * applied in the other order; bad rows name file, line and column.
 */
class CsvFeeScheduleTests {
    private static final String HEADER = "payer_id,procedure_code,setting,allowed_amount,effective_from,effective_to\n";
    private static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    private static CsvFeeSchedule schedule(String body) {
        return CsvFeeSchedule.parse("fees.csv", (HEADER + body).getBytes(StandardCharsets.UTF_8), "test");
    }

    private static BigDecimal price(CsvFeeSchedule s, String payer, Setting setting, LocalDate dos) {
        return s.perUnit(payer, "96413", setting, dos);
    }

    @Test
    void exactPayerBeatsAnyPayer() {
        // the '*' row comes last in the file, so file order cannot explain the result
        CsvFeeSchedule s = schedule("UHC,96413,*,150.00,,\n*,96413,*,100.00,,\n");
        assertEquals(new BigDecimal("150.00"), price(s, "UHC", Setting.NONFACILITY, DOS));
        assertEquals(new BigDecimal("150.00"), price(s, "uhc", Setting.NONFACILITY, DOS), "payer ids ignore case");
        assertEquals(new BigDecimal("100.00"), price(s, "AETNA", Setting.NONFACILITY, DOS));
        CsvFeeSchedule reversed = schedule("*,96413,*,100.00,,\nUHC,96413,*,150.00,,\n");
        assertEquals(new BigDecimal("150.00"), price(reversed, "UHC", Setting.NONFACILITY, DOS));
    }

    @Test
    void exactSettingBeatsAnySetting() {
        CsvFeeSchedule s = schedule("*,96413,FACILITY,80.00,,\n*,96413,*,100.00,,\n");
        assertEquals(new BigDecimal("80.00"), price(s, "MEDICARE", Setting.FACILITY, DOS));
        assertEquals(new BigDecimal("100.00"), price(s, "MEDICARE", Setting.NONFACILITY, DOS));
        CsvFeeSchedule reversed = schedule("*,96413,*,100.00,,\n*,96413,FACILITY,80.00,,\n");
        assertEquals(new BigDecimal("80.00"), price(reversed, "MEDICARE", Setting.FACILITY, DOS));
    }

    @Test
    void payerSpecificityIsDecidedBeforeSettingSpecificity() {
        // documented tie-break (FeeIndex): UHC's any-setting price beats the all-payer FACILITY price
        CsvFeeSchedule s = schedule("*,96413,FACILITY,80.00,,\nUHC,96413,*,150.00,,\n");
        assertEquals(new BigDecimal("150.00"), price(s, "UHC", Setting.FACILITY, DOS));
        assertEquals(new BigDecimal("80.00"), price(s, "CIGNA", Setting.FACILITY, DOS));
        // and the fully exact row beats both
        CsvFeeSchedule full = schedule("*,96413,FACILITY,80.00,,\nUHC,96413,*,150.00,,\nUHC,96413,FACILITY,140.00,,\n");
        assertEquals(new BigDecimal("140.00"), price(full, "UHC", Setting.FACILITY, DOS));
        assertEquals(new BigDecimal("150.00"), price(full, "UHC", Setting.NONFACILITY, DOS));
    }

    @Test
    void onlyRowsWhoseRangeHoldsTheDateTakePartBeforeSpecificity() {
        // the exact-payer row is not in effect on 2025-12-31, so the '*' row prices it; from/to are inclusive
        CsvFeeSchedule s = schedule("UHC,96413,*,150.00,2026-01-01,2026-12-31\n*,96413,*,100.00,,\n");
        assertEquals(new BigDecimal("100.00"), price(s, "UHC", Setting.NONFACILITY, LocalDate.of(2025, 12, 31)));
        assertEquals(new BigDecimal("150.00"), price(s, "UHC", Setting.NONFACILITY, LocalDate.of(2026, 1, 1)));
        assertEquals(new BigDecimal("150.00"), price(s, "UHC", Setting.NONFACILITY, LocalDate.of(2026, 12, 31)));
        assertEquals(new BigDecimal("100.00"), price(s, "UHC", Setting.NONFACILITY, LocalDate.of(2027, 1, 1)));
    }

    @Test
    void blankFromIsAlwaysAndBlankToIsOpen() {
        CsvFeeSchedule s = schedule("*,96413,*,90.00,,2025-12-31\n*,96413,*,119.36,2026-01-01,\n");
        assertEquals(new BigDecimal("90.00"), price(s, "X", Setting.NONFACILITY, LocalDate.of(1990, 1, 1)));
        assertEquals(new BigDecimal("119.36"), price(s, "X", Setting.NONFACILITY, LocalDate.of(2099, 1, 1)));
        CsvFeeSchedule ended = schedule("*,96413,*,90.00,,2025-12-31\n");
        assertNull(price(ended, "X", Setting.NONFACILITY, LocalDate.of(2026, 1, 1)), "no row in effect: no price");
    }

    @Test
    void newerRowSupersedesAnOpenDefaultOfTheSameSpecificity() {
        CsvFeeSchedule s = schedule("MEDICARE,96413,*,133.27,2026-01-01,\nMEDICARE,96413,*,119.36,,\n");
        assertEquals(new BigDecimal("119.36"), price(s, "MEDICARE", Setting.NONFACILITY, LocalDate.of(2025, 6, 1)));
        assertEquals(new BigDecimal("133.27"), price(s, "MEDICARE", Setting.NONFACILITY, LocalDate.of(2026, 6, 1)));
        // equal start: the narrower (earlier-ending) range wins while it lasts
        CsvFeeSchedule narrow = schedule("*,96413,*,100,2026-01-01,\n*,96413,*,50,2026-01-01,2026-01-31\n");
        assertEquals(new BigDecimal("50"), price(narrow, "X", Setting.NONFACILITY, LocalDate.of(2026, 1, 15)));
        assertEquals(new BigDecimal("100"), price(narrow, "X", Setting.NONFACILITY, LocalDate.of(2026, 2, 1)));
    }

    @Test
    void anyColumnOrderExtraColumnsCommentsAndCodeCase(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("contract.csv");
        Files.writeString(f, "# UHC 2026 contract\nnote,allowed_amount,setting,procedure_code,payer_id\n"
                + "\"first, row\",21.50,NONFACILITY,j9045,UHC\n");
        CsvFeeSchedule s = CsvFeeSchedule.load(f);
        assertEquals(new BigDecimal("21.50"), s.perUnit("UHC", "J9045", Setting.NONFACILITY, DOS));
        assertEquals(new BigDecimal("21.50"), s.perUnit("UHC", "j9045", Setting.NONFACILITY, null));
        assertNull(s.perUnit("UHC", "J9045", Setting.FACILITY, DOS));
        assertNull(s.perUnit("UHC", "96413", Setting.NONFACILITY, DOS));
        assertTrue(s.description().contains("contract.csv"), s.description());
        assertTrue(s.fingerprint().matches("[0-9a-f]{64}"));
        Files.writeString(f, Files.readString(f).replace("21.50", "21.51"));
        assertNotEquals(s.fingerprint(), CsvFeeSchedule.load(f).fingerprint(), "fingerprint follows content");
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "*,96413,*,abc,,                       | allowed_amount",
            "*,96413,*,$119.36,,                   | allowed_amount",
            "*,96413,*,-5,,                        | allowed_amount",
            "*,96413,*,10,2026-13-01,              | effective_from",
            "*,96413,*,10,,03/31/2026              | effective_to",
            "*,96413,*,10,2026-02-01,2026-01-01    | effective_to",
            "*,96413,OFFICE,10,,                   | setting",
            "*,96413,,10,,                         | setting",
            ",96413,*,10,,                         | payer_id",
            "*,,*,10,,                             | procedure_code"})
    void badRowNamesFileLineAndColumn(String badRow, String column) {
        TableFormatException e = assertThrows(TableFormatException.class,
                () -> schedule("*,96401,*,66.31,,\n" + badRow.trim() + "\n"));
        assertTrue(e.getMessage().startsWith("fees.csv line 3:"), e.getMessage());
        assertTrue(e.getMessage().contains(column), e.getMessage());
    }

    @Test
    void missingColumnAndDuplicatePricesAreRejected() {
        TableFormatException missing = assertThrows(TableFormatException.class, () -> CsvFeeSchedule.parse("f.csv",
                "payer_id,procedure_code,allowed_amount\n*,96413,10\n".getBytes(StandardCharsets.UTF_8), "t"));
        assertTrue(missing.getMessage().contains("'setting'"), missing.getMessage());
        TableFormatException dup = assertThrows(TableFormatException.class,
                () -> schedule("*,96413,*,10,,\n*,96401,*,5,,\n*,96413,*,11,,\n"));
        assertTrue(dup.getMessage().startsWith("fees.csv line 4:") && dup.getMessage().contains("lines 2 and 4"),
                dup.getMessage());
    }
}
