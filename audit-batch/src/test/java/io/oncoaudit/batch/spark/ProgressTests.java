package io.oncoaudit.batch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.audit.AuditRun;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 16 point 5: audit progress counts lines and administrations apart, never shows processed above read. */
class ProgressTests {
    @TempDir
    Path tmp;

    private static final Pattern COUNTS = Pattern.compile("claim lines ([\\d,]+) read, ([\\d,]+) processed; "
            + "administrations ([\\d,]+) read, ([\\d,]+) processed");

    private static long n(String s) { return Long.parseLong(s.replace(",", "")); }

    @Test
    void theAuditStepCountsLinesAndAdministrationsApartAndEndsWithEveryRowProcessed() {
        List<String> lines = new ArrayList<>(Extracts.fulvestrantLines("C-1"));
        lines.addAll(Extracts.fulvestrantLines("C-2"));
        lines.add("C-3,1,P-1,2026-03-02,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96372,,1,,C50.911,60.00,,,,");
        Path claims = Extracts.write(tmp.resolve("in/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("in/administrations.csv"), Extracts.ADMIN_HEADER,
                List.of(Extracts.fulvestrantAdmin("C-1"), Extracts.fulvestrantAdmin("C-2")));
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(buf, true, StandardCharsets.UTF_8);
        try (Progress p = new Progress(SharedSpark.get(), "audit", err, 100)) {
            new AuditRun(SharedSpark.get(), new AuditOptions(claims, admins, tmp.resolve("run"), null, null, null), p).run();
        }
        String out = buf.toString(StandardCharsets.UTF_8);
        List<Matcher> step = new ArrayList<>();
        for (String l : out.split("\n")) {
            if (!l.startsWith("[audit] reading, validating and re-coding claims:")) continue;
            Matcher m = COUNTS.matcher(l);
            assertTrue(m.find(), "lines and administrations counted apart: " + l);
            assertTrue(n(m.group(2)) <= n(m.group(1)), "lines processed above read: " + l);
            assertTrue(n(m.group(4)) <= n(m.group(3)), "administrations processed above read: " + l);
            assertFalse(l.contains("rows read"), "one merged count: " + l);
            step.add(m);
        }
        assertFalse(step.isEmpty(), "the audit step reports its counts when it ends:\n" + out);
        Matcher last = step.get(step.size() - 1);
        assertEquals(List.of(5L, 5L, 2L, 2L), List.of(n(last.group(1)), n(last.group(2)), n(last.group(3)),
                n(last.group(4))), out);
    }

    @Test
    void processedIsNeverShownAboveRead() {
        // a running task's heartbeat may report rows processed before the last read task's end is counted
        String l = Progress.line(new Progress.Snapshot("audit", "step", 20, 0, 400, 400, 0, 5, 3, 8,
                List.of(new Progress.Count("claim lines", 1000, 1200), new Progress.Count("administrations", 300, 100))));
        Matcher m = COUNTS.matcher(l);
        assertTrue(m.find(), l);
        assertEquals(List.of(1000L, 1000L, 300L, 100L), List.of(n(m.group(1)), n(m.group(2)), n(m.group(3)),
                n(m.group(4))), l);
    }

    @Test
    void theEtaComesFromTheRate() {
        // reading: 100 of 400 bytes in 10 s -> 300 bytes left at 10 bytes/s
        String reading = Progress.line(new Progress.Snapshot("audit", "step", 10, 50, 100, 400, 0, 0, 1, 8,
                List.of(new Progress.Count("claim lines", 40, 0), new Progress.Count("administrations", 10, 0))));
        assertTrue(reading.contains("ETA 30 s"), reading);
        // processing: 250 of 1,000 rows in the 5 s since processing began -> 750 rows left at 50 rows/s, whatever
        // the share of tasks done (7 of 8) or the time since the step began (100 s)
        String processing = Progress.line(new Progress.Snapshot("audit", "step", 100, 1000, 400, 400, 250, 5, 7, 8,
                List.of(new Progress.Count("claim lines", 800, 200), new Progress.Count("administrations", 200, 50))));
        assertTrue(processing.contains("ETA 15 s"), processing);
        assertTrue(processing.contains("50 rows/s processed"), processing);
        // all processed: no ETA
        String finished = Progress.line(new Progress.Snapshot("audit", "step", 100, 1000, 400, 400, 1000, 5, 8, 8,
                List.of(new Progress.Count("claim lines", 800, 800), new Progress.Count("administrations", 200, 200))));
        assertFalse(finished.contains("ETA"), finished);
    }
}
