package io.oncoaudit.batch.generate;

import static org.apache.spark.sql.functions.col;

import io.oncoaudit.batch.cli.Args;
import io.oncoaudit.batch.cli.UsageException;
import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.InputFiles;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.RunFolder;
import io.oncoaudit.batch.spark.Sessions;
import io.oncoaudit.core.tables.ReferenceTables;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * {@code generate --encounters N --out DIR [--seed S] [--error-rate R] [--format csv|parquet]} (issue 4,
 * section 3): a realistic oncology extract with injected coding errors and their ground truth (DIR/truth.csv).
 * {@code --format x12} also writes the claims as 837P / 837I (institutional) and the payer's 835 with denials ({@link X12Writer}).
 */
public final class GenerateCommand {
    public static final Set<String> OPTIONS = Set.of("encounters", "out", "seed", "error-rate", "format", "part-size");
    /** Contract types for the Parquet form of the extract (contract section 1). */
    static final Map<String, String> TYPES = Map.ofEntries(Map.entry("line_number", "int"),
            Map.entry("date_of_service", "date"), Map.entry("units", "decimal(12,3)"),
            Map.entry("charge_amount", "decimal(12,2)"), Map.entry("allowed_amount", "decimal(12,2)"),
            Map.entry("paid_amount", "decimal(12,2)"), Map.entry("dose", "decimal(12,3)"),
            Map.entry("start_time", "timestamp_ntz"), Map.entry("end_time", "timestamp_ntz"),
            Map.entry("pump", "boolean"), Map.entry("wasted", "decimal(12,3)"), Map.entry("lesion_count", "int"));

    private GenerateCommand() { }

    public static void run(Args a, PrintStream out, PrintStream err) {
        long n = a.longValue("encounters", -1);
        if (n < 1) throw new UsageException("generate: --encounters N (N >= 1) is required");
        Path dir = a.requiredPath("out");
        long seed = a.longValue("seed", 1);
        double errorRate = a.doubleValue("error-rate", 0.1);
        if (errorRate < 0 || errorRate > 1) throw new UsageException("generate: --error-rate must be between 0 and 1");
        String format = a.get("format") == null ? "csv" : a.get("format").toLowerCase(Locale.ROOT);
        if (!format.equals("csv") && !format.equals("parquet") && !format.equals("x12")) {
            throw new UsageException("generate: --format is csv, parquet or x12");
        }
        long partSize = a.longValue("part-size", 50_000);
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            Path csvDir = format.equals("parquet") ? dir.resolve(".generate-csv") : dir;
            Stats s = writeCsv(csvDir, n, seed, errorRate, partSize, err, format.equals("x12"));
            if (format.equals("parquet")) {
                toParquet(csvDir, dir);
                Files.move(csvDir.resolve("truth.csv"), dir.resolve("truth.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                RunFolder.deleteRecursively(csvDir);
            }
            out.printf(Locale.ROOT, "{\"encounters\": %d, \"claimLines\": %d, \"administrations\": %d, \"injected\": %d, "
                            + "\"format\": \"%s\", \"seed\": %d, \"errorRate\": %s, \"seconds\": %.1f}%n", s.encounters, s.lines,
                    s.admins, s.injected, format, seed, Double.toString(errorRate), (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new UncheckedIOException("generate: cannot write '" + dir + "': " + e.getMessage(), e);
        }
    }

    record Stats(long encounters, long lines, long admins, long injected) { }

    static Stats writeCsv(Path dir, long n, long seed, double errorRate, long partSize, PrintStream err) throws IOException {
        return writeCsv(dir, n, seed, errorRate, partSize, err, false);
    }

    /** {@code x12}: also DIR/claims-x12/ (837P, 837I), DIR/remits/ (835) and DIR/remits-truth.csv ({@link X12Writer}). */
    static Stats writeCsv(Path dir, long n, long seed, double errorRate, long partSize, PrintStream err, boolean x12)
            throws IOException {
        Random r = new Random(seed);
        ReferenceTables tables = ReferenceTables.builtIn();
        VisitFactory factory = new VisitFactory(tables, new Catalog(r, 40));
        long injected = 0;
        long next = System.nanoTime() + 3_000_000_000L;
        long start = System.nanoTime();
        try (ExtractWriter w = new ExtractWriter(dir, partSize, x12 ? new X12Writer(dir, partSize, seed) : null)) {
            for (long i = 1; i <= n; i++) {
                Visit v = factory.next(r, String.format(Locale.ROOT, "C%09d", i), errorRate);
                if (!v.injected.isEmpty()) injected++;
                w.write(v, r);
                if (System.nanoTime() > next) {
                    double secs = (System.nanoTime() - start) / 1e9;
                    err.printf(Locale.ROOT, "[generate] %,d of %,d encounters (%,.0f/s, ETA %.0f s)%n", i, n, i / secs,
                            (n - i) / (i / secs));
                    next = System.nanoTime() + 3_000_000_000L;
                }
            }
            return new Stats(w.encounters, w.lineRows, w.adminRows, injected);
        }
    }

    /** Converts the CSV parts to Parquet with contract types (int, date, decimal, timestamp), streaming through Spark. */
    static void toParquet(Path csvDir, Path dir) {
        boolean shared = SparkSession.getDefaultSession().isDefined();
        SparkSession spark = Sessions.create("oncoaudit-generate", null);
        try {
            for (Table t : Table.values()) {
                Path src = csvDir.resolve(t.source());
                Dataset<Row> text = ExtractReader.read(spark, t, "generated", InputFiles.of("generated", src));
                Column[] typed = t.names().stream()
                        .map(c -> TYPES.containsKey(c) ? col(c).cast(TYPES.get(c)).as(c) : col(c)).toArray(Column[]::new);
                text.select(typed).write().mode("overwrite").parquet(dir.resolve(t.source()).toString());
            }
        } finally {
            if (!shared) spark.stop();
        }
    }
}
