package io.oncoaudit.core.pricing;

import java.nio.file.Path;

/** Entry points for fee schedules: the built-in default and a contract-format CSV (contract section 2). */
public final class FeeSchedules {
    private FeeSchedules() { }

    /** The built-in default: CMS PFS national amounts from the shipped RVU file, plus drug prices per billing unit. */
    public static FeeSchedule builtIn() {
        throw new UnsupportedOperationException("not implemented yet");
    }

    /** A contract-format fee schedule CSV; it replaces the built-in default entirely. */
    public static FeeSchedule fromCsv(Path file) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
