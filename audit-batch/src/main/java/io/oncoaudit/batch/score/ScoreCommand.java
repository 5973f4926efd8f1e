package io.oncoaudit.batch.score;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.split;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.oncoaudit.batch.cli.Args;
import io.oncoaudit.batch.input.InputException;
import io.oncoaudit.batch.output.Json;
import io.oncoaudit.batch.spark.Sessions;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * {@code score --run DIR --truth FILE} (issue 4, section 3): precision and recall per finding kind, per
 * claim: a kind injected into a claim and found on it is a true positive; found but not injected, a false
 * positive; injected but not found (also when the claim was rejected), a false negative.
 */
public final class ScoreCommand {
    public static final Set<String> OPTIONS = Set.of("run", "truth");

    private ScoreCommand() { }

    /** One kind's counts. Precision/recall are null when undefined (nothing found / nothing injected). */
    public record KindScore(String kind, long truePositives, long falsePositives, long falseNegatives) {
        public Double precision() { return truePositives + falsePositives == 0 ? null : (double) truePositives / (truePositives + falsePositives); }

        public Double recall() { return truePositives + falseNegatives == 0 ? null : (double) truePositives / (truePositives + falseNegatives); }
    }

    /**
     * Denial matching (run with --remits): predicted = findings of direction DENIAL or OVERPAYMENT (what a payer
     * edit would refuse), actual = remittance lines DENIED or REJECTED; per claim and per billed line.
     */
    public record DenialMatch(long predicted, long denied, long matched) {
        public Double precision() { return predicted == 0 ? null : (double) matched / predicted; }

        public Double recall() { return denied == 0 ? null : (double) matched / denied; }

        String toJson() {
            return Json.object().field("predicted", predicted).field("denied", denied).field("matched", matched)
                    .raw("precision", Score.ratio(precision())).raw("recall", Score.ratio(recall())).toString();
        }
    }

    public record Score(long claims, long claimsNotAudited, List<KindScore> kinds, DenialMatch denialClaims,
                        DenialMatch denialLines) {
        public Score(long claims, long claimsNotAudited, List<KindScore> kinds) {
            this(claims, claimsNotAudited, kinds, null, null);
        }

        public KindScore kind(String k) {
            return kinds.stream().filter(s -> s.kind().equals(k)).findFirst().orElse(null);
        }

        public String toJson() {
            StringBuilder b = new StringBuilder("{\n  \"claims\": " + claims + ",\n  \"claimsNotAudited\": " + claimsNotAudited
                    + ",\n  \"kinds\": [");
            for (int i = 0; i < kinds.size(); i++) {
                KindScore k = kinds.get(i);
                b.append(i == 0 ? "\n    " : ",\n    ").append(Json.object().field("kind", k.kind())
                        .field("injected", k.truePositives() + k.falseNegatives()).field("found", k.truePositives() + k.falsePositives())
                        .field("truePositives", k.truePositives()).field("falsePositives", k.falsePositives())
                        .field("falseNegatives", k.falseNegatives())
                        .raw("precision", ratio(k.precision())).raw("recall", ratio(k.recall())));
            }
            b.append(kinds.isEmpty() ? "]" : "\n  ]");
            if (denialClaims != null) {
                b.append(",\n  \"denials\": {\"claims\": ").append(denialClaims.toJson()).append(", \"lines\": ")
                        .append(denialLines.toJson()).append("}");
            }
            return b.append("\n}\n").toString();
        }

        static String ratio(Double d) { return d == null ? "null" : String.format(Locale.ROOT, "%.4f", d); }
    }

    public static void run(Args a, PrintStream out, PrintStream err) {
        Path run = a.requiredPath("run");
        Path truth = a.requiredPath("truth");
        if (!Files.isRegularFile(run.resolve("summary.json"))) {
            throw new InputException("run folder '" + run + "' holds no summary.json: not a complete audit run");
        }
        if (!Files.isReadable(truth)) throw new InputException("truth file '" + truth + "' does not exist or is not readable");
        boolean shared = SparkSession.getDefaultSession().isDefined();
        SparkSession spark = Sessions.create("oncoaudit-score", null);
        try {
            Score s = score(spark, run, truth);
            out.print(s.toJson());
            for (KindScore k : s.kinds()) {
                err.printf(Locale.ROOT, "[score] %-28s precision %s recall %s (tp %d, fp %d, fn %d)%n", k.kind(),
                        k.precision() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", k.precision()),
                        k.recall() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", k.recall()),
                        k.truePositives(), k.falsePositives(), k.falseNegatives());
            }
        } finally {
            if (!shared) spark.stop();
        }
    }

    public static Score score(SparkSession spark, Path run, Path truthFile) {
        StructType truthSchema = DataTypes.createStructType(List.of(
                DataTypes.createStructField("claim_id", DataTypes.StringType, true),
                DataTypes.createStructField("regimen", DataTypes.StringType, true),
                DataTypes.createStructField("injected_kinds", DataTypes.StringType, true)));
        Dataset<Row> truth = spark.read().format("csv").schema(truthSchema).option("header", "true")
                .option("escape", "\"").load(truthFile.toAbsolutePath().toString());
        Dataset<Row> injected = truth.filter(col("injected_kinds").isNotNull())
                .select(col("claim_id"), explode(split(col("injected_kinds"), "\\|")).as("kind"))
                .filter(col("kind").notEqual("")).distinct().withColumn("injected", col("kind").isNotNull());
        Dataset<Row> found = spark.read().parquet(run.resolve("findings").toAbsolutePath().toString())
                .select("claim_id", "kind").distinct().withColumn("found", col("kind").isNotNull());
        List<KindScore> kinds = new ArrayList<>();
        for (Row r : injected.join(found, scala.jdk.javaapi.CollectionConverters.asScala(List.of("claim_id", "kind")).toSeq(), "full_outer")
                .groupBy("kind")
                .agg(sum(when(col("injected").isNotNull().and(col("found").isNotNull()), 1).otherwise(0)),
                        sum(when(col("injected").isNull(), 1).otherwise(0)),
                        sum(when(col("found").isNull(), 1).otherwise(0)))
                .orderBy("kind").collectAsList()) {
            kinds.add(new KindScore(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
        }
        long claims = truth.count();
        Dataset<Row> audited = spark.read().parquet(run.resolve("encounters").toAbsolutePath().toString()).select("claim_id");
        long notAudited = truth.select("claim_id").except(audited).count();
        Path remitLines = run.resolve("remits").resolve("lines");
        if (!Files.isDirectory(remitLines)) return new Score(claims, notAudited, kinds);
        Dataset<Row> predicted = spark.read().parquet(run.resolve("findings").toAbsolutePath().toString())
                .filter(col("direction").isin("DENIAL", "OVERPAYMENT")).select("claim_id", "line_number");
        Dataset<Row> denied = spark.read().parquet(remitLines.toAbsolutePath().toString())
                .filter(col("remit_status").isin("DENIED", "REJECTED")).select("claim_id", "line_number");
        return new Score(claims, notAudited, kinds, match(predicted.select("claim_id"), denied.select("claim_id"), "claim_id"),
                match(predicted.filter(col("line_number").isNotNull()), denied.filter(col("line_number").isNotNull()),
                        "claim_id", "line_number"));
    }

    private static DenialMatch match(Dataset<Row> predicted, Dataset<Row> denied, String... keys) {
        Dataset<Row> p = predicted.distinct(), d = denied.distinct();
        long matched = p.join(d, scala.jdk.javaapi.CollectionConverters.asScala(List.of(keys)).toSeq(), "inner").count();
        return new DenialMatch(p.count(), d.count(), matched);
    }
}
