package io.oncoaudit.core.tables.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.core.tables.TableFormatException;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The official-layout loaders on the real CMS files shipped in the jar (copied from shared/reference/cms). */
class CmsTablesTests {
    private static final AspQuarters ASP = AspQuarters.shipped();

    private static void price(String expected, BigDecimal actual) {
        assertNotNull(actual);
        assertEquals(0, new BigDecimal(expected).compareTo(actual), () -> "expected " + expected + " got " + actual);
    }

    @Test
    void indexListsEveryShippedFileAndNothingElse() throws IOException {
        Path root = Path.of("src/main/resources/io/oncoaudit/core/tables/cms");
        List<String> onDisk;
        try (Stream<Path> s = Files.walk(root)) {
            onDisk = s.filter(p -> p.toString().endsWith(".csv")).map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
        assertEquals(onDisk, CmsFiles.index().stream().sorted().toList());
        assertEquals(9, CmsFiles.resources("asp/").size());
        assertEquals(9, CmsFiles.resources("ndc/").size());
        assertEquals(3, CmsFiles.resources("opps/").size());
    }

    @Test
    void aspQuartersRowCountsAndUnpricedRows() {
        assertEquals(List.of(YearMonth.of(2024, 1), YearMonth.of(2024, 4), YearMonth.of(2024, 7), YearMonth.of(2024, 10),
                YearMonth.of(2025, 1), YearMonth.of(2025, 4), YearMonth.of(2025, 7), YearMonth.of(2025, 10),
                YearMonth.of(2026, 1)), ASP.quarters());
        int[] rows = {823, 819, 846, 865, 877, 942, 970, 1012, 877};
        int[] na = {1, 1, 1, 4, 1, 1, 1, 1, 1};
        for (int i = 0; i < rows.length; i++) {
            AspQuarter q = ASP.get(ASP.quarters().get(i));
            assertEquals(rows[i], q.dataRows(), q.source());
            assertEquals(na[i], q.unpriced().size(), q.source());
            assertEquals(q.dataRows(), q.entries().size() + q.unpriced().size(), "every row priced or listed: " + q.source());
        }
        AspQuarter q = ASP.get(YearMonth.of(2024, 10));
        assertEquals(List.of("A9606", "J0739", "J0750", "J0751"), q.unpriced().stream().map(AspQuarter.Unpriced::hcpcs).toList());
        assertTrue(q.unpriced().get(0).reason().contains("N/A"));
        assertEquals(LocalDate.of(2024, 10, 1), q.effectiveFrom());
        assertEquals(LocalDate.of(2024, 12, 31), q.effectiveTo());
    }

    @Test
    void aspKnownPricesAndBillingUnits() {
        AspQuarter q2401 = ASP.get(YearMonth.of(2024, 1)), q2601 = ASP.get(YearMonth.of(2026, 1)), q2510 = ASP.get(YearMonth.of(2025, 10));
        price("55.730", q2401.paymentLimit("J9271"));
        price("59.726", q2601.paymentLimit("J9271"));
        price("60.291", q2510.paymentLimit("J9271"));
        price("74.073", q2401.paymentLimit("J9035"));
        price("73.632", q2601.paymentLimit("J9035"));
        price("49.051", q2401.paymentLimit("J9144"));
        price("55.058", q2601.paymentLimit("J9144"));
        price("25.198", q2401.paymentLimit("J0897"));
        price("29.457", q2601.paymentLimit("J0897"));
        price("75.220", q2510.paymentLimit("J9312"));
        price("137.892", q2401.paymentLimit("90371"));
        price("57.307", ASP.get(YearMonth.of(2024, 4)).paymentLimit("J9271"));
        assertEquals("1 MG", q2401.get("J9271").billingUnitText());
        assertEquals("10 MG", q2601.get("J9035").billingUnitText());
        assertEquals("1 ML", q2401.get("90371").billingUnitText());
        assertEquals(3, q2401.get("J9271").paymentLimit().scale(), "three decimals as published");
        assertNull(q2401.get("A9606"), "N/A limit: no price");
        assertEquals(ASP.quarters(), ASP.quartersOf("J9271"));
        assertEquals(List.of(), ASP.quartersOf("99213"));
        assertEquals("ASP 2026-01", q2601.version());
    }

    @Test
    void aspQuarterBoundariesAndNearestQuarterWarning() {
        assertEquals(YearMonth.of(2025, 1), ASP.select(LocalDate.of(2025, 3, 31)).release());
        assertEquals(YearMonth.of(2025, 4), ASP.select(LocalDate.of(2025, 4, 1)).release());
        assertEquals(YearMonth.of(2025, 10), ASP.select(LocalDate.of(2025, 12, 31)).release());
        assertEquals(YearMonth.of(2026, 1), ASP.select(LocalDate.of(2026, 1, 1)).release());
        assertTrue(ASP.select(LocalDate.of(2026, 3, 31)).exact());
        price("58.562", ASP.quarter(LocalDate.of(2025, 9, 30)).paymentLimit("J9271"));
        price("60.291", ASP.quarter(LocalDate.of(2025, 10, 1)).paymentLimit("J9271"));

        Releases.Selection<AspQuarter> late = ASP.select(LocalDate.of(2026, 4, 1));
        assertEquals(YearMonth.of(2026, 1), late.release());
        assertTrue(late.warning().contains("ASP 2026-01") && late.warning().contains("2026-04"), late.warning());
        Releases.Selection<AspQuarter> early = ASP.select(LocalDate.of(2023, 12, 31));
        assertEquals(YearMonth.of(2024, 1), early.release());
        assertTrue(early.warning().contains("ASP 2024-01"), early.warning());
    }

    @Test
    void aspDirectoryAddsANewerQuarterAndNamesABadFile(@TempDir Path dir) throws IOException {
        String text = Files.readString(Path.of("src/main/resources/io/oncoaudit/core/tables/cms/asp/asp-2026-01.csv"))
                .replace("Effective January 1, 2026 through March 31, 2026", "Effective April 1, 2026 through June 30, 2026")
                .replace("J9271,Inj pembrolizumab,1 MG,59.726", "J9271,Inj pembrolizumab,1 MG,61.000");
        Files.writeString(dir.resolve("April 2026 ASP Pricing File.csv"), text);
        AspQuarters more = ASP.withDirectory(dir);
        Releases.Selection<AspQuarter> s = more.select(LocalDate.of(2026, 5, 2));
        assertTrue(s.exact());
        assertEquals("ASP 2026-04", s.version());
        price("61.000", s.table().paymentLimit("J9271"));
        price("59.726", more.quarter(LocalDate.of(2026, 2, 1)).paymentLimit("J9271"));
        assertEquals(10, more.quarters().size());
        assertTrue(more.sources().get("ASP 2026-04").contains("April 2026 ASP Pricing File.csv"));

        Files.writeString(dir.resolve("notes.csv"), "a,b\n1,2\n");
        TableFormatException e = assertThrows(TableFormatException.class, () -> ASP.withDirectory(dir));
        assertTrue(e.getMessage().startsWith("notes.csv"), e.getMessage());
    }

    @Test
    void crosswalkRowCountsAnomaliesAndPairs() {
        NdcCrosswalks ndc = NdcCrosswalks.shipped();
        assertEquals(ASP.quarters(), ndc.quarters());
        NdcCrosswalk c2401 = ndc.get(YearMonth.of(2024, 1)), c2601 = ndc.get(YearMonth.of(2026, 1));
        assertEquals(6684, c2401.dataRows());
        assertEquals(6684 - 5989, c2401.anomalies().stream().filter(a -> a.reason().contains("not an NDC")).count());
        assertEquals(5832, c2401.ndcCount());
        assertEquals(7125, c2601.dataRows());
        assertEquals(6945, c2601.ndcCount());
        NdcCrosswalk c2404 = ndc.get(YearMonth.of(2024, 4));
        assertTrue(c2404.anomalies().stream().anyMatch(a -> a.reason().contains("'21.3125?'")), "unreadable BILLUNITS listed");

        NdcCrosswalk.Row k = c2601.pair("J9271", "00006302602");
        assertNotNull(k);
        assertEquals("1 MG", k.hcpcsDosage());
        price("100", k.billUnits());
        price("100", k.billUnitsPkg());
        price("200", c2601.pair("J9271", "00006-3026-04").billUnitsPkg());
        assertNull(c2601.pair("J9035", "00006-3026-02"), "Keytruda is not bevacizumab");
        price("400", c2401.pair("J9035", "50242-0061-10").billUnitsPkg());
        assertNull(c2601.pair("J9035", "50242-0061-10"), "that 10-pack is gone from the 2026-01 crosswalk");
        assertEquals(List.of(), c2601.byNdc("0006-3026-02"), "10-digit 4-4-2 is not a claim NDC");
        assertEquals(YearMonth.of(2025, 1), ndc.select(LocalDate.of(2025, 3, 31)).release());
        assertEquals(YearMonth.of(2025, 4), ndc.select(LocalDate.of(2025, 4, 1)).release());
    }

    @Test
    void ndcSpellings() {
        assertEquals("00006302602", Ndc.digits("00006-3026-02"));
        assertEquals("00006302602", Ndc.digits("00006302602"));
        assertNull(Ndc.digits("0006-3026-02"));
        assertNull(Ndc.digits("00006-302-602"));
        assertNull(Ndc.digits("0000630260"));
        assertNull(Ndc.digits("0000630260A"));
        assertEquals("00006-3026-02", Ndc.hyphenated("00006302602"));
    }

    @Test
    void oppsAddendumBKnownRows() {
        OppsReleases opps = OppsReleases.shipped();
        assertEquals(List.of(YearMonth.of(2024, 1), YearMonth.of(2025, 1), YearMonth.of(2025, 10)), opps.releases());
        OppsAddendumB b = opps.get(YearMonth.of(2025, 10));
        assertEquals(18798, b.entries().size());
        assertEquals(18109, opps.get(YearMonth.of(2024, 1)).entries().size());
        assertEquals(18562, opps.get(YearMonth.of(2025, 1)).entries().size());
        row(b, "96413", "S", "5694", "331.69");
        row(b, "96409", "S", "5694", "331.69");
        row(b, "96416", "S", "5694", "331.69");
        row(b, "G0498", "S", "5694", "331.69");
        row(b, "96365", "S", "5693", "210.69");
        row(b, "96372", "Q1", "5692", "71.17");
        row(b, "96401", "Q1", "5692", "71.17");
        row(b, "96402", "Q1", "5692", "71.17");
        row(b, "96415", "S", "5692", "71.17");
        row(b, "96417", "S", "5692", "71.17");
        row(b, "G0463", "J2", "5012", "128.87");
        row(b, "J9271", "K", "1490", "60.291");
        for (String em : List.of("99211", "99212", "99213", "99214", "99215")) {
            assertEquals("B", b.get(em).statusIndicator(), em);
            assertNull(b.get(em).paymentRate(), em);
        }
        assertEquals("N", b.get("96368").statusIndicator());
        assertEquals("N", b.get("96376").statusIndicator());
        OppsAddendumB b24 = opps.get(YearMonth.of(2024, 1));
        row(b24, "96413", "S", "5694", "322.68");
        row(b24, "96365", "S", "5693", "204.22");
        row(b24, "G0463", "J2", "5012", "125.95");
        row(b24, "J9271", "K", "1490", "55.730");
        row(opps.get(YearMonth.of(2025, 1)), "J9271", "K", "1490", "57.60");
        // the Addendum B K rate of a quarter equals that quarter's ASP limit
        price(ASP.get(YearMonth.of(2025, 10)).paymentLimit("J9271").toPlainString(), b.get("J9271").paymentRate());
    }

    private static void row(OppsAddendumB b, String code, String si, String apc, String rate) {
        OppsAddendumB.Entry e = b.get(code);
        assertNotNull(e, code);
        assertEquals(si, e.statusIndicator(), code);
        assertEquals(apc, e.apc(), code);
        price(rate, e.paymentRate());
    }

    @Test
    void oppsReleaseInForceByCalendarYear() {
        OppsReleases opps = OppsReleases.shipped();
        assertEquals("OPPS 2024-01", opps.select(LocalDate.of(2024, 12, 31)).version());
        assertTrue(opps.select(LocalDate.of(2024, 6, 1)).exact());
        assertEquals("OPPS 2025-01", opps.select(LocalDate.of(2025, 9, 30)).version());
        assertEquals("OPPS 2025-10", opps.select(LocalDate.of(2025, 10, 1)).version());
        Releases.Selection<OppsAddendumB> y26 = opps.select(LocalDate.of(2026, 2, 3));
        assertEquals("OPPS 2025-10", y26.version());
        assertTrue(y26.warning() != null && y26.warning().contains("OPPS 2025-10"));
        assertEquals("OPPS 2024-01", opps.select(LocalDate.of(2023, 7, 1)).version());
        assertTrue(!opps.select(LocalDate.of(2023, 7, 1)).exact());
    }
}
