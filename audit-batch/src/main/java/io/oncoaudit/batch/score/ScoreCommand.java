package io.oncoaudit.batch.score;

import io.oncoaudit.batch.cli.Args;
import java.io.PrintStream;
import java.util.Set;

public final class ScoreCommand {
    public static final Set<String> OPTIONS = Set.of("run", "truth");

    private ScoreCommand() { }

    public static void run(Args a, PrintStream out, PrintStream err) {
        throw new UnsupportedOperationException("score: not implemented yet");
    }
}
