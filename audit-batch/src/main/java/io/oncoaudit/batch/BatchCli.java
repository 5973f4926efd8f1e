package io.oncoaudit.batch;

import io.oncoaudit.batch.audit.AuditOptions;
import io.oncoaudit.batch.audit.AuditRun;
import io.oncoaudit.batch.cli.Args;
import io.oncoaudit.batch.cli.UsageException;
import io.oncoaudit.batch.input.InputException;
import io.oncoaudit.batch.output.Summary;
import io.oncoaudit.batch.spark.Progress;
import io.oncoaudit.batch.spark.Sessions;
import java.io.PrintStream;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Entry point of {@code bin/oncoaudit audit | generate | score} (team brief, launcher conventions).
 * Exit codes: 0 success (also with rejects), 2 unreadable input or wrong usage, 1 anything else.
 */
public final class BatchCli {
    static final String USAGE = String.join("\n",
            "usage:",
            "  audit --claims PATH --out DIR [--administrations PATH] [--fee-schedule FILE] [--payer-policies FILE] [--remits PATH] [--ncci DIR] [--master URL]",
            "        [--asp DIR] [--tables-as-of YYYY-MM-DD] [--charge-master FILE]",
            "  diff --run A --run B [--format json|table]",
            "  generate --encounters N --out DIR [--seed S] [--error-rate R] [--format csv|parquet|x12]",
            "  score --run DIR --truth FILE",
            "PATH: a .csv or .parquet file, or a folder of part files (contract section 1); --remits: X12 835 files (section 11).");

    /** Each command's own help ({@code COMMAND --help} or {@code -h}), printed on stdout with exit 0. */
    static final java.util.Map<String, String> HELP = java.util.Map.of(
            "audit", String.join("\n",
                    "usage: oncoaudit audit --claims PATH --out DIR [--administrations PATH] [--fee-schedule FILE]",
                    "                       [--payer-policies FILE] [--remits PATH] [--ncci DIR] [--asp DIR]",
                    "                       [--tables-as-of YYYY-MM-DD] [--charge-master FILE] [--master URL]",
                    "Batch audit of a claim extract with Spark (contract sections 1, 3, 7, 11).",
                    "  --claims PATH           claim_lines: a .csv or .parquet file, a folder of part files, or X12 837P/837I",
                    "                          files (recognised by their ISA header) (required)",
                    "  --administrations PATH  administrations, same forms; without it every claim is audited claims-only",
                    "  --out DIR               the run folder: findings/, encounters/, rejects/, summary.json, manifest.json (required)",
                    "  --fee-schedule FILE     fee schedule CSV (contract section 2); default the built-in prices by setting and quarter",
                    "  --payer-policies FILE   per-customer payer policy overrides (payers.csv layout)",
                    "  --remits PATH           X12 835 remittances (005010X221A1), a file or a folder: real denials and paid below",
                    "                          expected in summary.json's remits block and DIR/remits/; one Spark task per file,",
                    "                          each streamed in bounded memory",
                    "  --ncci DIR              CMS NCCI PTP and MUE files in their official layouts",
                    "  --asp DIR               newer CMS ASP pricing files (quarters) for the built-in prices",
                    "  --tables-as-of DATE     re-price with the reference tables in force on that date",
                    "  --charge-master FILE    the practice's charges of corrected lines (built-in prices only)",
                    "  --master URL            Spark master; default local[*]",
                    "Progress on stderr: claim lines and administrations read and processed, the rate and the time left.",
                    "Exit: 0 done (also with rejects), 2 usage or unreadable input, 1 anything else."),
            "generate", String.join("\n",
                    "usage: oncoaudit generate --encounters N --out DIR [--seed S] [--error-rate R] [--format csv|parquet|x12] [--part-size N]",
                    "A synthetic oncology claim extract with injected coding errors and their ground truth (DIR/truth.csv).",
                    "  --encounters N   claims to generate (required)",
                    "  --out DIR        where claim_lines/, administrations/ and truth.csv go (required)",
                    "  --seed S         random seed (the same seed gives the same extract)",
                    "  --error-rate R   share of claims with an injected error, 0..1",
                    "  --format F       csv (default), parquet, or x12: also the claims as X12 837P (professional) and 837I",
                    "                   (institutional, part-NNNNN-i.837) files in DIR/claims-x12/, a matching 835 per part",
                    "                   (DIR/remits/) with paid amounts, denials and underpaid lines, and their",
                    "                   truth (DIR/remits-truth.csv); the CSV extract is written too",
                    "  --part-size N    rows per part file"),
            "score", String.join("\n",
                    "usage: oncoaudit score --run DIR --truth FILE",
                    "Precision and recall per finding kind of an audit run against a generated extract's ground truth;",
                    "for a run audited with --remits, also the precision and recall of its predicted denials against the",
                    "remittances' denied lines (claim and line level).",
                    "  --run DIR     the audit's run folder (required)",
                    "  --truth FILE  truth.csv written by generate (required)"),
            "baseline", String.join("\n",
                    "usage: oncoaudit baseline --claims PATH --administrations PATH --out DIR [--master URL]",
                    "The benchmark's baseline: the audit's read, grouping by claim and Parquet write, without the audit."));

