package io.oncoaudit.core.pricing;

import io.oncoaudit.core.model.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One price (contract section 2): payer ('*' = any), code, setting (null = '*'), allowed amount per unit and
 * an inclusive effective range (null from = always, null to = open). {@code line} locates it in its source.
 */
record FeeRow(String payerId, String procedureCode, Setting setting, BigDecimal allowedAmount,
              LocalDate effectiveFrom, LocalDate effectiveTo, long line) {

    static final String ANY_PAYER = "*";

    boolean anyPayer() { return ANY_PAYER.equals(payerId); }

    boolean holds(LocalDate dos) {
        if (dos == null) return true;
        return (effectiveFrom == null || !dos.isBefore(effectiveFrom)) && (effectiveTo == null || !dos.isAfter(effectiveTo));
    }

    /** 0 = exact payer and setting ... 3 = '*' for both: payer specificity ranks above setting specificity. */
    int specificity() {
        return (anyPayer() ? 2 : 0) + (setting == null ? 1 : 0);
    }
}
