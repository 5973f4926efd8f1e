package io.oncoaudit.core.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * Command-line entry point of coding-core (the jar's Main-Class; bin/oncoaudit runs it for
 * {@code recode}). Exit status: 0 success, 1 internal error, 2 usage error (unknown command or option,
 * unreadable file), 3 invalid input (contract section 3: any rejected encounter, or input that is not JSON).
 */
public final class OncoauditCli {
    public static final int EXIT_OK = 0;
    public static final int EXIT_INTERNAL = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_INVALID_INPUT = 3;

    static final String USAGE = """
            usage: oncoaudit <command> [options]

            commands:
              recode [--fee-schedule F] [--payer-policies F] [--pretty] [FILE|-]
                       re-code encounter JSON and print the results as a JSON array
              help     this text

            Run 'oncoaudit recode --help' for the options of recode.
            """;

    private OncoauditCli() { }

    public static void main(String[] args) {
        // Library log lines (e.g. which fee schedule was loaded) on one line each, like our own messages.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "oncoaudit: %4$s: %5$s%6$s%n");
        }
        int status = run(args);
        System.out.flush();
        System.err.flush();
        System.exit(status);
    }

    /** Runs with the process's standard streams (read when called, so tests may swap them). */
    public static int run(String... args) {
        return run(args, System.in, System.out, System.err);
    }

    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length == 0) {
            err.print(USAGE);
            return EXIT_USAGE;
        }
        String command = args[0];
        String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "recode":
                return new RecodeCommand(in, out, err).run(rest);
            case "help":
            case "--help":
            case "-h":
                out.print(USAGE);
                out.flush();
                return EXIT_OK;
            default:
                err.println("oncoaudit: unknown command '" + command + "'");
                err.print(USAGE);
                return EXIT_USAGE;
        }
    }
}
