package io.oncoaudit.batch.x12;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.from_json;

import io.oncoaudit.batch.audit.RecoderConfig;
import io.oncoaudit.batch.audit.Stage;
import io.oncoaudit.core.model.Setting;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.util.CollectionAccumulator;

/**
 * {@code audit --remits P} (contract section 11): reads the 835 files in parallel (one Spark task per file, each
 * streamed in bounded memory), nets reversals and corrections, matches the remittance claims and lines with the
 * audited encounters, and writes DIR/remits/lines (every netted remittance line, matched or not) and
 * DIR/remits/unmatched (the remittance claims and lines that match nothing in the extract).
 *
 * <p>One job, Spark SQL throughout: the claims leave the reading tasks as rows of an explicit schema
 * ({@link RemitRows#REMIT}), are grouped by claim id ({@code collect_list}, which spills to disk like any
 * aggregation), joined with the encounters' billed lines, and matched one claim at a time
 * ({@link RemitMatcher}) into rows of {@link #LINES}. Nothing crosses a shuffle or a cache as a Java-serialized
 * object (bench/remits-bench.sh, 89 MB of 835: the earlier RDD {@code groupByKey} of Java-serialized
 * {@link Remit} records took 100 s of task CPU and 2.5 GB resident, this 47 s and 1.7 GB, with the same figures).
 * Each file's transactions and rejects reach the driver once per file
 * through an accumulator (a retried task's second report for the same file is dropped).
 */
