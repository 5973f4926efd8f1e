package io.oncoaudit.batch.bench;

import io.oncoaudit.batch.audit.RowIndexer;
import io.oncoaudit.batch.cli.Args;
import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.InputFiles;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.spark.Progress;
import io.oncoaudit.batch.spark.Sessions;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * {@code baseline --claims P --administrations P --out DIR} (bench/batch-bench.sh, issue 4 section 4): the
 * same read (explicit schema, same CSV options), the same grouping by claim and a Parquet write of the same
 * rows, without validation, recoding or the audit's outputs. The audit's cost over this is the audit itself.
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
            Dataset<Row> grouped = lines.groupByKey(RowIndexer.claimKey(), Encoders.STRING())
                    .cogroup(admins.groupByKey(RowIndexer.claimKey(), Encoders.STRING()), new PassThrough(), Encoders.row(SCHEMA));
            Path dir = a.requiredPath("out");
            grouped.write().mode("overwrite").parquet(dir.toAbsolutePath().toString());
            out.printf(Locale.ROOT, "{\"seconds\": %.1f, \"taskCpuSeconds\": %.1f}%n", (System.nanoTime() - t0) / 1e9,
                    progress.taskCpuNanos() / 1e9);
        } finally {
            spark.stop();
        }
    }

    /** Every row of both tables with its claim key, as one text column per contract column of claim_lines. */
    static final StructType SCHEMA;

    static {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("claim_key", DataTypes.StringType, true));
        f.add(DataTypes.createStructField("source", DataTypes.StringType, true));
        for (String n : Table.CLAIM_LINES.names()) f.add(DataTypes.createStructField(n, DataTypes.StringType, true));
        SCHEMA = DataTypes.createStructType(f);
    }

    static final class PassThrough implements CoGroupFunction<String, Row, Row, Row> {
        @Override
        public Iterator<Row> call(String key, Iterator<Row> lines, Iterator<Row> admins) {
            List<Row> out = new ArrayList<>();
            int n = Table.CLAIM_LINES.names().size();
            while (lines.hasNext()) out.add(row(key, "claim_lines", lines.next(), n));
            while (admins.hasNext()) out.add(row(key, "administrations", admins.next(), n));
            return out.iterator();
        }

        private static Row row(String key, String source, Row r, int n) {
            Object[] v = new Object[n + 2];
            v[0] = key;
            v[1] = source;
            int m = Math.min(n, r.length() - 3);
            for (int i = 0; i < m; i++) v[i + 2] = r.get(i);
            return RowFactory.create(v);
        }
    }
}
