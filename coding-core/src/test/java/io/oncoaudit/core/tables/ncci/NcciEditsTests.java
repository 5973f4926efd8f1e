package io.oncoaudit.core.tables.ncci;

import io.oncoaudit.core.tables.TableFormatException;
import io.oncoaudit.core.tables.cms.CsvRecords;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loaders of the official NCCI layouts, on the real CMS excerpts in shared/reference/cms/ncci. */
class NcciEditsTests {
    static final Path DIR = Path.of("src/test/resources/ncci").toAbsolutePath(); // copies of shared/reference/cms/ncci
    static final Path PTP = DIR.resolve("ptp-practitioner-2026q3-layout-excerpt.txt");
    static final Path MUE = DIR.resolve("mue-practitioner-2026-07-layout-excerpt.csv");

    @Test
    void ptpFileLayout() {
        List<NcciEdits.PtpEdit> edits = NcciEdits.parsePtp(PTP.getFileName().toString(), CsvRecords.decode(CsvRecords.readFile(PTP)));
        assertEquals(31, edits.size(), "every edit row, no notice/title/header line");
        NcciEdits.PtpEdit first = edits.get(0);
        assertEquals("0001A", first.column1());
        assertEquals("0591T", first.column2());
        assertEquals(LocalDate.of(2022, 1, 1), first.effective());
        assertEquals(LocalDate.of(2023, 12, 31), first.deletion());
        assertEquals('1', first.modifierIndicator());
        NcciEdits.PtpEdit open = edits.stream().filter(e -> e.column2().equals("0030U")).findFirst().orElseThrow();
        assertNull(open.deletion(), "'*' = no deletion date");
        assertTrue(open.activeOn(LocalDate.of(2030, 1, 1)));
        assertTrue(edits.stream().anyMatch(e -> e.modifierIndicator() == '0'));
        assertTrue(edits.stream().anyMatch(e -> e.modifierIndicator() == '9'));
    }

    @Test
    void mueFileLayoutWithItsEffectiveDateFromTheName() {
        Map<String, NcciEdits.Mue> m = NcciEdits.parseMue(MUE.getFileName().toString(), CsvRecords.decode(CsvRecords.readFile(MUE)));
        assertEquals(8, m.size());
        NcciEdits.Mue a = m.get("0009U");
        assertEquals(2, a.value());
        assertEquals(3, a.mai());
        assertEquals(LocalDate.of(2026, 7, 1), a.effective());
        assertEquals(LocalDate.of(2026, 10, 1),
                NcciEdits.parseMue("MCR_MUE_PractitionerServices_Eff_10-01-2026.csv", "0001U,1,2 Date of Service Edit: Policy,x\n").get("0001U").effective());
    }

    @Test
    void badRowsNameTheFileAndLine() {
        TableFormatException e = assertThrows(TableFormatException.class,
                () -> NcciEdits.parsePtp("p.txt", "96440\t32554\t\t20130101\t*\t7\tx\n"));
        assertTrue(e.getMessage().contains("p.txt") && e.getMessage().contains("modifier indicator"), e.getMessage());
        TableFormatException m = assertThrows(TableFormatException.class, () -> NcciEdits.parseMue("mue-2026-07.csv", "96413,one,1 Line Edit,x\n"));
        assertTrue(m.getMessage().contains("mue-2026-07.csv") && m.getMessage().contains("96413"), m.getMessage());
        assertThrows(TableFormatException.class, () -> NcciEdits.parseMue("mue.csv", "96413,1,1 Line Edit,x\n"), "no date in the name");
    }

    @Test
    void shippedPairsAreThePublicTextOnesAndTheFolderAddsTheOfficialFiles(@TempDir Path tmp) throws Exception {
        NcciEdits shipped = NcciEdits.shipped();
        assertEquals('0', shipped.ptp("96440", "32554", LocalDate.of(2026, 3, 2)).get(0).modifierIndicator());
        assertEquals('0', shipped.ptp("96450", "62270", LocalDate.of(2026, 3, 2)).get(0).modifierIndicator());
        assertTrue(shipped.ptp("0001A", "36591", LocalDate.of(2023, 3, 2)).isEmpty());
        assertNull(shipped.mue("0009U", LocalDate.of(2026, 8, 1)));
        Files.copy(PTP, tmp.resolve(PTP.getFileName()));
        Files.copy(MUE, tmp.resolve(MUE.getFileName()));
        NcciEdits loaded = shipped.withDirectory(tmp);
        assertEquals('0', loaded.ptp("0001A", "36591", LocalDate.of(2023, 3, 2)).get(0).modifierIndicator());
        assertTrue(loaded.ptp("0001A", "36591", LocalDate.of(2024, 3, 2)).isEmpty(), "deleted 2023-12-31");
        assertEquals(2, loaded.mue("0009U", LocalDate.of(2026, 8, 1)).value());
        assertNull(loaded.mue("0009U", LocalDate.of(2026, 6, 30)), "table effective 2026-07-01");
        assertTrue(loaded.ptp("96440", "32554", LocalDate.of(2026, 3, 2)).size() == 1, "shipped pairs kept");
    }
}