public final class Remittances {
    public static final DataType MONEY = Stage.MONEY;
    public static final DataType QUANTITY = DataTypes.createDecimalType(18, 6);
    public static final StructType ADJUSTMENT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("group", DataTypes.StringType, false),
            DataTypes.createStructField("carc", DataTypes.StringType, false),
            DataTypes.createStructField("amount", MONEY, false)));

    /** DIR/remits/lines and DIR/remits/unmatched. */
    public static final StructType LINES = DataTypes.createStructType(List.of(
            f("file", DataTypes.StringType), f("segment_position", DataTypes.IntegerType),
            f("claim_id", DataTypes.StringType), f("payer_key", DataTypes.StringType), f("payer_name", DataTypes.StringType),
            f("claim_status", DataTypes.StringType), f("payer_claim_number", DataTypes.StringType),
            f("claim_matched", DataTypes.BooleanType), f("is_line", DataTypes.BooleanType),
            f("line_number", DataTypes.IntegerType), f("procedure_code", DataTypes.StringType),
            f("modifiers", DataTypes.StringType), f("adjudicated_code", DataTypes.StringType),
            f("adjudicated_modifiers", DataTypes.StringType), f("revenue_code", DataTypes.StringType),
            f("date_of_service", DataTypes.DateType), f("units", QUANTITY), f("charge", MONEY), f("paid", MONEY),
            f("allowed", MONEY), f("allowed_basis", DataTypes.StringType), f("patient_responsibility", MONEY),
            f("adjustments", DataTypes.createArrayType(ADJUSTMENT, false)), f("carc", DataTypes.StringType),
            f("rarc", DataTypes.StringType), f("remit_status", DataTypes.StringType), f("expected_price", QUANTITY),
            f("expected_value", MONEY), f("shortfall", MONEY), f("note", DataTypes.StringType)));

    private static StructField f(String name, DataType t) {
        return DataTypes.createStructField(name, t, true);
    }

    /** The billed lines inside the encounters' billed_lines_json (contract section 5 shape). */
    private static final StructType BILLED_LINE = DataTypes.createStructType(List.of(
            f("lineNumber", DataTypes.IntegerType), f("procedureCode", DataTypes.StringType),
            f("modifiers", DataTypes.createArrayType(DataTypes.StringType)), f("units", QUANTITY),
            f("chargeAmount", QUANTITY)));

    /** A reject found in a remittance file (file, segment position, reason). */
    public record Outcome(RemitSummary summary, List<RemitRecord.Reject> rejects) { }

    private Remittances() { }

    /**
     * @param encounters the run's published encounters folder (Parquet)
     * @param target     the run's remits folder to create
     */
    public static Outcome run(SparkSession spark, List<Path> files, Path encounters, RecoderConfig config,
                              boolean builtInFees, Path target) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<String> paths = new ArrayList<>();
        for (Path p : files) paths.add(p.toAbsolutePath().toString());
        // what each file held besides its claims: transactions and rejects, one report per file (a task that runs
        // again after a failure reports its file again: the driver keeps one report per file)
        CollectionAccumulator<FileReport> reports = new CollectionAccumulator<>();
        spark.sparkContext().register(reports, "oncoaudit-835-files");
        // one task per file, each streaming its file; the claims leave the task as rows of an explicit schema
        JavaRDD<Row> read = jsc.parallelize(paths, Math.max(1, paths.size()))
                .mapPartitions(it -> new FileRows(it, reports));
        Dataset<Row> remits = spark.createDataFrame(read, RemitRows.REMIT);
        Column[] all = new Column[RemitRows.REMIT.size()];
        for (int i = 0; i < all.length; i++) all[i] = col(RemitRows.REMIT.fieldNames()[i]);
        Dataset<Row> byClaim = remits.groupBy(col("claim_id")).agg(collect_list(struct(all)).as("remits"));
        Dataset<Row> joined = byClaim.join(billedClaims(spark, encounters), byClaim.col("claim_id")
                .equalTo(col("b_claim_id")), "left");
        RemitMatcher.Prices prices = new FeePrices(config, builtInFees);
        Dataset<Row> results = joined.mapPartitions((MapPartitionsFunction<Row, Row>) it -> new Matched(it, prices),
                Encoders.row(LINES));
        Path lines = target.resolve("lines");
        results.coalesce(Math.max(1, Math.min(paths.size(), 8)))
                .write().mode(SaveMode.ErrorIfExists).parquet(lines.toString());
        Map<String, FileReport> byFile = new TreeMap<>();
        for (FileReport r : reports.value()) byFile.putIfAbsent(r.file(), r);
        long transactions = 0;
        List<RemitRecord.Reject> rejects = new ArrayList<>();
        for (FileReport r : byFile.values()) {
            transactions += r.transactions();
            rejects.addAll(r.rejects());
        }
        Dataset<Row> written = spark.read().schema(LINES).parquet(lines.toString());
        written.filter(col("line_number").isNull()).coalesce(1).orderBy("file", "segment_position")
                .write().mode(SaveMode.ErrorIfExists).parquet(target.resolve("unmatched").toString());
        long rejectedClaims = rejects.stream().filter(r -> r.claimId() != null).count();
        RemitSummary s = summarize(written, paths.size(), transactions, rejects.size(), rejectedClaims);
        return new Outcome(s, List.copyOf(rejects));
    }

    /** What one 835 file held besides its claims. */
    record FileReport(String file, long transactions, List<RemitRecord.Reject> rejects) implements Serializable { }

    /** The claims of the task's files as rows; the file's report when it is read to the end. */
    private static final class FileRows implements Iterator<Row> {
        private final Iterator<String> paths;
        private final CollectionAccumulator<FileReport> reports;
        private Iterator<RemitRecord> current;
        private String file;
        private long transactions;
        private List<RemitRecord.Reject> rejects;
        private Row next;

        FileRows(Iterator<String> paths, CollectionAccumulator<FileReport> reports) {
            this.paths = paths;
            this.reports = reports;
        }

        @Override
        public boolean hasNext() {
            while (next == null) {
                if (current == null) {
                    if (!paths.hasNext()) return false;
                    file = paths.next();
                    rejects = new ArrayList<>();
                    current = Remit835Files.read(Path.of(file), n -> transactions = n);
                }
                if (!current.hasNext()) {
                    reports.add(new FileReport(file, transactions, List.copyOf(rejects)));
                    current = null;
                    transactions = 0;
                    continue;
                }
                RemitRecord r = current.next();
                if (r.reject() != null) rejects.add(r.reject());
                else next = RemitRows.row(r.remit());
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            Row r = next;
            next = null;
            return r;
        }
    }

    /** Each claim's remittances (grouped) with its billed claim (null when not in the extract), matched. */
    private static final class Matched implements Iterator<Row> {
        private final Iterator<Row> claims;
        private final RemitMatcher.Prices prices;
        private Iterator<Row> out = java.util.Collections.emptyIterator();

        Matched(Iterator<Row> claims, RemitMatcher.Prices prices) {
            this.claims = claims;
            this.prices = prices;
        }

        @Override
        public boolean hasNext() {
            while (!out.hasNext()) {
                if (!claims.hasNext()) return false;
                Row t = claims.next();
                List<Row> raw = t.getList(1);
                List<Remit> remits = new ArrayList<>(raw.size());
                for (Row r : raw) remits.add(RemitRows.remit(r));
                List<Row> rows = new ArrayList<>();
                for (RemitMatcher.Result r : RemitMatcher.match(t.getString(0), remits, billed(t), prices)) {
                    rows.add(row(r));
                }
                out = rows.iterator();
            }
            return true;
        }

        @Override
        public Row next() {
            if (!hasNext()) throw new NoSuchElementException();
            return out.next();
        }
    }

    /** Columns added to every finding of a run with remittances (what actually happened to the finding's line). */
    public static final List<String> FINDING_REMIT_COLUMNS = List.of("remit_status", "remit_paid", "remit_allowed",
            "remit_carc", "remit_rarc", "remit_claim_status", "remit_payer_claim_number");

    /**
     * Rewrites the findings with what the remittance says about each one: the matched remittance line of the
     * finding's billed line ({@code remit_status}, paid, allowed, CARC, RARC) and the claim's remittance status;
     * all null when no remittance covers the claim. Same partitioning (payer_id, service_month) and order.
     */
    public static void annotateFindings(SparkSession spark, Path findings, Path remitLines, Path target) {
        Dataset<Row> f = spark.read().option("basePath", findings.toString()).schema(findingSchema())
                .parquet(findings.toString());
        Dataset<Row> lines = spark.read().schema(LINES).parquet(remitLines.toString());
        Dataset<Row> byLine = lines.filter(col("line_number").isNotNull()).select(col("claim_id").as("r_claim"),
                col("line_number").as("r_line"), col("remit_status"), col("paid").as("remit_paid"),
                col("allowed").as("remit_allowed"), col("carc").as("remit_carc"), col("rarc").as("remit_rarc"));
        Dataset<Row> byClaim = lines.groupBy(col("claim_id").as("c_claim"))
                .agg(org.apache.spark.sql.functions.max("claim_status").as("remit_claim_status"),
                        org.apache.spark.sql.functions.max("payer_claim_number").as("remit_payer_claim_number"));
        List<org.apache.spark.sql.Column> cols = new ArrayList<>();
        for (String c : f.columns()) cols.add(col(c));
        for (String c : FINDING_REMIT_COLUMNS) cols.add(col(c));
        // payer_id and service_month (the partition columns) must come last for partitionBy
        Dataset<Row> out = f.join(byLine, col("claim_id").equalTo(col("r_claim")).and(col("line_number").equalTo(col("r_line"))), "left")
                .join(byClaim, col("claim_id").equalTo(col("c_claim")), "left")
                .select(cols.toArray(new org.apache.spark.sql.Column[0]));
        out.repartition(col("payer_id"), col("service_month"))
                .sortWithinPartitions("payer_id", "service_month", "claim_id", "finding_index")
                .write().mode(SaveMode.ErrorIfExists).partitionBy("payer_id", "service_month").parquet(target.toString());
    }

    private static StructType findingSchema() {
        List<StructField> fs = new ArrayList<>();
        fs.add(f("run_id", DataTypes.StringType));
        for (String c : Stage.FINDING_COLUMNS) fs.add(Stage.SCHEMA.apply(c));
        return DataTypes.createStructType(fs);
    }

    static RemitSummary summarize(Dataset<Row> lines, long files, long transactions, long rejectedSegments,
                                  long rejectedClaims) {
        lines.createOrReplaceTempView("oncoaudit_remit_lines");
        SparkSession spark = lines.sparkSession();
        Row c = spark.sql("SELECT count(DISTINCT claim_id, coalesce(payer_key, '')) AS claims, "
                + "count(DISTINCT CASE WHEN claim_matched THEN concat(claim_id, '\u0001', coalesce(payer_key, '')) END) AS matched, "
                + "sum(CASE WHEN is_line AND line_number IS NOT NULL THEN 1 ELSE 0 END) AS lm, "
                + "sum(CASE WHEN is_line AND line_number IS NULL THEN 1 ELSE 0 END) AS lu, "
                + "sum(CASE WHEN is_line AND remit_status IN ('DENIED', 'REJECTED') THEN 1 ELSE 0 END) AS dl, "
                + "sum(CASE WHEN is_line AND remit_status IN ('DENIED', 'REJECTED') THEN coalesce(expected_value, 0) ELSE 0 END) AS da, "
                + "sum(CASE WHEN is_line AND remit_status = 'UNDERPAID' THEN 1 ELSE 0 END) AS ul, "
                + "sum(CASE WHEN is_line AND remit_status = 'UNDERPAID' THEN shortfall ELSE 0 END) AS ua "
                + "FROM oncoaudit_remit_lines").first();
        long claims = c.getLong(0), matched = c.getLong(1);
        List<RemitSummary.Carc> carcs = new ArrayList<>();
        for (Row r : lines.filter(col("is_line")).select(explode(col("adjustments")).as("a"))
                .groupBy(col("a.group").as("g"), col("a.carc").as("c"))
                .agg(org.apache.spark.sql.functions.count("*").as("n"), org.apache.spark.sql.functions.sum("a.amount").as("s"))
                .orderBy("g", "c").collectAsList()) {
            carcs.add(new RemitSummary.Carc(r.getString(0), r.getString(1), r.getLong(2), money(r.getDecimal(3))));
        }
        List<RemitSummary.Status> statuses = new ArrayList<>();
        for (Row r : spark.sql("SELECT remit_status, count(*), sum(paid), sum(coalesce(expected_value, 0)) "
                + "FROM oncoaudit_remit_lines WHERE is_line GROUP BY remit_status ORDER BY remit_status").collectAsList()) {
            statuses.add(new RemitSummary.Status(r.getString(0), r.getLong(1), money(r.getDecimal(2)), money(r.getDecimal(3))));
        }
        return new RemitSummary(files, transactions, claims, matched, claims - matched, longOr0(c, 2), longOr0(c, 3),
                longOr0(c, 4), money(c.getDecimal(5)), longOr0(c, 6), money(c.getDecimal(7)), carcs, statuses,
                rejectedSegments, rejectedClaims);
    }

    private static long longOr0(Row r, int i) { return r.isNullAt(i) ? 0 : r.getLong(i); }

    private static BigDecimal money(BigDecimal v) {
        return (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_EVEN);
    }

    /** The audited encounters (claim id, date, payer, place of service, claim type, billed lines). */
    private static Dataset<Row> billedClaims(SparkSession spark, Path encounters) {
        boolean any;
        try (Stream<Path> s = Files.list(encounters)) {
            any = s.anyMatch(p -> p.getFileName().toString().endsWith(".parquet"));
        } catch (java.io.IOException e) {
            any = false;
        }
        if (!any) return spark.createDataFrame(List.of(), BILLED);
        return spark.read().parquet(encounters.toString()).select(col("claim_id").as("b_claim_id"),
                col("date_of_service"), col("payer_id"), col("place_of_service"), col("claim_type"),
                from_json(col("billed_lines_json"), DataTypes.createArrayType(BILLED_LINE)).as("lines"));
    }

    private static final StructType BILLED = DataTypes.createStructType(List.of(f("b_claim_id", DataTypes.StringType),
            f("date_of_service", DataTypes.DateType), f("payer_id", DataTypes.StringType),
            f("place_of_service", DataTypes.StringType), f("claim_type", DataTypes.StringType),
            f("lines", DataTypes.createArrayType(BILLED_LINE))));

    /** The billed claim of a joined row (claim_id, remits, then the {@link #BILLED} columns); null when absent. */
    private static RemitMatcher.BilledClaim billed(Row r) {
        if (r.isNullAt(2)) return null;
        List<RemitMatcher.BilledLine> ls = new ArrayList<>();
        List<Row> raw = r.isNullAt(7) ? List.of() : r.getList(7);
        for (Row l : raw) {
            List<String> mods = l.isNullAt(2) ? List.of() : List.copyOf(l.<String>getList(2));
            ls.add(new RemitMatcher.BilledLine(l.getInt(0), l.getString(1), mods, l.getDecimal(3), l.getDecimal(4)));
        }
        ls.sort(java.util.Comparator.comparingInt(RemitMatcher.BilledLine::lineNumber));
        java.sql.Date d = r.getDate(3);
        String type = r.getString(6);
        return new RemitMatcher.BilledClaim(r.getString(2), d == null ? null : d.toLocalDate(), r.getString(4),
                r.getString(5), type == null || !type.equalsIgnoreCase("INSTITUTIONAL"), List.copyOf(ls));
    }

    static Row row(RemitMatcher.Result r) {
        List<Row> adj = new ArrayList<>();
        List<String> carc = new ArrayList<>();
        for (Remit.Adjustment a : r.adjustments()) {
            adj.add(RowFactory.create(a.group(), a.carc(), a.amount()));
            carc.add(a.key());
        }
        return RowFactory.create(r.file(), r.position(), r.claimId(), r.payerKey(), r.payerName(), r.claimStatus(),
                r.payerClaimNumber(), r.claimMatched(), r.line(), r.lineNumber(), r.procedureCode(), r.modifiers(),
                r.adjudicatedCode(), r.adjudicatedModifiers(), r.revenueCode(),
                r.dateOfService() == null ? null : java.sql.Date.valueOf(r.dateOfService()), r.units(), r.charge(),
                r.paid(), r.allowed(), r.allowedBasis(), r.patientResponsibility(),
                scala.jdk.javaapi.CollectionConverters.asScala(adj).toSeq(),
                carc.isEmpty() ? null : String.join("|", carc), r.remarks().isEmpty() ? null : String.join("|", r.remarks()),
                r.status(), r.expectedPrice(), r.expectedValue(), r.shortfall(), r.note());
    }

    /** Prices of the audit's fee schedule (the same Recoder configuration, built once per executor JVM). */
    record FeePrices(RecoderConfig config, boolean lesserOfCharge) implements RemitMatcher.Prices {
        @Override
        public BigDecimal perUnit(String payerId, String code, String placeOfService, LocalDate dateOfService) {
            return config.recoder().fees().perUnit(payerId, code.toUpperCase(Locale.ROOT),
                    Setting.ofPlaceOfService(placeOfService), dateOfService);
        }
    }
}
