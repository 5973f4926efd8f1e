package io.oncoaudit.core.cli;

import static io.oncoaudit.core.cli.OncoauditCli.EXIT_INTERNAL;
import static io.oncoaudit.core.cli.OncoauditCli.EXIT_INVALID_INPUT;
import static io.oncoaudit.core.cli.OncoauditCli.EXIT_OK;
import static io.oncoaudit.core.cli.OncoauditCli.EXIT_USAGE;

import io.oncoaudit.core.json.CodecJson;
import io.oncoaudit.core.json.CodecJson.ParsedEncounter;
import io.oncoaudit.core.json.JsonSyntaxException;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.ValidationError;
import io.oncoaudit.core.pricing.FeeSchedule;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.PayerTable;
import io.oncoaudit.core.tables.ReferenceTables;
import io.oncoaudit.core.tables.TableFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code recode [--fee-schedule F] [--payer-policies F] [--ncci DIR] [--pretty] [FILE|-]} (contract section 3): one
 * encounter or an array in, a JSON array of results out, one per encounter in input order.
 *
 * <p>Input that is not JSON (or not UTF-8) is invalid input, exit 3: stderr names the offset, line and
 * column, and stdout still holds a one-element array with the error shape, so a script reading stdout
 * always gets JSON. Problems with the command line or the given files are usage errors, exit 2, with
 * nothing on stdout.
 */
final class RecodeCommand {
    static final String USAGE = """
            usage: oncoaudit recode [--fee-schedule FILE] [--payer-policies FILE] [--ncci DIR] [--pretty] [FILE|-]

            Re-codes encounters (one JSON object or an array of them) and prints a JSON array of
            results on stdout, one per input encounter, in input order.

              FILE | -                input file; '-' or no FILE reads standard input
              --fee-schedule FILE     fee schedule CSV (payer_id, procedure_code, setting,
                                      allowed_amount, effective_from, effective_to); replaces the
                                      built-in schedule entirely
              --payer-policies FILE   payer policy CSV in the payers.csv format; its rows add payers
                                      or replace the built-in row with the same payer_id
              --ncci DIR              CMS NCCI files in their official layouts: PTP edit files (*.txt,
                                      tab-separated) and MUE tables (*.csv, effective date in the
                                      name); added to the shipped public-text pairs, chosen by date
                                      of service
              --pretty                indent the JSON output
              -h, --help              this text

            exit status: 0 every encounter valid; 3 an encounter was rejected (its result holds
            "error"; the others are still printed) or the input is not JSON; 2 usage error (unknown
            option, unreadable file); 1 internal error.
            """;

    /** How many rejected encounters are listed on stderr before the rest are only counted. */
    private static final int MAX_LISTED_REJECTS = 20;

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;

    private Path feeSchedule;
    private Path payerPolicies;
    private Path ncciDir;
    private boolean pretty;
    private String input; // null or "-" = stdin

