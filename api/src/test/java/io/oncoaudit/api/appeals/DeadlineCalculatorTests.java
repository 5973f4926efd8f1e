package io.oncoaudit.api.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.appeals.deadline.Deadline;
import io.oncoaudit.api.appeals.deadline.DeadlineCalculator;
import io.oncoaudit.api.appeals.deadline.DeadlineRule;
import io.oncoaudit.api.appeals.deadline.PayerDeadlines;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deadline arithmetic at its boundaries, with the rules of application.properties (NOTES 5.2 / 5.4). */
class DeadlineCalculatorTests {
    static final DeadlineCalculator CALC = new DeadlineCalculator(Map.of(
            "MEDICARE", new PayerDeadlines("MEDICARE", List.of(
                    new DeadlineRule("redetermination", 120, null, 5, "Pub 100-04 Ch.29 310.2", Set.of("DENIAL")),
                    new DeadlineRule("reopening", null, 1, 0, "Pub 100-04 Ch.34 10.6.2")), 30),
            "default", new PayerDeadlines("default", List.of(
                    new DeadlineRule("corrected-claim", 90, null, 0, "contract"),
                    new DeadlineRule("appeal", 180, null, 0, "contract", Set.of("UNDERPAYMENT", "DENIAL"))), 30)));

    @Test
    void medicareRedeterminationDay120IsInTimeAndDay121IsLate() {
        LocalDate determination = LocalDate.of(2026, 1, 10);
        LocalDate dos = LocalDate.of(2026, 1, 2);
        // receipt presumed 5 days later (Jan 15); day 120 after receipt is May 15 (16 + 28 + 31 + 30 + 15 days)
        Deadline day120 = CALC.compute("MEDICARE", dos, determination, LocalDate.of(2026, 5, 15));
        assertEquals(LocalDate.of(2026, 5, 15), day120.due());
        assertEquals("redetermination", day120.route());
        assertEquals(0, day120.daysLeft());
        assertFalse(day120.expired());
        assertFalse(day120.estimated());

        Deadline day121 = CALC.compute("MEDICARE", dos, determination, LocalDate.of(2026, 5, 16));
        assertEquals("reopening", day121.route(), "after day 120 only the 1-year reopening is open");
        assertEquals(LocalDate.of(2027, 1, 10), day121.due());
        assertFalse(day121.expired());
        assertFalse(day121.routes().get(0).open());
        assertTrue(day121.routes().get(1).open());
    }

    @Test
    void oneTwentyDaysCountTheLeapDay() {
        // 2024: Jan 6 + 120 days crosses Feb 29 -> May 5; 2023 has no Feb 29 -> May 6
        assertEquals(LocalDate.of(2024, 5, 5),
                CALC.compute("MEDICARE", LocalDate.of(2023, 12, 20), LocalDate.of(2024, 1, 1), LocalDate.of(2024, 1, 2)).due());
        assertEquals(LocalDate.of(2023, 5, 6),
                CALC.compute("MEDICARE", LocalDate.of(2022, 12, 20), LocalDate.of(2023, 1, 1), LocalDate.of(2023, 1, 2)).due());
    }

    @Test
    void reopeningYearFromALeapDayEndsOnFebruary28() {
        LocalDate leap = LocalDate.of(2024, 2, 29);
        Deadline onLastDay = CALC.compute("MEDICARE", LocalDate.of(2024, 2, 1), leap, LocalDate.of(2025, 2, 28));
        assertEquals(LocalDate.of(2025, 2, 28), onLastDay.finalDue());
        assertFalse(onLastDay.expired());
        assertEquals(0, onLastDay.daysLeft());
        Deadline dayAfter = CALC.compute("MEDICARE", LocalDate.of(2024, 2, 1), leap, LocalDate.of(2025, 3, 1));
        assertTrue(dayAfter.expired());
        assertEquals(-1, dayAfter.daysLeft());
    }

    @Test
    void withoutARemittanceDateTheDeterminationIsEstimatedFromTheDateOfServiceAndSaysSo() {
        LocalDate dos = LocalDate.of(2026, 3, 2);
        Deadline d = CALC.compute("MEDICARE", dos, null, LocalDate.of(2026, 3, 3));
        assertTrue(d.estimated());
        assertEquals(LocalDate.of(2026, 4, 1), d.determinationDate(), "date of service + 30 days adjudication lag");
        assertEquals(LocalDate.of(2026, 4, 1).plusDays(5 + 120), d.due());
        assertTrue(d.basis().startsWith("estimated"), d.basis());
        assertTrue(d.basis().contains("30 days after the date of service"), d.basis());
    }