    private BatchCli() { }

    /** {@code --help} or {@code -h} anywhere after a known command. */
    static boolean asksForHelp(String[] args) {
        for (int i = 1; i < args.length; i++) if (args[i].equals("--help") || args[i].equals("-h")) return true;
        return false;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.println(USAGE);
            return 2;
        }
        if (HELP.containsKey(args[0]) && asksForHelp(args)) {
            out.println(HELP.get(args[0]));
            return 0;
        }
        try {
            switch (args[0]) {
                case "audit" -> audit(args, out, err);
                case "generate" -> io.oncoaudit.batch.generate.GenerateCommand.run(
                        new Args("generate", args, 1, io.oncoaudit.batch.generate.GenerateCommand.OPTIONS), out, err);
                case "diff" -> io.oncoaudit.batch.diff.DiffCommand.run(args, out);
                case "score" -> io.oncoaudit.batch.score.ScoreCommand.run(
                        new Args("score", args, 1, io.oncoaudit.batch.score.ScoreCommand.OPTIONS), out, err);
                case "baseline" -> io.oncoaudit.batch.bench.BaselineCommand.run(
                        new Args("baseline", args, 1, io.oncoaudit.batch.bench.BaselineCommand.OPTIONS), out, err);
                case "-h", "--help", "help" -> out.println(USAGE);
                default -> throw new UsageException("unknown command '" + args[0] + "'");
            }
            return 0;
        } catch (UsageException e) {
            err.println("oncoaudit: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (InputException e) {
            err.println("oncoaudit: " + e.getMessage());
            return 2;
        } catch (Exception e) { // Spark throws its checked SparkException through Scala code
            String unreadable = unreadableInput(e);
            if (unreadable != null) {
                err.println("oncoaudit: " + args[0] + ": an input file cannot be read: " + unreadable);
                return 2;
            }
            err.println("oncoaudit: " + args[0] + " failed: " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** A corrupt or unreadable input file found while the job runs is an input error (exit 2), not a crash. */
    static String unreadableInput(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.apache.spark.SparkThrowable st && st.getCondition() != null
                    && st.getCondition().startsWith("FAILED_READ_FILE")) {
                return t.getMessage();
            }
        }
        return null;
    }

    private static void audit(String[] argv, PrintStream out, PrintStream err) {
        Args a = new Args("audit", argv, 1,
                Set.of("claims", "out", "administrations", "fee-schedule", "payer-policies", "master", "remits", "asp",
                        "tables-as-of", "charge-master", "ncci"));
        java.time.LocalDate asOf = null;
        if (a.get("tables-as-of") != null) {
            try {
                asOf = java.time.LocalDate.parse(a.get("tables-as-of"));
            } catch (java.time.format.DateTimeParseException e) {
                throw new UsageException("--tables-as-of: '" + a.get("tables-as-of") + "' is not a YYYY-MM-DD date");
            }
        }
        AuditOptions o = new AuditOptions(a.requiredPath("claims"), a.path("administrations"), a.requiredPath("out"),
                a.path("fee-schedule"), a.path("payer-policies"), a.get("master"))
                .withRemits(a.path("remits")).withTables(a.path("asp"), asOf, a.path("charge-master")).withNcci(a.path("ncci"));
        AuditRun.Preflight pre = AuditRun.preflight(o);
        SparkSession spark = Sessions.create("oncoaudit-audit", o.master());
        try (Progress progress = new Progress(spark, "audit", err, 3000)) {
            Summary s = new AuditRun(spark, o, progress).run(pre);
            err.printf("[audit] done: %d lines, %d administrations, %d encounters, %d findings, %d rejected rows -> %s%n",
                    s.inputLines(), s.inputAdministrations(), s.encounters(), s.total().findings(), s.rejectedRows(),
                    o.out().toAbsolutePath());
            out.print(s.toJson());
        } finally {
            spark.stop();
        }
    }
}
