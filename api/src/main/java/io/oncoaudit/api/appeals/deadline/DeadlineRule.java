package io.oncoaudit.api.appeals.deadline;

import java.time.LocalDate;

/**
 * One route back to a payer (redetermination, reopening, corrected claim, appeal) and its time limit,
 * counted from the initial determination plus the days until its presumed receipt. Exactly one of
 * {@code days} and {@code years} is set. A deadline day itself is still in time; the next day is late.
 */
public record DeadlineRule(String route, Integer days, Integer years, int receiptDays, String authority) {

    public DeadlineRule {
        if ((days == null) == (years == null)) {
            throw new IllegalArgumentException("route " + route + ": give either days or years, not both or neither");
        }
        if ((days != null && days <= 0) || (years != null && years <= 0) || receiptDays < 0) {
            throw new IllegalArgumentException("route " + route + ": days/years must be positive and receipt-days not negative");
        }
    }

    /** The last day on which the route is still open for a determination on the given date. */
    public LocalDate due(LocalDate determination) {
        LocalDate receipt = determination.plusDays(receiptDays);
        // plusYears clamps Feb 29 to Feb 28: the earlier day, so a leap-day determination is never filed late
        return years != null ? receipt.plusYears(years) : receipt.plusDays(days);
    }

    /** "120 days from receipt of the initial determination (presumed 5 days after its date)". */
    public String describe() {
        String span = years != null ? years + (years == 1 ? " year" : " years") : days + " days";
        return receiptDays > 0
                ? span + " from receipt of the initial determination (presumed " + receiptDays + " days after its date)"
                : span + " from the initial determination";
    }
}
