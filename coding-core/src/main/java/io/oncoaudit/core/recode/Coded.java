package io.oncoaudit.core.recode;

import java.util.List;
import java.util.function.Supplier;

/**
 * One expected line in the making, with the rule that produced it and why, so that a finding can
 * explain itself. {@code source} names the administration(s) or billed line it came from.
 */
public final class Coded {
    public final String code;
    public int units;
    public final List<String> modifiers;
    public final String ruleId;
    private final Supplier<String> reasonText;
    private String reason;

    /** The reason is built only when a finding needs it: most expected lines match and are never explained. */
    public Coded(String code, int units, List<String> modifiers, String ruleId, Supplier<String> reason) {
        this.code = code;
        this.units = units;
        this.modifiers = modifiers;
        this.ruleId = ruleId;
        this.reasonText = reason;
    }

    public static Coded of(String code, int units, String ruleId, Supplier<String> reason) {
        return new Coded(code, units, List.of(), ruleId, reason);
    }

    public String reason() {
        if (reason == null) reason = reasonText == null ? "" : reasonText.get();
        return reason;
    }

    public Supplier<String> reasonSupplier() { return reasonText; }

    @Override
    public String toString() { return code + "x" + units + modifiers; }
}
