package io.oncoaudit.core.pricing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.model.Setting;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import io.oncoaudit.core.tables.cms.AspQuarters;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in default schedule and the contract CSV replacing it. */
class FeeSchedulesTests {
    private static final LocalDate DOS = LocalDate.of(2026, 3, 2);

    @Test
    void builtInIsTheNationalPfsAmountForEveryPayer() {
        FeeSchedule s = FeeSchedules.builtIn();
        assertSame(s, FeeSchedules.builtIn(), "cached: one per JVM");
        for (String payer : List.of("MEDICARE", "UHC", "ANY-PAYER")) {
            assertEquals(new BigDecimal("119.36"), s.perUnit(payer, "96413", Setting.NONFACILITY, DOS));
            assertEquals(new BigDecimal("66.31"), s.perUnit(payer, "96401", Setting.NONFACILITY, DOS));
            assertEquals(new BigDecimal("34.93"), s.perUnit(payer, "96402", Setting.NONFACILITY, DOS));
            assertEquals(new BigDecimal("13.91"), s.perUnit(payer, "96372", Setting.NONFACILITY, DOS));
            assertEquals(new BigDecimal("25.55"), s.perUnit(payer, "96415", Setting.NONFACILITY, DOS));
            assertEquals(new BigDecimal("58.87"), s.perUnit(payer, "96417", Setting.NONFACILITY, DOS));
        }
        assertNull(s.perUnit("MEDICARE", "96413", Setting.FACILITY, DOS), "facility NA: no price, caller warns");
        assertEquals(new BigDecimal("27.82"), s.perUnit("MEDICARE", "96405", Setting.FACILITY, DOS));
        assertEquals(new BigDecimal("0.00"), s.perUnit("MEDICARE", "96376", Setting.FACILITY, DOS), "status X");
        assertNull(s.perUnit("MEDICARE", "G0498", Setting.NONFACILITY, DOS), "carrier priced");
        assertNull(s.perUnit("MEDICARE", "00000", Setting.NONFACILITY, DOS));
    }

    @Test
    void builtInPricesDrugsAtTheAspLimitOfTheQuarterHoldingTheDate() {
        FeeSchedule s = FeeSchedules.builtIn();
        AspQuarters asp = AspQuarters.shipped();
        for (String code : List.of("J9045", "J9312", "J9271", "J9035", "J9144")) {
            assertEquals(asp.get(YearMonth.of(2026, 1)).paymentLimit(code), s.perUnit("MEDICARE", code, Setting.NONFACILITY, DOS), code);
            assertEquals(asp.get(YearMonth.of(2026, 1)).paymentLimit(code), s.perUnit("AETNA", code, Setting.FACILITY, DOS), code);
        }
        assertEquals(new BigDecimal("55.730"), s.perUnit("MEDICARE", "J9271", Setting.NONFACILITY, LocalDate.of(2024, 3, 31)));
        assertEquals(new BigDecimal("57.307"), s.perUnit("MEDICARE", "J9271", Setting.NONFACILITY, LocalDate.of(2024, 4, 1)));
        assertTrue(s.description().contains("Medicare national amounts"), s.description());
        assertTrue(s.description().contains("32.3465"), s.description());
        assertTrue(s.fingerprint().matches("[0-9a-f]{64}"), s.fingerprint());
        assertTrue(s.cmsDefault());
        assertTrue(s.tableVersions().containsKey("ASP 2026-01") && s.tableVersions().containsKey("OPPS 2025-10")
                && s.tableVersions().containsKey("PFS 2025 October"), s.tableVersions().toString());
    }

    @Test
    void localityScheduleAppliesGpcisToPfsCodesOnly() {
        FeeSchedule national = FeeSchedules.builtIn();
        FeeSchedule ca = FeeSchedules.builtIn("CA-54");
        assertEquals(new BigDecimal("128.93"), ca.perUnit("MEDICARE", "96413", Setting.NONFACILITY, DOS));
        assertEquals(national.perUnit("MEDICARE", "J9045", Setting.NONFACILITY, DOS),
                ca.perUnit("MEDICARE", "J9045", Setting.NONFACILITY, DOS), "drug prices are not geographically adjusted");
        assertNotEquals(national.fingerprint(), ca.fingerprint());
        assertEquals(ca.fingerprint(), FeeSchedules.builtIn("01112-54").fingerprint(), "same locality, same content");
        assertTrue(ca.description().contains("BAKERSFIELD"), ca.description());
        assertSame(national, FeeSchedules.builtIn("national"));
        assertThrows(IllegalArgumentException.class, () -> FeeSchedules.builtIn("XX-99"));
    }

    @Test
    void csvReplacesTheBuiltInEntirely(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("fees.csv");
        Files.writeString(f, "payer_id,procedure_code,setting,allowed_amount,effective_from,effective_to\n"
                + "UHC,96413,*,150.00,,\n");
        FeeSchedule s = FeeSchedules.fromCsv(f);
        assertEquals(new BigDecimal("150.00"), s.perUnit("UHC", "96413", Setting.FACILITY, DOS));
        assertNull(s.perUnit("MEDICARE", "96413", Setting.NONFACILITY, DOS), "no fallback to the built-in PFS amount");
        assertNull(s.perUnit("UHC", "J9045", Setting.NONFACILITY, DOS), "no fallback to the built-in drug price");
        assertNotEquals(FeeSchedules.builtIn().fingerprint(), s.fingerprint());
    }

    @Test
    void missingCsvFileSaysWhichPath(@TempDir Path dir) {
        Path missing = dir.resolve("nope.csv");
        RuntimeException e = assertThrows(RuntimeException.class, () -> FeeSchedules.fromCsv(missing));
        assertTrue(e.getMessage().contains("nope.csv"), e.getMessage());
    }

    @Test
    void concurrentLookupsAgree() throws Exception {
        FeeSchedule s = FeeSchedules.builtIn();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 20_000; i++) {
                        if (new BigDecimal("119.36").equals(s.perUnit("MEDICARE", "96413", Setting.NONFACILITY, DOS))
                                && s.perUnit("MEDICARE", "96413", Setting.FACILITY, DOS) == null) ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> r : results) assertEquals(20_000, r.get());
        } finally {
            pool.shutdownNow();
        }
    }
}
