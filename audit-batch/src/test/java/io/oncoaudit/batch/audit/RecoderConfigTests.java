package io.oncoaudit.batch.audit;

import io.oncoaudit.core.model.FindingKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** --ncci: the executors' Recoder carries the folder's official NCCI files besides the shipped pairs. */
class RecoderConfigTests {
    @Test
    void ncciFolderReachesTheRecoder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ccipra-test.txt"), "Column 1\tColumn 2\n96413\t36000\t*\t20020101\t*\t0\ttest\n");
        var recoder = new RecoderConfig(null, null, null, null, null, dir.toString()).recoder();
        assertEquals('0', recoder.ncci().ptp("96413", "36000", java.time.LocalDate.of(2026, 1, 5)).get(0).modifierIndicator());
        assertEquals('0', recoder.ncci().ptp("96440", "32554", java.time.LocalDate.of(2026, 1, 5)).get(0).modifierIndicator());
        assertNull(new RecoderConfig(null, null).ncciPath());
        assertEquals(FindingKind.NCCI_PTP_EDIT, FindingKind.valueOf("NCCI_PTP_EDIT"));
    }

    @Test
    void badNcciFileFailsNamingIt(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("ccipra-bad.txt"), "96413\t36000\t*\t20020101\t*\tX\ttest\n");
        var e = assertThrows(RuntimeException.class, () -> new RecoderConfig(null, null, null, null, null, dir.toString()).recoder());
        org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("ccipra-bad.txt"), e.getMessage());
    }
}
