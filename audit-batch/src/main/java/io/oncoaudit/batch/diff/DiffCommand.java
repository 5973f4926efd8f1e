package io.oncoaudit.batch.diff;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import io.oncoaudit.batch.cli.UsageException;
import io.oncoaudit.batch.input.InputException;
import io.oncoaudit.batch.output.Json;
import io.oncoaudit.batch.spark.Sessions;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;

/**
 * {@code diff --run A --run B [--format json|table] [--limit N] [--master URL]}: the findings and amounts that changed
 * between two audit runs, and why (rule, table version, price). The "what did the January price update do to our appeal
 * amounts" question: audit the same extract twice (e.g. with {@code --tables-as-of}), then diff.
 *
 * <p>Findings are matched on claim, kind, billed code, expected code and line number (the n-th such finding of a
 * claim matches the n-th). A matched finding whose amount, direction, table version or prices differ is CHANGED; a
 * finding of one run only is ADDED (in B) or REMOVED (from A). Totals cover all findings; the change list holds the
 * {@code --limit} largest changes (default 1000) by amount moved.
 */
public final class DiffCommand {
    public static final String USAGE = "diff --run A --run B [--format json|table] [--limit N] [--master URL]";
    private static final List<String> KEYS = List.of("claim_id", "kind", "k_billed", "k_expected", "k_line", "occurrence");
    private static final List<String> VALUES = List.of("line_number", "billed_code", "expected_code", "rule_id", "direction",
            "amount", "table_version", "billed_price", "expected_price", "billed_value", "expected_value", "pricing_note");

    private DiffCommand() { }

    public static void run(String[] argv, PrintStream out) {
        List<Path> runs = new ArrayList<>();
        String format = "json", master = null;
        int limit = 1000;
        for (int i = 1; i < argv.length; i++) {
            String a = argv[i];
            if (i + 1 >= argv.length) throw new UsageException("diff: option " + a + " needs a value");
            String v = argv[++i];
            switch (a) {
                case "--run" -> runs.add(Path.of(v));
                case "--format" -> {
                    if (!v.equals("json") && !v.equals("table")) throw new UsageException("diff: --format is json or table, not '" + v + "'");
                    format = v;
                }
                case "--limit" -> {
                    try {
                        limit = Integer.parseInt(v);
                    } catch (NumberFormatException e) {
                        throw new UsageException("diff: --limit '" + v + "' is not a whole number");
                    }
                }
                case "--master" -> master = v;
                default -> throw new UsageException("diff: unknown option " + a + " (allowed: --run (twice), --format, --limit, --master)");
            }
        }
        if (runs.size() != 2) throw new UsageException("diff: give exactly two runs: --run A --run B");
        for (Path r : runs) {
            if (!Files.isDirectory(r.resolve("findings"))) {
                throw new InputException("diff: '" + r + "' is not an audit run folder (no findings/ in it)");
            }
        }
        SparkSession spark = Sessions.create("oncoaudit-diff", master);
        try {
            Result r = diff(spark, runs.get(0), runs.get(1), limit);
            out.print(format.equals("table") ? r.table() : r.json());
        } finally {
            spark.stop();
        }
    }

