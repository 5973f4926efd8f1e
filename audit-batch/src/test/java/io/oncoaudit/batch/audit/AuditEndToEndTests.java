package io.oncoaudit.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.output.Summary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditEndToEndTests {
    @TempDir
    Path tmp;

    @Test
    void auditsASmallExtractAndPublishesEveryOutput() {
        List<String> lines = new ArrayList<>(Extracts.fulvestrantLines("C-1"));
        lines.addAll(Extracts.fulvestrantLines("C-2"));
        Path claims = Extracts.write(tmp.resolve("claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("administrations.csv"), Extracts.ADMIN_HEADER,
                List.of(Extracts.fulvestrantAdmin("C-1"), Extracts.fulvestrantAdmin("C-2")));
        Path out = tmp.resolve("run");

        Summary s = Extracts.audit(claims, admins, out);

        assertEquals(4, s.inputLines());
        assertEquals(2, s.inputAdministrations());
        assertEquals(2, s.encounters());
        assertEquals(0, s.rejectedRows());
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertTrue(Files.exists(out.resolve("manifest.json")));
        assertTrue(Files.exists(out.resolve("rejects.csv")));
        List<Row> findings = SharedSpark.get().read().parquet(out.resolve("findings").toString()).collectAsList();
        assertTrue(Extracts.read(out.resolve("summary.json")).contains("\"kind\":\"DOWNCODED_TO_96372\",\"findings\":2"));
        assertEquals(s.total().findings(), findings.size());
    }
}
