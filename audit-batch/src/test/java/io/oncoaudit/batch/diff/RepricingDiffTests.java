package io.oncoaudit.batch.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.Extracts;
import io.oncoaudit.batch.SharedSpark;
import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.output.Summary;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** audit --tables-as-of re-prices a run with other tables; diff lists what changed and why (issue 14, point 5). */
class RepricingDiffTests {
    @TempDir
    Path tmp;

    @Test
    void aReplayAsOfOtherTablesChangesOnlyPricesAndDiffSaysWhy() {
        // pembrolizumab 200 mg documented, J9271 billed x150: DRUG_UNITS underpayment of 50 units at the ASP limit
        List<String> lines = List.of(
                "K-1,1,P-1,2025-11-10,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,96413,,1,,C34.90,400.00,,,,",
                "K-1,2,P-1,2025-11-10,1234567893,,Oak Oncology,MEDICARE,Medicare Part B,11,J9271,JZ,150,,C34.90,15000.00,,,,");
        Path claims = Extracts.write(tmp.resolve("x/claim_lines.csv"), Extracts.LINES_HEADER, lines);
        Path admins = Extracts.write(tmp.resolve("x/administrations.csv"), Extracts.ADMIN_HEADER,
                List.of("K-1,A1,J9271,pembrolizumab,200,mg,IV,2025-11-10T09:00,2025-11-10T09:30,,,"));
        Path a = tmp.resolve("run-a"), b = tmp.resolve("run-b");
        Summary sa = Extracts.audit(claims, admins, a);
        Summary sb = Extracts.audit(new AuditOptions(claims, admins, b, null, null, null).withTables(null, LocalDate.of(2024, 2, 1), null));
        assertEquals(sa.total().findings(), sb.total().findings());

        Row f = SharedSpark.get().read().parquet(a.resolve("findings").toString()).filter("kind = 'DRUG_UNITS'").first();
        assertEquals(0, new BigDecimal("3014.55").compareTo(f.getAs("amount")), () -> "50 x 60.291 (ASP 2025-10): " + f + " " + SharedSpark.get().read().parquet(a.resolve("encounters").toString()).collectAsList());
        assertEquals("ASP 2025-10", f.getAs("table_version"));
        assertEquals(0, new BigDecimal("60.291").compareTo(f.getAs("expected_price")));
        assertTrue(Extracts.read(a.resolve("manifest.json")).contains("\"ASP 2025-10\""));
        assertTrue(Extracts.read(b.resolve("manifest.json")).contains("\"tablesAsOf\": \"2024-02-01\""));

        DiffCommand.Result d = DiffCommand.diff(SharedSpark.get(), a, b, 100);
        assertEquals(0, d.added());
        assertEquals(0, d.removed());
        assertEquals(1, d.changed(), d.json());
        Row c = d.changes().get(0);
        assertEquals("DRUG_UNITS", c.getAs("kind"));
        assertEquals(0, new BigDecimal("2786.50").compareTo(c.getAs("amount_b")), "50 x 55.730 (ASP 2024-01)");
        String why = String.join("; ", DiffCommand.why(c));
        assertTrue(why.contains("table version ASP 2025-10 -> ASP 2024-01") && why.contains("expected price of J9271 60.291 -> 55.73"), why);
        assertTrue(d.json().contains("\"delta\": -228.05"), d.json());
        assertTrue(d.table().contains("DRUG_UNITS") && d.table().contains("-228.05"), d.table());
    }

    @Test
    void diffNeedsTwoRunFolders() {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(), err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream o = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        java.io.PrintStream e = new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(2, io.oncoaudit.batch.BatchCli.run(new String[] {"diff", "--run", tmp.toString()}, o, e));
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("exactly two runs"), err.toString());
        assertEquals(2, io.oncoaudit.batch.BatchCli.run(new String[] {"diff", "--run", tmp.toString(), "--run", tmp.toString()}, o, e));
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("not an audit run folder"), err.toString());
    }
}
