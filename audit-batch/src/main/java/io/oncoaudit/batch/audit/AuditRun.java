package io.oncoaudit.batch.audit;

import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.oncoaudit.batch.BatchVersion;
import io.oncoaudit.batch.input.ExtractReader;
import io.oncoaudit.batch.input.InputException;
import io.oncoaudit.batch.input.InputFiles;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Json;
import io.oncoaudit.batch.output.RejectsCsv;
import io.oncoaudit.batch.output.RunFolder;
import io.oncoaudit.batch.output.Summary;
import io.oncoaudit.batch.spark.Progress;
import io.oncoaudit.batch.x12.RemitFiles;
import io.oncoaudit.batch.x12.RemitRecord;
import io.oncoaudit.batch.x12.Remittances;
import io.oncoaudit.batch.x12.X12Claims;
import io.oncoaudit.core.recode.Recoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.spark.rdd.RDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;
import org.apache.spark.util.LongAccumulator;

/**
 * {@code audit} (contract sections 1, 3, 7): reads the extract, audits every claim once, and publishes
 * findings, encounters, rejects, manifest.json and summary.json atomically into the output folder.
 */
public final class AuditRun {
    private final SparkSession spark;
    private final AuditOptions options;
    private final Progress progress;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final Map<String, Long> taskCpu = new LinkedHashMap<>();
    private long cpuMark;

    public AuditRun(SparkSession spark, AuditOptions options, Progress progress) {
        this.spark = spark;
        this.options = options;
        this.progress = progress;
    }

    /** Inputs resolved and checked before any Spark work (exit 2 on anything unreadable). */
    public record Inputs(InputFiles claims, InputFiles administrations, List<Path> remits, X12Claims.Converted x12Claims) {
        public Inputs(InputFiles claims, InputFiles administrations) {
            this(claims, administrations, null, null);
        }
    }

    public Summary run() {
        return run(preflight(options));
    }

    /**
     * The checked inputs and their checksums, started before the Spark session so hashing overlaps its start:
     * the run id goes into every finding, so it must be known before the audit job.
     */
    public record Preflight(Inputs inputs, CompletableFuture<Map<String, List<String[]>>> checksums) { }

    /** Checks every input path and CSV header before a SparkSession starts (exit 2 names the file and column). */
    public static Preflight preflight(AuditOptions options) {
        Inputs in = new AuditRun(null, options, null).checkInputs();
        return new Preflight(in, CompletableFuture.supplyAsync(() -> checksums(in)));
    }

    public Summary run(Preflight pre) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Inputs in = pre.inputs();
        RecoderConfig config = new RecoderConfig(abs(options.feeSchedule()), abs(options.payerPolicies()), abs(options.asp()),
                options.tablesAsOf() == null ? null : options.tablesAsOf().toString(), abs(options.chargeMaster()),
                abs(options.ncci()));
        Recoder recoder = loadRecoder(config);
        shipSideFiles();
        Map<String, List<String[]>> sums = join(pre.checksums());
        String runId = runId(sums, recoder);
        lap("check and checksum inputs, load the recoder", t0);

