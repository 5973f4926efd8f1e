package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.FeeSchedule;
import java.math.BigDecimal;
import java.util.Arrays;
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
    private long[] cacheUnscaled = new long[8];
    private int[] cacheScale = new int[8];
    private int cacheSize;

    Pricer(FeeSchedule fees, Encounter encounter) {
        this.fees = fees;
        this.encounter = encounter;
        this.setting = encounter.setting();
    }

    void warningsTo(List<String> w) { this.warnings = w; }

    /** Per-unit price, 0.00 when the schedule has none (with a warning). */
    BigDecimal perUnit(String code) {
        return cachePrices[slot(code)];
    }

    private int slot(String code) {
        for (int i = 0; i < cacheSize; i++) if (cacheCodes[i].equals(code)) return i;
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
            int n = cacheSize * 2;
            cacheCodes = Arrays.copyOf(cacheCodes, n);
            cachePrices = Arrays.copyOf(cachePrices, n);
            cacheUnscaled = Arrays.copyOf(cacheUnscaled, n);
            cacheScale = Arrays.copyOf(cacheScale, n);
        }
        cacheCodes[cacheSize] = code;
        cachePrices[cacheSize] = p;
        // prices with a small unscaled value are multiplied in long arithmetic (no BigDecimal per line)
        boolean small = p.signum() >= 0 && p.scale() >= 0 && p.scale() <= 9 && p.precision() <= 15;
        cacheUnscaled[cacheSize] = small ? p.unscaledValue().longValue() : -1;
        cacheScale[cacheSize] = p.scale();
        return cacheSize++;
    }

    /** price x units rounded HALF_EVEN to cents, as a long number of cents (exact, same result as {@link Money#lineAmount}). */
    long cents(String code, long units) {
        if (units == 0) return 0;
        int i = slot(code);
        long unscaled = cacheUnscaled[i];
        if (unscaled >= 0 && units > 0 && units < 10_000_000L) {
            long x = unscaled * units; // < 1e15 * 1e7 would overflow: precision <= 15 digits and units < 1e7 keep it < 9.2e18? guard below
            if (unscaled == 0 || x / unscaled == units) {
                int scale = cacheScale[i];
                if (scale <= 2) {
                    long f = scale == 2 ? 1 : scale == 1 ? 10 : 100;
                    long r = x * f;
                    if (r / f == x) return r;
                } else {
                    long d = POW10[scale - 2];
                    long q = x / d, rem = x % d;
                    if (2 * rem > d || (2 * rem == d && (q & 1) == 1)) q++;
                    return q;
                }
            }
        }
        return Money.lineAmount(cachePrices[i], units).unscaledValue().longValueExact();
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L};

    /** price x units, rounded HALF_EVEN to cents (OA-PRICE-001). */
    BigDecimal amount(String code, long units) {
        if (units == 0) return Money.ZERO;
        return BigDecimal.valueOf(cents(code, units), 2);
    }
}
