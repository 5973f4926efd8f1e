package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Money;
import io.oncoaudit.core.model.Setting;
import io.oncoaudit.core.pricing.FeeSchedule;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The recoder's long-cents fast path gives exactly Money.lineAmount (HALF_EVEN) for any price and units. */
class PricerTests {

    private static Pricer pricerFor(BigDecimal price) {
        FeeSchedule fixed = new FeeSchedule() {
            @Override public BigDecimal perUnit(String p, String c, Setting s, LocalDate d) { return price; }
            @Override public String fingerprint() { return "fixed"; }
            @Override public String description() { return "fixed"; }
        };
        return new Pricer(fixed, Enc.medicare().bill("96413", 1).build());
    }

    @Test
    void fastPathEqualsBigDecimalArithmetic() {
        Random rnd = new Random(3);
        for (int i = 0; i < 20_000; i++) {
            int scale = rnd.nextInt(7);
            BigDecimal price = BigDecimal.valueOf(rnd.nextInt(2_000_000), scale);
            long units = rnd.nextInt(5) == 0 ? rnd.nextInt(100_000) : 1 + rnd.nextInt(400);
            BigDecimal expected = Money.lineAmount(price, units);
            assertEquals(expected, pricerFor(price).amount("J9999", units), () -> price + " x " + units);
        }
    }

    @Test
    void halfEvenAtTheBoundary() {
        assertEquals(new BigDecimal("0.12"), pricerFor(new BigDecimal("0.125")).amount("X", 1));
        assertEquals(new BigDecimal("0.14"), pricerFor(new BigDecimal("0.135")).amount("X", 1));
        assertEquals(new BigDecimal("0.38"), pricerFor(new BigDecimal("0.125")).amount("X", 3)); // 0.375 -> 0.38
        assertEquals(new BigDecimal("119.36"), pricerFor(new BigDecimal("119.36")).amount("X", 1));
        assertEquals(Money.ZERO, pricerFor(new BigDecimal("119.36")).amount("X", 0));
    }
}
