package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.FeeSchedule;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prices lines of one encounter on the fee schedule (OA-PRICE-001, contract section 2). A code with no
 * price is worth 0 and produces one warning per code.
 */
final class Pricer {
    private final FeeSchedule fees;
    private final Encounter encounter;
    private final Setting setting;
    private Context context;
    private String[] cacheCodes = new String[8];
    private BigDecimal[] cachePrices = new BigDecimal[8];
    /** the price in units of 10^-9 (nano-dollars) when it fits a long, else -1 */
    private long[] cacheNanos = new long[8];
    private int cacheSize;

    Pricer(FeeSchedule fees, Encounter encounter) {
        this.fees = fees;
        this.encounter = encounter;
        this.setting = encounter.setting();
    }

    void warningsTo(Context c) { this.context = c; }

    /** Per-unit price, 0.00 when the schedule has none (with a warning). */
    BigDecimal perUnit(String code) {
        return cachePrices[slot(code)];
    }

    private int slot(String code) {
        for (int i = 0; i < cacheSize; i++) if (cacheCodes[i].equals(code)) return i;
        BigDecimal p = fees.perUnit(encounter.payerId(), code, setting, encounter.dateOfService());
        if (p == null) {
            if (context != null) {
                context.warn("no fee-schedule price for " + code + " (payer " + encounter.payerId() + ", " + setting
                        + ", " + encounter.dateOfService() + "): valued at 0.00");
            }
            p = Money.ZERO;
        }
        if (cacheSize == cacheCodes.length) {
            int n = cacheSize * 2;
            cacheCodes = Arrays.copyOf(cacheCodes, n);
            cachePrices = Arrays.copyOf(cachePrices, n);
            cacheNanos = Arrays.copyOf(cacheNanos, n);
        }
        cacheCodes[cacheSize] = code;
        cachePrices[cacheSize] = p;
        // prices are multiplied in long arithmetic (no BigDecimal per line) when they fit in nano-dollars
        cacheNanos[cacheSize] = nanos(p);
        return cacheSize++;
    }

    /** Prices seen so far in nano-dollars, shared by all encounters (a schedule has a few thousand distinct prices). */
    private static final ConcurrentHashMap<BigDecimal, Long> NANOS = new ConcurrentHashMap<>();

    private static long nanos(BigDecimal p) {
        Long known = NANOS.get(p);
        if (known != null) return known;
        boolean fits = p.signum() >= 0 && p.scale() >= 0 && p.scale() <= 9 && p.precision() - p.scale() <= 9;
        long n = fits ? p.movePointRight(9).longValueExact() : -1;
        if (NANOS.size() < 100_000) NANOS.put(p, n);
        return n;
    }

    /** price x units rounded HALF_EVEN to cents, as a long number of cents (exact, same result as {@link Money#lineAmount}). */
    long cents(String code, long units) {
        if (units == 0) return 0;
        int i = slot(code);
        long nanos = cacheNanos[i];
        if (nanos >= 0 && units > 0 && Math.multiplyHigh(nanos, units) == 0) {
            long x = nanos * units;
            if (x >= 0) {
                long q = x / 10_000_000L, rem = x % 10_000_000L; // nano-dollars to cents, HALF_EVEN
                if (2 * rem > 10_000_000L || (2 * rem == 10_000_000L && (q & 1) == 1)) q++;
                return q;
            }
        }
        return Money.lineAmount(cachePrices[i], units).unscaledValue().longValueExact();
    }

    /** price x units, rounded HALF_EVEN to cents (OA-PRICE-001). */
    BigDecimal amount(String code, long units) {
        if (units == 0) return Money.ZERO;
        return BigDecimal.valueOf(cents(code, units), 2);
    }
}