        RunFolder folder = new RunFolder(options.out());
        boolean published = false;
        try {
            Path tmp = folder.tmp();
            Path attempts = tmp.resolve("_attempts"); // the tasks' own files, kept only for successful attempts
            Configuration hadoop = spark.sparkContext().hadoopConfiguration();
            CollectionAccumulator<TaskReport> reports = new CollectionAccumulator<>();
            spark.sparkContext().register(reports, "oncoaudit-task-reports");
            long t = System.nanoTime();
            writeFindings(audited(in, config, reports, TaskParquet.Target.of(attempts.resolve("encounters"), hadoop),
                    TaskParquet.Target.of(attempts.resolve("rejects"), hadoop)), runId, tmp.resolve("findings"));
            lap("read, validate, group, recode and write", t);

            TaskReport.Totals totals = TaskReport.merge(reports.value());
            Summary summary = totals.summary(runId);
            if (in.x12Claims() != null) summary = summary.withX12Claims(in.x12Claims());

            t = System.nanoTime();
            progress.step("publishing encounters and rejects", 0);
            publishEncounters(totals, tmp.resolve("encounters"));
            Remittances.Outcome remits = null;
            if (in.remits() != null) {
                long tr = System.nanoTime();
                progress.step("reading and matching remittances", 0);
                remits = Remittances.run(spark, in.remits(), tmp.resolve("encounters"), config,
                        options.feeSchedule() == null, tmp.resolve("remits"));
                summary = summary.withRemits(remits.summary());
                Remittances.annotateFindings(spark, tmp.resolve("findings"), tmp.resolve("remits").resolve("lines"),
                        tmp.resolve("findings-remits"));
                RunFolder.deleteRecursively(tmp.resolve("findings"));
                Files.move(tmp.resolve("findings-remits"), tmp.resolve("findings"));
                lap("read and match remittances", tr);
            }
            writeRejects(totals, tmp, hadoop, in.x12Claims() == null ? List.of() : in.x12Claims().rejects(),
                    remits == null ? List.of() : remits.rejects());
            RunFolder.deleteRecursively(attempts);
            lap("publish encounters and rejects", t);

            Instant finished = Instant.now();
            write(tmp.resolve(RunFolder.SUMMARY), summary.toJson());
            // last: the manifest lists every file written above (issue 17), whatever the run wrote
            write(tmp.resolve(RunFolder.MANIFEST), manifest(runId, in, sums, recoder, summary, started, finished, options,
                    folder.manifestFiles()));
            folder.publishAll();
            published = true;
            return summary;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (!published) folder.discard();
            if (in.x12Claims() != null) {
                try {
                    RunFolder.deleteRecursively(in.x12Claims().folder());
                } catch (IOException ignored) {
                    // a hidden .x12-claims-* folder left behind holds only the converted copy
                }
            }
        }
    }

    private Inputs checkInputs() {
        X12Claims.Converted x12 = null;
        InputFiles claims;
        if (X12Claims.isX12(options.claims())) {
            // 837P / 837I (contract section 11): converted once into a claim_lines CSV beside the run's output
            x12 = X12Claims.convert(options.claims(), options.out());
            InputFiles csv = InputFiles.of("claims", x12.csv());
            claims = new InputFiles(options.claims(), csv.format(), csv.files());
        } else {
            claims = InputFiles.of("claims", options.claims());
        }
        ExtractReader.checkCsvHeaders(Table.CLAIM_LINES, "claims", claims);
        InputFiles admins = null;
        if (options.administrations() != null) {
            admins = InputFiles.of("administrations", options.administrations());
            ExtractReader.checkCsvHeaders(Table.ADMINISTRATIONS, "administrations", admins);
        }
        for (Path p : new Path[] {options.feeSchedule(), options.payerPolicies(), options.chargeMaster()}) {
            if (p != null && !Files.isReadable(p)) throw new InputException("file '" + p + "' does not exist or is not readable");
        }
        if (options.asp() != null && !Files.isDirectory(options.asp())) {
            throw new InputException("--asp '" + options.asp() + "' is not a folder of CMS ASP pricing files");
        }
        if (options.feeSchedule() != null && (options.asp() != null || options.chargeMaster() != null)) {
            throw new InputException("--fee-schedule replaces the built-in CMS prices entirely: --asp and --charge-master apply to the built-in default only");
        }
        if (options.ncci() != null && !Files.isDirectory(options.ncci())) {
            throw new InputException("--ncci '" + options.ncci() + "' is not a folder");
        }
        List<Path> remits = options.remits() == null ? null : RemitFiles.of("remits", options.remits());
        return new Inputs(claims, admins, remits, x12);
    }

    private static Recoder loadRecoder(RecoderConfig config) {
        try {
            return config.recoder();
        } catch (UnsupportedOperationException e) {
            throw e;
        } catch (RuntimeException e) {
            String what = config.feeSchedulePath() != null ? "fee schedule '" + config.feeSchedulePath() + "'"
                    : config.aspPath() != null ? "ASP folder '" + config.aspPath() + "' / built-in tables"
                    : config.chargeMasterPath() != null ? "charge master '" + config.chargeMasterPath() + "' / built-in tables" : "built-in tables";
            if (config.payerPoliciesPath() != null) what += " / payer policies '" + config.payerPoliciesPath() + "'";
            if (config.ncciPath() != null) what += " / NCCI files '" + config.ncciPath() + "'";
            throw new InputException("cannot load the " + what + ": " + e.getMessage(), e);
        }
    }

    /** On a cluster the executors may not see the driver's disk: ship the side files with the job. */
    private void shipSideFiles() {
        if (spark.sparkContext().isLocal()) return;
        for (Path p : new Path[] {options.feeSchedule(), options.payerPolicies(), options.chargeMaster()}) {
            if (p != null) spark.sparkContext().addFile(p.toAbsolutePath().toString());
        }
        if (options.asp() != null) spark.sparkContext().addFile(options.asp().toAbsolutePath().toString(), true);
    }

    /**
     * The audit itself: both tables grouped by claim (SQL only), then {@link ClaimAuditor} over Spark's internal
     * rows, so neither the input nor the output goes through a Row encoder. Returns the findings (stage rows);
     * encounters and rejects go to the tasks' own files, counts to the task reports.
     */
    private Dataset<Row> audited(Inputs in, RecoderConfig config, CollectionAccumulator<TaskReport> reports,
                                 TaskParquet.Target encounters, TaskParquet.Target rejects) {
        Dataset<Row> lines = ExtractReader.read(spark, Table.CLAIM_LINES, "claims", in.claims());
        Dataset<Row> admins = in.administrations() == null
                ? spark.createDataFrame(new ArrayList<Row>(), ExtractReader.schema(Table.ADMINISTRATIONS))
                : ExtractReader.read(spark, Table.ADMINISTRATIONS, "administrations", in.administrations());
        // progress counts each table apart: rows read by the scan's tasks (the read stage's partitions, lines'
        // first, as ClaimRows unions them), rows processed by the auditing tasks
        LongAccumulator linesDone = spark.sparkContext().longAccumulator("oncoaudit-lines-processed");
        LongAccumulator adminsDone = spark.sparkContext().longAccumulator("oncoaudit-administrations-processed");
        progress.step("reading, validating and re-coding claims", in.claims().totalBytes()
                + (in.administrations() == null ? 0 : in.administrations().totalBytes()), List.of(
                new Progress.Table("claim lines", lines.rdd().getNumPartitions(), linesDone),
                new Progress.Table("administrations", admins.rdd().getNumPartitions(), adminsDone)));
        RDD<InternalRow> grouped = ClaimRows.grouped(lines, admins).queryExecution().toRdd();
        RDD<InternalRow> findings = grouped.toJavaRDD()
                .mapPartitions(new ClaimAuditor(config, reports, encounters, rejects, linesDone, adminsDone)).rdd();
        return ((org.apache.spark.sql.classic.SparkSession) spark).internalCreateDataFrame(findings, Stage.SCHEMA, false);
    }

    /**
     * Findings partitioned by payer and service month, one file per folder, in the audit's own job. The explicit
     * partition count keeps AQE from merging this small shuffle into one task that would open every folder's
     * Parquet writer in turn (measured in session 2: it made this the slowest publish step).
     */
    private void writeFindings(Dataset<Row> findings, String runId, Path target) {
        // two tasks per core: each (payer, month) folder is one task's file either way, and every extra task
        // deserializes the job's Hadoop configuration again (measured: 16 tasks took 0.4 s longer than 4 at 1M)
        int partitions = Math.max(1, Math.min(Integer.parseInt(spark.conf().get("spark.sql.shuffle.partitions")),
                2 * spark.sparkContext().defaultParallelism()));
        publishable(findings, Stage.FINDING_COLUMNS, runId)
                .repartition(partitions, col("payer_id"), col("service_month"))
                .sortWithinPartitions("payer_id", "service_month", "claim_id", "finding_index")
                .write().mode(SaveMode.ErrorIfExists).partitionBy("payer_id", "service_month")
                .option("parquet.enable.dictionary#explanation", "false")
                .option("parquet.enable.dictionary#appeal_text", "false")
                .parquet(target.toString());
    }

    /** The kept attempt's encounters file of every task, renamed into encounters/ (no copy, no rewrite). */
    private static void publishEncounters(TaskReport.Totals totals, Path target) throws IOException {
        Files.createDirectories(target);
        for (var e : totals.encountersFiles().entrySet()) {
            Files.move(Path.of(URI.create(e.getValue())), target.resolve(String.format("part-%05d.parquet", e.getKey())));
        }
    }

    /** rejects/ as one Parquet file sorted by source, file and row, and rejects.csv from it in the same order. */
    private void writeRejects(TaskReport.Totals totals, Path tmp, Configuration hadoop, List<RemitRecord.Reject> claimRejects,
                              List<RemitRecord.Reject> remitRejects) throws IOException {
        if (totals.rejectsFiles().isEmpty() && remitRejects.isEmpty() && claimRejects.isEmpty()) {
            // nothing rejected: the same empty outputs without a Spark job
            Files.createDirectories(tmp.resolve("rejects"));
            TaskParquet.writeEmpty(tmp.resolve("rejects").resolve("part-00000.parquet"), hadoop, REJECTS);
            RejectsCsv.writeHeader(tmp.resolve("rejects.csv"));
            return;
        }
        Dataset<Row> all = null;
        if (!totals.rejectsFiles().isEmpty()) {
            Dataset<Row> st = spark.read().schema(Stage.SCHEMA).parquet(totals.rejectsFiles().toArray(new String[0]));
            all = rejects(st, totals);
        }
        if (!remitRejects.isEmpty() || !claimRejects.isEmpty()) {
            // contract section 11: the file, the segment position (row_number) and the reason
            List<Row> rows = new ArrayList<>();
            for (List<RemitRecord.Reject> l : List.of(claimRejects, remitRejects)) {
                String source = l == claimRejects ? "claims_x12" : "remits";
                for (RemitRecord.Reject r : l) {
                    rows.add(RowFactory.create(source, (long) r.position(), r.claimId(),
                            r.tag() == null || r.tag().isEmpty() ? "segment" : r.tag(), r.reason(), r.segment(), r.file()));
                }
            }
            Dataset<Row> x = spark.createDataFrame(rows, REJECTS);
            all = all == null ? x : all.unionByName(x);
        }
        all.orderBy("source", "file", "row_number").coalesce(1).write().parquet(tmp.resolve("rejects").toString());
        RejectsCsv.write(spark.read().parquet(tmp.resolve("rejects").toString()), tmp.resolve("rejects.csv"));
    }

    /** The manifest's name of the remittance input. */
    static final String REMITS = "remits";

    /** The published rejects' columns (contract section 7 rows with their reason). */
    static final StructType REJECTS = DataTypes.createStructType(List.of(
            DataTypes.createStructField("source", DataTypes.StringType, true),
            DataTypes.createStructField("row_number", DataTypes.LongType, true),
            DataTypes.createStructField("claim_id", DataTypes.StringType, true),
            DataTypes.createStructField("field", DataTypes.StringType, true),
            DataTypes.createStructField("reason", DataTypes.StringType, true),
            DataTypes.createStructField("original", DataTypes.StringType, true),
            DataTypes.createStructField("file", DataTypes.StringType, true)));

    private static Dataset<Row> publishable(Dataset<Row> st, List<String> columns, String runId) {
        List<Column> sel = new ArrayList<>();
        sel.add(lit(runId).as("run_id"));
        for (String c : columns) sel.add(col(c));
        return st.select(sel.toArray(new Column[0]));
    }

    /** Rejects with their 1-based row number within their file (from the split counts, see {@link TaskReport}). */
    private Dataset<Row> rejects(Dataset<Row> st, TaskReport.Totals totals) {
        List<Row> bases = new ArrayList<>();
        for (TaskReport.RowBase b : totals.rowBases()) {
            bases.add(RowFactory.create(b.source(), b.file(), b.block(), b.base(), displayPath(b.file())));
        }
        StructType schema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("o_source", DataTypes.StringType, false),
                DataTypes.createStructField("o_file", DataTypes.StringType, false),
                DataTypes.createStructField("o_block", DataTypes.LongType, false),
                DataTypes.createStructField("o_base", DataTypes.LongType, false),
                DataTypes.createStructField("o_path", DataTypes.StringType, false)));
        Dataset<Row> off = spark.createDataFrame(bases, schema);
        return st.join(broadcast(off), col("source").equalTo(col("o_source")).and(col("file").equalTo(col("o_file")))
                        .and(col("block").equalTo(col("o_block"))), "left")
                .select(col("source"), col("o_base").plus(col("row_id")).as("row_number"),
                        col("claim_id"), col("field"), col("reason"), col("original"), col("o_path").as("file"))
                .orderBy("source", "file", "row_number");
    }

    private static String displayPath(String sparkPath) {
        try {
            return sparkPath.startsWith("file:") ? Path.of(URI.create(sparkPath)).toString() : sparkPath;
        } catch (RuntimeException e) {
            return sparkPath;
        }
    }

    /** table -> [path, sha256, bytes] per data file. */
    private static Map<String, List<String[]>> checksums(Inputs in) {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        m.put(Table.CLAIM_LINES.source(), checksums(in.claims()));
        if (in.administrations() != null) m.put(Table.ADMINISTRATIONS.source(), checksums(in.administrations()));
        if (in.remits() != null) m.put(REMITS, checksums(in.remits()));
        return m;
    }

    private static List<String[]> checksums(InputFiles f) {
        return checksums(f.files());
    }

    private static List<String[]> checksums(List<Path> files) {
        List<String[]> l = new ArrayList<>();
        for (Path p : files) {
            try {
                l.add(new String[] {p.toAbsolutePath().toString(), InputFiles.sha256(p), Long.toString(Files.size(p))});
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return l;
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Run fingerprint: sha256 over the input checksums (content, not names or folders), the reference-table
     * version, the fee-schedule fingerprint, the payer-policy file and the code version.
     */
    private String runId(Map<String, List<String[]>> sums, Recoder recoder) {
        StringBuilder b = new StringBuilder();
        for (var e : sums.entrySet()) {
            b.append(e.getKey()).append(':');
            for (String[] f : e.getValue()) b.append(f[1]).append(',');
            b.append('\n');
        }
        b.append("tables:").append(recoder.tables().version()).append('\n');
        b.append("fees:").append(recoder.fees().fingerprint()).append('\n');
        if (options.payerPolicies() != null) b.append("payers:").append(InputFiles.sha256(options.payerPolicies())).append('\n');
        b.append("code:").append(BatchVersion.get()).append('\n');
        return InputFiles.sha256(b.toString());
    }

    private String manifest(String runId, Inputs in, Map<String, List<String[]>> sums, Recoder recoder, Summary s,
                            Instant started, Instant finished, AuditOptions o, String outputFiles) {
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"runId\": ").append(Json.quote(runId)).append(",\n");
        b.append("  \"files\": ").append(outputFiles).append(",\n");
        b.append("  \"codeVersion\": ").append(Json.quote(BatchVersion.get())).append(",\n");
        b.append("  \"referenceTablesVersion\": ").append(Json.quote(recoder.tables().version())).append(",\n");
        b.append("  \"feeSchedule\": ").append(Json.object()
                .field("path", o.feeSchedule() == null ? null : o.feeSchedule().toAbsolutePath().toString())
                .field("fingerprint", recoder.fees().fingerprint())
                .field("description", recoder.fees().description())).append(",\n");
        // every table version the prices can come from, and where it came from (contract section 10)
        Json.ObjectWriter tv = Json.object();
        recoder.fees().tableVersions().forEach(tv::field);
        b.append("  \"tableVersions\": ").append(tv).append(",\n");
        b.append("  \"tablesAsOf\": ").append(o.tablesAsOf() == null ? "null" : Json.quote(o.tablesAsOf().toString())).append(",\n");
        if (o.payerPolicies() != null) {
            b.append("  \"payerPolicies\": ").append(Json.object().field("path", o.payerPolicies().toAbsolutePath().toString())
                    .field("sha256", InputFiles.sha256(o.payerPolicies()))).append(",\n");
        }
        b.append("  \"inputs\": [");
        boolean first = true;
        for (var e : sums.entrySet()) {
            boolean remitFiles = e.getKey().equals(REMITS);
            InputFiles f = e.getKey().equals(Table.CLAIM_LINES.source()) ? in.claims() : in.administrations();
            long rows = remitFiles ? (s.remits() == null ? 0 : s.remits().claims())
                    : e.getKey().equals(Table.CLAIM_LINES.source()) ? s.inputLines() : s.inputAdministrations();
            StringBuilder files = new StringBuilder("[");
            for (int i = 0; i < e.getValue().size(); i++) {
                String[] x = e.getValue().get(i);
                if (i > 0) files.append(',');
                files.append(Json.object().field("path", x[0]).field("sha256", x[1]).field("bytes", Long.parseLong(x[2])));
            }
            files.append(']');
            b.append(first ? "\n    " : ",\n    ");
            first = false;
            b.append(Json.object().field("table", e.getKey())
                    .field("path", remitFiles ? options.remits().toAbsolutePath().toString() : f.path().toAbsolutePath().toString())
                    .field("format", remitFiles ? "x12-835" : f.format().name().toLowerCase())
                    .field(remitFiles ? "claims" : "rows", rows).raw("files", files.toString()));
        }
        b.append("\n  ],\n");
        b.append("  \"counts\": ").append(Json.object().field("inputLines", s.inputLines())
                .field("inputAdministrations", s.inputAdministrations()).field("encounters", s.encounters())
                .field("linesAudited", s.linesAudited()).field("administrationsAudited", s.administrationsAudited())
                .field("rejectedLineRows", s.rejectedLineRows()).field("rejectedAdministrationRows", s.rejectedAdministrationRows())
                .field("findings", s.total().findings())).append(",\n");
        b.append("  \"spark\": ").append(Json.object().field("version", spark.version())
                .field("master", spark.sparkContext().master())).append(",\n");
        b.append("  \"startedAt\": ").append(Json.quote(started.toString())).append(",\n");
        b.append("  \"finishedAt\": ").append(Json.quote(finished.toString())).append(",\n");
        Json.ObjectWriter t = Json.object();
        timings.forEach(t::field);
        b.append("  \"stageMillis\": ").append(t).append(",\n");
        Json.ObjectWriter c = Json.object();
        taskCpu.forEach(c::field);
        b.append("  \"stageTaskCpuMillis\": ").append(c).append("\n");
        return b.append("}\n").toString();
    }

    private void lap(String stage, long startNanos) {
        long ms = (System.nanoTime() - startNanos) / 1_000_000;
        timings.put(stage, ms);
        long cpu = progress.taskCpuNanos();
        long cpuMs = (cpu - cpuMark) / 1_000_000;
        cpuMark = cpu;
        taskCpu.put(stage, cpuMs);
        progress.message(String.format(Locale.ROOT, "%s done in %.1f s (Spark tasks' CPU %.1f s)", stage, ms / 1000.0, cpuMs / 1000.0));
    }

    private static String abs(Path p) { return p == null ? null : p.toAbsolutePath().toString(); }

    private static void write(Path p, String s) throws IOException {
        Files.writeString(p, s, StandardCharsets.UTF_8);
    }
}
