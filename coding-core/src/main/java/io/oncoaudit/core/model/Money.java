package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Money is BigDecimal with two decimals. Rounding happens at two defined points only, HALF_EVEN:
 * a per-unit price derived from RVUs, and a line amount (price x units).
 */
public final class Money {
    public static final BigDecimal ZERO = new BigDecimal("0.00");

    private Money() { }

    public static BigDecimal round(BigDecimal v) {
        return v == null ? ZERO : v.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * An amount as a whole number of cents, rounded HALF_EVEN as {@link #round} (exact; throws when it does not fit in a
     * long). Does not build the BigInteger that {@code unscaledValue()} would.
     */
    public static long cents(BigDecimal v) {
        return round(v).scaleByPowerOfTen(2).longValueExact();
    }

    public static BigDecimal lineAmount(BigDecimal perUnit, long units) {
        if (perUnit == null || units == 0) return ZERO;
        return round(perUnit.multiply(BigDecimal.valueOf(units)));
    }
}
