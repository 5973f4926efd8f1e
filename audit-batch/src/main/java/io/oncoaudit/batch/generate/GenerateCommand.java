package io.oncoaudit.batch.generate;

import io.oncoaudit.batch.cli.Args;
import java.io.PrintStream;
import java.util.Set;

public final class GenerateCommand {
    public static final Set<String> OPTIONS = Set.of("encounters", "out", "seed", "error-rate", "format");

    private GenerateCommand() { }

    public static void run(Args a, PrintStream out, PrintStream err) {
        throw new UnsupportedOperationException("generate: not implemented yet");
    }
}
