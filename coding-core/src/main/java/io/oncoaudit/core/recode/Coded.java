package io.oncoaudit.core.recode;

import java.util.List;

/**
 * One expected line in the making, with the rule that produced it and why, so that a finding can
 * explain itself. {@code source} names the administration(s) or billed line it came from.
 */
final class Coded {
    final String code;
    int units;
    final List<String> modifiers;
    final String ruleId;
    final String reason;

    Coded(String code, int units, List<String> modifiers, String ruleId, String reason) {
        this.code = code;
        this.units = units;
        this.modifiers = modifiers;
        this.ruleId = ruleId;
        this.reason = reason;
    }

    static Coded of(String code, int units, String ruleId, String reason) {
        return new Coded(code, units, List.of(), ruleId, reason);
    }

    @Override
    public String toString() { return code + "x" + units + modifiers; }
}
