package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Random;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AdministrationTests {
    private static Administration timed(LocalDateTime s, LocalDateTime e) {
        return new Administration("A1", "J9045", null, BigDecimal.ONE, DoseUnit.MG, Route.IV, s, e, false, null, null, null);
    }

    /** minutes() counts complete minutes exactly as LocalDateTime.until(MINUTES): seconds and nanos, midnight, years, negative spans. */
    @Test
    void minutesAreCompleteMinutesAsUntil() {
        LocalDateTime nine = LocalDateTime.of(2025, 3, 4, 9, 0);
        assertEquals(0, timed(nine, nine.plusSeconds(59).plusNanos(999_999_999)).minutes());
        assertEquals(1, timed(nine, nine.plusSeconds(60)).minutes());
        assertEquals(0, timed(nine.plusNanos(500_000_000), nine.plusSeconds(60).plusNanos(200_000_000)).minutes());
        assertEquals(2760, timed(nine, nine.plusMinutes(2760)).minutes());
        assertEquals(-1, timed(nine, null).minutes());
        assertEquals(-1, timed(nine.plusSeconds(61), nine).minutes());
        assertEquals(ChronoUnit.MINUTES.between(LocalDateTime.MIN, LocalDateTime.MAX), timed(LocalDateTime.MIN, LocalDateTime.MAX).minutes());
        Random rnd = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            LocalDateTime s = nine.plusSeconds(rnd.nextInt(86_400 * 400) - 86_400 * 200).plusNanos(rnd.nextInt(1_000_000_000));
            LocalDateTime e = s.plusSeconds(rnd.nextInt(86_400 * 10) - 86_400).plusNanos(rnd.nextInt(1_000_000_000) - 500_000_000);
            assertEquals(s.until(e, ChronoUnit.MINUTES), timed(s, e).minutes(), () -> s + " -> " + e);
        }
    }
}