    /** The comparison of two runs. */
    public record Result(String runA, String runB, long findingsA, long findingsB, long changed, long added, long removed,
                         BigDecimal amountA, BigDecimal amountB, List<Row> changes, List<Row> byKind) {

        public String json() {
            StringBuilder list = new StringBuilder("[");
            for (int i = 0; i < changes.size(); i++) {
                Row c = changes.get(i);
                if (i > 0) list.append(",\n    ");
                else list.append("\n    ");
                Json.ObjectWriter w = Json.object().field("change", c.<String>getAs("change")).field("claimId", c.<String>getAs("claim_id"))
                        .field("kind", c.<String>getAs("kind"));
                Integer ln = c.getAs("line_number");
                if (ln != null) w.field("lineNumber", ln);
                else w.raw("lineNumber", "null");
                w.field("billedCode", c.<String>getAs("billed_code")).field("expectedCode", c.<String>getAs("expected_code"))
                        .field("directionA", c.<String>getAs("direction_a")).field("directionB", c.<String>getAs("direction_b"))
                        .raw("amountA", num(c.getAs("amount_a"))).raw("amountB", num(c.getAs("amount_b")))
                        .money("delta", c.getAs("delta"))
                        .field("tableVersionA", c.<String>getAs("table_version_a")).field("tableVersionB", c.<String>getAs("table_version_b"))
                        .raw("billedPriceA", num(c.getAs("billed_price_a"))).raw("billedPriceB", num(c.getAs("billed_price_b")))
                        .raw("expectedPriceA", num(c.getAs("expected_price_a"))).raw("expectedPriceB", num(c.getAs("expected_price_b")))
                        .raw("why", Json.stringArray(why(c)));
                list.append(w);
            }
            list.append(changes.isEmpty() ? "]" : "\n  ]");
            StringBuilder kinds = new StringBuilder("[");
            for (int i = 0; i < byKind.size(); i++) {
                Row k = byKind.get(i);
                if (i > 0) kinds.append(',');
                kinds.append(Json.object().field("kind", k.<String>getAs("kind")).field("changed", k.<Long>getAs("changed"))
                        .field("added", k.<Long>getAs("added")).field("removed", k.<Long>getAs("removed"))
                        .money("amountA", k.getAs("amount_a")).money("amountB", k.getAs("amount_b")));
            }
            kinds.append(']');
            return "{\n  \"runA\": " + Json.quote(runA) + ",\n  \"runB\": " + Json.quote(runB) + ",\n  \"findingsA\": " + findingsA
                    + ",\n  \"findingsB\": " + findingsB + ",\n  \"changed\": " + changed + ",\n  \"added\": " + added + ",\n  \"removed\": "
                    + removed + ",\n  \"amountA\": " + Json.money(amountA) + ",\n  \"amountB\": " + Json.money(amountB) + ",\n  \"delta\": "
                    + Json.money(amountB.subtract(amountA)) + ",\n  \"byKind\": " + kinds + ",\n  \"changes\": " + list + "\n}\n";
        }

        public String table() {
            StringBuilder b = new StringBuilder();
            b.append("run A ").append(runA).append(": ").append(findingsA).append(" findings, $").append(Json.money(amountA)).append('\n');
            b.append("run B ").append(runB).append(": ").append(findingsB).append(" findings, $").append(Json.money(amountB)).append('\n');
            b.append(String.format(Locale.ROOT, "changed %d, added %d, removed %d; amount moved $%s%n%n", changed, added, removed,
                    Json.money(amountB.subtract(amountA))));
            b.append(String.format(Locale.ROOT, "%-8s %-14s %-28s %5s %-7s %-7s %12s %12s %12s  %s%n", "change", "claim", "kind", "line",
                    "billed", "expect", "amount A", "amount B", "delta", "why"));
            for (Row c : changes) {
                Integer ln = c.getAs("line_number");
                b.append(String.format(Locale.ROOT, "%-8s %-14s %-28s %5s %-7s %-7s %12s %12s %12s  %s%n", c.<String>getAs("change"),
                        c.<String>getAs("claim_id"), c.<String>getAs("kind"), ln == null ? "" : ln.toString(), nz(c.getAs("billed_code")),
                        nz(c.getAs("expected_code")), numOrDash(c.getAs("amount_a")), numOrDash(c.getAs("amount_b")),
                        Json.money(c.getAs("delta")), String.join("; ", why(c))));
            }
            return b.toString();
        }
    }

    private static String nz(Object s) { return s == null ? "" : s.toString(); }

    private static String num(Object v) { return v == null ? "null" : ((BigDecimal) v).stripTrailingZeros().toPlainString(); }

    private static String numOrDash(Object v) { return v == null ? "-" : Json.money((BigDecimal) v); }

    /** Why a finding changed: the table version, the prices, the direction, the rule. */
    static List<String> why(Row c) {
        String change = c.getAs("change");
        List<String> out = new ArrayList<>();
        if (change.equals("ADDED")) {
            out.add("new in run B (rule " + c.getAs("rule_id_b") + ", " + nz(c.getAs("table_version_b")) + ")");
            return out;
        }
        if (change.equals("REMOVED")) {
            out.add("not in run B (rule " + c.getAs("rule_id_a") + ")");
            return out;
        }
        differ(out, c, "table_version", "table version");
        differ(out, c, "rule_id", "rule");
        differ(out, c, "billed_price", "billed price of " + nz(c.getAs("billed_code")));
        differ(out, c, "expected_price", "expected price of " + nz(c.getAs("expected_code")));
        differ(out, c, "billed_value", "billed value");
        differ(out, c, "expected_value", "expected value");
        differ(out, c, "direction", "direction");
        if (out.isEmpty()) out.add("amount");
        return out;
    }

    private static void differ(List<String> out, Row c, String col, String label) {
        Object a = c.getAs(col + "_a"), b = c.getAs(col + "_b");
        boolean same = a == null ? b == null : a instanceof BigDecimal x && b instanceof BigDecimal y ? x.compareTo(y) == 0 : a.equals(b);
        if (!same) out.add(label + " " + show(a) + " -> " + show(b));
    }

    private static String show(Object v) {
        if (v == null) return "none";
        if (v instanceof BigDecimal d) return d.stripTrailingZeros().toPlainString();
        return v.toString();
    }

