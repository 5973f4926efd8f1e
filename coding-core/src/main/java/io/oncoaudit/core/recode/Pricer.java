package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.FeeSchedule;
import java.math.BigDecimal;
import java.util.List;

/**
 * Prices lines of one encounter on the fee schedule (OA-PRICE-001, contract section 2). A code with no
 * price is worth 0 and produces one warning per code.
 */
final class Pricer {
    private final FeeSchedule fees;
    private final Encounter encounter;
    private final Setting setting;
    private List<String> warnings;
    private String[] cacheCodes = new String[8];
    private BigDecimal[] cachePrices = new BigDecimal[8];
    private int cacheSize;

    Pricer(FeeSchedule fees, Encounter encounter) {
        this.fees = fees;
        this.encounter = encounter;
        this.setting = encounter.setting();
    }

    void warningsTo(List<String> w) { this.warnings = w; }

    /** Per-unit price, 0.00 when the schedule has none (with a warning). */
    BigDecimal perUnit(String code) {
        for (int i = 0; i < cacheSize; i++) if (cacheCodes[i].equals(code)) return cachePrices[i];
        BigDecimal p = fees.perUnit(encounter.payerId(), code, setting, encounter.dateOfService());
        if (p == null) {
            if (warnings != null) {
                String w = "no fee-schedule price for " + code + " (payer " + encounter.payerId() + ", " + setting
                        + ", " + encounter.dateOfService() + "): valued at 0.00";
                if (!warnings.contains(w)) warnings.add(w);
            }
            p = Money.ZERO;
        }
        if (cacheSize == cacheCodes.length) {
            cacheCodes = java.util.Arrays.copyOf(cacheCodes, cacheSize * 2);
            cachePrices = java.util.Arrays.copyOf(cachePrices, cacheSize * 2);
        }
        cacheCodes[cacheSize] = code;
        cachePrices[cacheSize++] = p;
        return p;
    }

    private final String[] amountCodes = new String[8];
    private final int[] amountUnits = new int[8];
    private final BigDecimal[] amounts = new BigDecimal[8];
    private int amountNext;

    /** price x units, rounded; the same line is priced for the billed and the expected side, so results are memoised. */
    BigDecimal amount(String code, long units) {
        if (units == 0) return Money.ZERO;
        if (units > Integer.MAX_VALUE) return Money.lineAmount(perUnit(code), units);
        for (int i = 0; i < amounts.length; i++) {
            if (amountUnits[i] == units && code.equals(amountCodes[i])) return amounts[i];
        }
        BigDecimal a = Money.lineAmount(perUnit(code), units);
        int slot = amountNext++ & (amounts.length - 1);
        amountCodes[slot] = code;
        amountUnits[slot] = (int) units;
        amounts[slot] = a;
        return a;
    }
}
