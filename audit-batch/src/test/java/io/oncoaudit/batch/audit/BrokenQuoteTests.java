package io.oncoaudit.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.output.Summary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, hole 6 (batch): an unterminated CSV quote swallowed the following rows into one reject (13 rows
 * counted for 24 physical rows; seen failing before the fix: inputLines 13, rejected row 5 held rows 5-16).
 * Now the broken row is one reject at the row where it started and every other row is audited.
 */
class BrokenQuoteTests {
    @TempDir
    Path tmp;

    private static String line(String claim, String provider) {
        return claim + ",1,P-9,2026-03-02,1234567893,," + provider + ",MEDICARE,,11,96372,,1,,C50.911,100.00,,,,";
    }

    @Test
    void anUnterminatedQuoteDamagesOnlyItsOwnRow() {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 24; i++) {
            // row 5: the provider name opens a quote that never closes; row 16 has a properly quoted name with a comma
            String provider = i == 5 ? "\"Oak Oncology" : i == 16 ? "\"Oak, Smith Oncology\"" : "Oak Oncology";
            lines.add(line("Q-" + i, provider));
        }
        Path claims = Extracts.write(tmp.resolve("in/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Summary s = Extracts.audit(claims, null, tmp.resolve("run"));
        assertEquals(24, s.inputLines(), "every physical row is counted");
        assertEquals(1, s.rejectedLineRows());
        assertEquals(23, s.linesAudited());
        List<Row> rejects = SharedSpark.get().read().parquet(tmp.resolve("run/rejects").toString()).collectAsList();
        assertEquals(1, rejects.size());
        Row r = rejects.get(0);
        assertEquals(5L, r.<Long>getAs("row_number"), "the reject names the row where the broken quote started");
        assertTrue(String.valueOf(r.<String>getAs("original")).contains("Q-5"), String.valueOf(r.<String>getAs("original")));
    }
}