    public static Result diff(SparkSession spark, Path a, Path b, int limit) {
        Dataset<Row> fa = keyed(spark, a, "_a"), fb = keyed(spark, b, "_b");
        Dataset<Row> j = fa.join(fb, scala.jdk.javaapi.CollectionConverters.asScala(KEYS).toSeq(), "full_outer");
        Column inA = col("present_a").isNotNull(), inB = col("present_b").isNotNull();
        StringBuilder changedExpr = new StringBuilder("false");
        for (String v : List.of("amount", "direction", "table_version", "billed_price", "expected_price", "rule_id")) {
            changedExpr.append(" OR NOT (").append(v).append("_a <=> ").append(v).append("_b)");
        }
        Dataset<Row> all = j.withColumn("change", expr("CASE WHEN present_a IS NULL THEN 'ADDED' WHEN present_b IS NULL THEN 'REMOVED' "
                        + "WHEN " + changedExpr + " THEN 'CHANGED' ELSE 'SAME' END"))
                .withColumn("delta", coalesce(col("amount_b"), lit(BigDecimal.ZERO)).minus(coalesce(col("amount_a"), lit(BigDecimal.ZERO))))
                .withColumn("line_number", coalesce(col("line_number_a"), col("line_number_b")))
                .withColumn("billed_code", coalesce(col("billed_code_a"), col("billed_code_b")))
                .withColumn("expected_code", coalesce(col("expected_code_a"), col("expected_code_b")))
                .cache();
        try {
            Row totals = all.selectExpr("count(present_a) AS fa", "count(present_b) AS fb",
                    "sum(CASE WHEN change = 'CHANGED' THEN 1 ELSE 0 END) AS changed", "sum(CASE WHEN change = 'ADDED' THEN 1 ELSE 0 END) AS added",
                    "sum(CASE WHEN change = 'REMOVED' THEN 1 ELSE 0 END) AS removed", "sum(amount_a) AS amount_a", "sum(amount_b) AS amount_b")
                    .first();
            List<Row> changes = all.filter(col("change").notEqual("SAME")).orderBy(abs(col("delta")).desc(), col("claim_id"), col("kind"))
                    .limit(limit).collectAsList();
            List<Row> byKind = all.groupBy("kind").agg(
                    expr("sum(CASE WHEN change = 'CHANGED' THEN 1 ELSE 0 END)").as("changed"),
                    expr("sum(CASE WHEN change = 'ADDED' THEN 1 ELSE 0 END)").as("added"),
                    expr("sum(CASE WHEN change = 'REMOVED' THEN 1 ELSE 0 END)").as("removed"),
                    expr("sum(amount_a)").as("amount_a"), expr("sum(amount_b)").as("amount_b")).orderBy("kind").collectAsList();
            return new Result(runId(a), runId(b), totals.getLong(0), totals.getLong(1), lng(totals.get(2)), lng(totals.get(3)),
                    lng(totals.get(4)), dec(totals.get(5)), dec(totals.get(6)), changes, byKind);
        } finally {
            all.unpersist();
        }
    }

    private static long lng(Object o) { return o == null ? 0 : ((Number) o).longValue(); }

    private static BigDecimal dec(Object o) { return o == null ? BigDecimal.ZERO : (BigDecimal) o; }

    /** One run's findings with the match key, every value column suffixed; a run from before the pricing columns gets nulls. */
    private static Dataset<Row> keyed(SparkSession spark, Path run, String suffix) {
        Dataset<Row> f = spark.read().parquet(run.resolve("findings").toAbsolutePath().toString());
        List<String> have = Arrays.asList(f.columns());
        for (String c : VALUES) {
            if (!have.contains(c)) {
                DataType t = c.endsWith("price") ? DataTypes.createDecimalType(18, 6) : c.endsWith("value") || c.equals("amount")
                        ? DataTypes.createDecimalType(12, 2) : c.equals("line_number") ? DataTypes.IntegerType : DataTypes.StringType;
                f = f.withColumn(c, lit(null).cast(t));
            }
        }
        f = f.withColumn("k_billed", coalesce(col("billed_code"), lit(""))).withColumn("k_expected", coalesce(col("expected_code"), lit("")))
                .withColumn("k_line", coalesce(col("line_number"), lit(-1)))
                .withColumn("occurrence", row_number().over(Window.partitionBy("claim_id", "kind", "k_billed", "k_expected", "k_line")
                        .orderBy("finding_index")));
        List<Column> cols = new ArrayList<>();
        for (String k : KEYS) cols.add(col(k));
        for (String v : VALUES) cols.add(col(v).as(v + suffix));
        cols.add(lit(true).as("present" + suffix));
        return f.select(cols.toArray(new Column[0]));
    }

    private static final Pattern RUN_ID = Pattern.compile("\"runId\"\\s*:\\s*\"([^\"]+)\"");

    /** The run's id from its manifest.json, else its folder name. */
    static String runId(Path run) {
        try {
            Matcher m = RUN_ID.matcher(Files.readString(run.resolve("manifest.json"), StandardCharsets.UTF_8));
            if (m.find()) return m.group(1);
        } catch (IOException e) {
            // no manifest: the folder name identifies the run for a person
        }
        return run.getFileName().toString();
    }
}