    RecodeCommand(InputStream in, PrintStream out, PrintStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    int run(String[] args) {
        Integer early = parseArgs(args);
        if (early != null) return early;
        if (!readable(feeSchedule, "fee schedule") || !readable(payerPolicies, "payer policies")) return EXIT_USAGE;
        Path inputPath = input == null || input.equals("-") ? null : Path.of(input);
        if (inputPath != null && !readable(inputPath, "input")) return EXIT_USAGE;

        PayerTable payers = null;
        if (payerPolicies != null) {
            try {
                payers = PayerPolicies.builtInWithOverrides(payerPolicies);
            } catch (IOException | UncheckedIOException | TableFormatException | IllegalArgumentException e) {
                return usageError("cannot use payer policies '" + payerPolicies + "': " + message(e));
            }
        }

        String text;
        try {
            byte[] bytes = inputPath == null ? in.readAllBytes() : Files.readAllBytes(inputPath);
            text = Utf8.decode(bytes);
        } catch (IOException e) {
            return usageError("cannot read " + (inputPath == null ? "standard input" : "'" + inputPath + "'") + ": " + message(e));
        } catch (Utf8.MalformedException e) {
            return notJson(e.getMessage() + "; save the file as UTF-8");
        }

        List<ParsedEncounter> parsed;
        try {
            parsed = CodecJson.parseEncounters(text);
        } catch (JsonSyntaxException e) {
            return notJson("input is not valid JSON: " + e.getMessage() + " (" + lineColumn(text, e.offset()) + ")");
        }

        Recoder recoder;
        try {
            ReferenceTables tables = ReferenceTables.builtIn();
            if (payers != null) tables = tables.withPayers(payers);
            io.oncoaudit.core.tables.ncci.NcciEdits ncci = io.oncoaudit.core.tables.ncci.NcciEdits.shipped();
            if (ncciDir != null) {
                try {
                    ncci = ncci.withDirectory(ncciDir);
                } catch (RuntimeException e) {
                    throw new BadFileException("cannot use NCCI files in '" + ncciDir + "': " + message(e));
                }
            }
            recoder = new Recoder(tables, loadFees(), ncci);
        } catch (BadFileException e) {
            return usageError(e.getMessage());
        } catch (RuntimeException e) {
            return internalError("could not load the reference tables or the fee schedule", e);
        }

        List<RecodeResult> results = new ArrayList<>(parsed.size());
        int rejected = 0;
        for (int i = 0; i < parsed.size(); i++) {
            ParsedEncounter p = parsed.get(i);
            RecodeResult r;
            if (p.ok()) {
                try {
                    r = recoder.recode(p.encounter());
                } catch (RuntimeException e) {
                    // one encounter the recoder cannot handle is that encounter's error; the others are still printed (issue 17)
                    r = RecodeResult.rejected(p.claimId(), new io.oncoaudit.core.model.ValidationError("encounter",
                            "could not be recoded: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())));
                }
            } else {
                r = RecodeResult.rejected(p.claimId(), p.error());
            }
            if (r.isError()) {
                if (rejected < MAX_LISTED_REJECTS) {
                    err.println("oncoaudit recode: encounter " + (i + 1) + " (claim " + (r.claimId() == null ? "unknown" : r.claimId())
                            + ") rejected: " + r.error().field() + " " + r.error().message());
                }
                rejected++;
            }
            results.add(r);
        }
        if (rejected > MAX_LISTED_REJECTS) {
            err.println("oncoaudit recode: ... and " + (rejected - MAX_LISTED_REJECTS) + " more rejected encounters");
        }
        write(CodecJson.toJson(results));
        return rejected == 0 ? EXIT_OK : EXIT_INVALID_INPUT;
    }

    private FeeSchedule loadFees() throws BadFileException {
        if (feeSchedule == null) return FeeSchedules.builtIn();
        try {
            return FeeSchedules.fromCsv(feeSchedule);
        } catch (TableFormatException | UncheckedIOException | IllegalArgumentException e) {
            throw new BadFileException("cannot use fee schedule '" + feeSchedule + "': " + message(e));
        }
    }

    /** A file given on the command line that cannot be used: a usage error (exit 2), not an internal one. */
    private static final class BadFileException extends Exception {
        private static final long serialVersionUID = 1L;

        BadFileException(String message) { super(message); }
    }

    /** Returns an exit status when the run ends here (help or a usage error), else null. */
    private Integer parseArgs(String[] args) {
        boolean optionsDone = false;
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (optionsDone || a.equals("-") || !a.startsWith("-")) {
                positional.add(a);
                continue;
            }
            String name = a;
            String value = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            }
            switch (name) {
                case "--":
                    optionsDone = true;
                    break;
                case "-h":
                case "--help":
                    out.print(USAGE);
                    out.flush();
                    return EXIT_OK;
                case "--pretty":
                    if (value != null) return usageError("--pretty takes no value");
                    pretty = true;
                    break;
                case "--ncci": {
                    if (value == null) {
                        if (i + 1 >= args.length) return usageError(name + " needs a folder");
                        value = args[++i];
                    }
                    if (value.isEmpty()) return usageError(name + " needs a folder");
                    ncciDir = Path.of(value);
                    if (!Files.isDirectory(ncciDir)) return usageError("cannot read NCCI folder '" + value + "': not a folder");
                    break;
                }
                case "--fee-schedule":
                case "--payer-policies": {
                    if (value == null) {
                        if (i + 1 >= args.length) return usageError(name + " needs a file name");
                        value = args[++i];
                    }
                    if (value.isEmpty()) return usageError(name + " needs a file name");
                    if (name.equals("--fee-schedule")) feeSchedule = Path.of(value);
                    else payerPolicies = Path.of(value);
                    break;
                }
                default:
                    return usageError("unknown option '" + a + "'");
            }
        }
        if (positional.size() > 1) {
            return usageError("recode reads one input (a FILE or '-' for standard input), got " + positional.size()
                    + ": " + String.join(" ", positional));
        }
        input = positional.isEmpty() ? null : positional.get(0);
        return null;
    }

    private boolean readable(Path p, String what) {
        if (p == null) return true;
        if (!Files.exists(p)) {
            usageError("cannot read " + what + " '" + p + "': no such file");
            return false;
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            usageError("cannot read " + what + " '" + p + "': not a readable file");
            return false;
        }
        return true;
    }

    private int usageError(String message) {
        err.println("oncoaudit recode: " + message);
        err.println("Run 'oncoaudit recode --help' for usage.");
        return EXIT_USAGE;
    }

    /** Input that cannot be read as JSON: the reason on stderr, and one error result on stdout. */
    private int notJson(String message) {
        err.println("oncoaudit recode: " + message);
        write(CodecJson.toJson(List.of(RecodeResult.rejected(null, new ValidationError("input", message)))));
        return EXIT_INVALID_INPUT;
    }

    private int internalError(String what, RuntimeException e) {
        err.println("oncoaudit recode: internal error: " + what + ": " + e);
        e.printStackTrace(err);
        return EXIT_INTERNAL;
    }

    private void write(String json) {
        try {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(pretty ? CodecJson.pretty(json) : json);
            w.write('\n');
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String message(Exception e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.charset.MalformedInputException) return "not UTF-8 text";
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** "line L, column C" (1-based) of a character offset, for people with an editor. */
    static String lineColumn(String text, int offset) {
        int line = 1;
        int col = 1;
        int end = Math.min(offset, text.length());
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                col = 1;
            } else {
                col++;
            }
        }
        return "line " + line + ", column " + col;
    }
}
