package io.oncoaudit.batch.bench;

import io.oncoaudit.batch.audit.ClaimRows;
import io.oncoaudit.batch.cli.Args;
import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.InputFiles;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.spark.Progress;
import io.oncoaudit.batch.spark.Sessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code baseline --claims P --administrations P --out DIR} (bench/batch-bench.sh, issue 4 section 4): the
 * same read (explicit schema, same CSV options), the same grouping by claim (the audit's own plan, {@link ClaimRows})
 * and a Parquet write of the grouped rows, without validation, recoding or the audit's outputs. The audit's cost
 * over this is the audit itself.
 */
public final class BaselineCommand {
    public static final Set<String> OPTIONS = Set.of("claims", "administrations", "out", "master");

    private BaselineCommand() { }

    public static void run(Args a, PrintStream out, PrintStream err) {
        SparkSession spark = Sessions.create("oncoaudit-baseline", a.get("master"));
        long t0 = System.nanoTime();
        try (Progress progress = new Progress(spark, "baseline", err, 3000)) {
            progress.step("reading, grouping and writing", 0);
            Dataset<Row> lines = ExtractReader.read(spark, Table.CLAIM_LINES, "claims", InputFiles.of("claims", a.requiredPath("claims")));
            Dataset<Row> admins = ExtractReader.read(spark, Table.ADMINISTRATIONS, "administrations",
                    InputFiles.of("administrations", a.requiredPath("administrations")));
            // the audit's own grouping plan (ClaimRows), written as it is: every row of both tables, grouped by claim
            Dataset<Row> grouped = ClaimRows.grouped(lines, admins);
            Path dir = a.requiredPath("out");
            grouped.write().mode("overwrite").parquet(dir.toAbsolutePath().toString());
            out.printf(Locale.ROOT, "{\"seconds\": %.1f, \"taskCpuSeconds\": %.1f}%n", (System.nanoTime() - t0) / 1e9,
                    progress.taskCpuNanos() / 1e9);
        } finally {
            spark.stop();
        }
    }
}