    @Test
    void aPayerWithoutItsOwnRulesGetsTheDefaultAndLateClaimsAreExpired() {
        LocalDate determination = LocalDate.of(2026, 1, 1);
        Deadline day180 = CALC.compute("CIGNA", LocalDate.of(2025, 12, 1), determination, LocalDate.of(2026, 6, 30));
        assertEquals("appeal", day180.route());
        assertEquals(LocalDate.of(2026, 6, 30), day180.due());
        assertFalse(day180.expired());
        Deadline day181 = CALC.compute("cigna", LocalDate.of(2025, 12, 1), determination, LocalDate.of(2026, 7, 1));
        assertTrue(day181.expired());
        assertEquals(LocalDate.of(2026, 6, 30), day181.finalDue());
        Deadline day90 = CALC.compute("CIGNA", LocalDate.of(2025, 12, 1), determination, LocalDate.of(2026, 4, 1));
        assertEquals("corrected-claim", day90.route());
        assertEquals(0, day90.daysLeft());
    }

    @Test
    void routesFollowTheFindingsDirections() {
        LocalDate determination = LocalDate.of(2026, 1, 10);
        LocalDate today = LocalDate.of(2026, 1, 20);
        // Medicare: a coding correction in the practice's favour goes by reopening (1 year), a denial by redetermination first
        Deadline underpaid = CALC.compute("MEDICARE", LocalDate.of(2026, 1, 2), determination, today, Set.of("UNDERPAYMENT"));
        assertEquals("reopening", underpaid.route());
        assertEquals(1, underpaid.routes().size());
        assertEquals(LocalDate.of(2027, 1, 10), underpaid.due());
        Deadline denied = CALC.compute("MEDICARE", LocalDate.of(2026, 1, 2), determination, today, Set.of("UNDERPAYMENT", "DENIAL"));
        assertEquals("redetermination", denied.route());
        assertEquals(2, denied.routes().size());
        // commercial: a payer-favour correction has only the corrected-claim window
        Deadline overpaid = CALC.compute("CIGNA", LocalDate.of(2026, 1, 2), determination, LocalDate.of(2026, 4, 11), Set.of("OVERPAYMENT"));
        assertTrue(overpaid.expired(), "90 days from Jan 10 ended on Apr 10");
        Deadline mixed = CALC.compute("CIGNA", LocalDate.of(2026, 1, 2), determination, LocalDate.of(2026, 4, 11), Set.of("OVERPAYMENT", "UNDERPAYMENT"));
        assertFalse(mixed.expired());
        assertEquals("appeal", mixed.route());
    }

    @Test
    void badRulesAreRefusedWithTheirName() {
        IllegalArgumentException both = assertThrows(IllegalArgumentException.class, () -> new DeadlineRule("appeal", 90, 1, 0, "x"));
        assertTrue(both.getMessage().contains("appeal"));
        assertThrows(IllegalArgumentException.class, () -> new DeadlineRule("appeal", null, null, 0, "x"));
        assertThrows(IllegalArgumentException.class, () -> new DeadlineRule("appeal", 0, null, 0, "x"));
        IllegalArgumentException noDefault = assertThrows(IllegalArgumentException.class, () -> new DeadlineCalculator(Map.of()));
        assertTrue(noDefault.getMessage().contains("default"));
    }

    /** The claim form picks the routes: a hospital outpatient claim's type of bill xx7 adjustment runs 1 year from the date of service. */
    @Test
    void theClaimFormPicksTheRouteAndAnAdjustmentRunsFromTheDateOfService() {
        DeadlineCalculator calc = new DeadlineCalculator(Map.of("MEDICARE", new PayerDeadlines("MEDICARE", List.of(
                new DeadlineRule("redetermination", 120, null, 5, "42 CFR 405.942", Set.of("DENIAL")),
                new DeadlineRule("reopening", null, 1, 0, "42 CFR 405.980", Set.of(), Set.of("PROFESSIONAL"), false),
                new DeadlineRule("corrected-claim", null, 1, 0, "Pub 100-04 Ch.25 75.1", Set.of(), Set.of("INSTITUTIONAL"), true)), 30),
                "default", new PayerDeadlines("default", List.of(new DeadlineRule("appeal", 180, null, 0, "contract")), 30)));
        LocalDate dos = LocalDate.of(2026, 3, 2), today = LocalDate.of(2026, 4, 1);
        Deadline professional = calc.compute("MEDICARE", dos, null, today, Set.of("UNDERPAYMENT"), "PROFESSIONAL");
        assertEquals("reopening", professional.route());
        assertEquals(LocalDate.of(2027, 4, 1), professional.due(), "1 year from the estimated determination (dos + 30)");
        Deadline institutional = calc.compute("MEDICARE", dos, null, today, Set.of("UNDERPAYMENT"), "INSTITUTIONAL");
        assertEquals("corrected-claim", institutional.route());
        assertEquals(LocalDate.of(2027, 3, 2), institutional.due(), "1 year from the date of service");
        assertEquals(1, institutional.routes().size(), "no reopening route for an institutional claim");
        assertEquals("1 year from the date of service", institutional.routes().get(0).rule());
        // a denial on either form: redetermination first
        assertEquals("redetermination", calc.compute("MEDICARE", dos, null, today, Set.of("DENIAL"), "INSTITUTIONAL").route());
    }
}
