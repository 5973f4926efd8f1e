package io.oncoaudit.api.appeals.deadline;

import java.time.LocalDate;
import java.util.Set;

/**
 * One route back to a payer (redetermination, reopening, corrected claim, appeal) and its time limit,
 * counted from the initial determination plus the days until its presumed receipt. Exactly one of
 * {@code days} and {@code years} is set. A deadline day itself is still in time; the next day is late.
 * {@code directions} names the findings the route serves (e.g. Medicare redetermination: DENIAL, since a
 * provider's own coding error is corrected by reopening, NOTES 5.2); empty = every direction.
 */
public record DeadlineRule(String route, Integer days, Integer years, int receiptDays, String authority, Set<String> directions,
                           Set<String> claimTypes, boolean fromService) {

    public DeadlineRule(String route, Integer days, Integer years, int receiptDays, String authority) {
        this(route, days, years, receiptDays, authority, Set.of());
    }

    public DeadlineRule(String route, Integer days, Integer years, int receiptDays, String authority, Set<String> directions) {
        this(route, days, years, receiptDays, authority, directions, Set.of(), false);
    }

    /**
     * {@code claimTypes}: the claim forms (PROFESSIONAL, INSTITUTIONAL) the route serves, empty = both (e.g. a Medicare
     * type of bill xx7 adjustment serves institutional claims only); {@code fromService}: the limit runs from the date of
     * service (timely filing, as an adjustment bill's), not from the initial determination.
     */
    public DeadlineRule {
        directions = directions == null ? Set.of() : Set.copyOf(directions);
        claimTypes = claimTypes == null ? Set.of() : Set.copyOf(claimTypes);
        if ((days == null) == (years == null)) {
            throw new IllegalArgumentException("route " + route + ": give either days or years, not both or neither");
        }
        if ((days != null && days <= 0) || (years != null && years <= 0) || receiptDays < 0) {
            throw new IllegalArgumentException("route " + route + ": days/years must be positive and receipt-days not negative");
        }
    }

    /** Whether the route can carry a claim with findings in these directions (none known = yes). */
    public boolean serves(Set<String> claimDirections) {
        if (directions.isEmpty() || claimDirections == null || claimDirections.isEmpty()) return true;
        return claimDirections.stream().anyMatch(directions::contains);
    }

    /** Whether the route can carry a claim of this form (null = unknown: yes). */
    public boolean servesClaimType(String claimType) {
        return claimTypes.isEmpty() || claimType == null || claimTypes.contains(claimType.trim().toUpperCase(java.util.Locale.ROOT));
    }

    /** The last day on which the route is still open for a claim with this date of service and initial determination. */
    public LocalDate due(LocalDate dateOfService, LocalDate determination) {
        return due(fromService && dateOfService != null ? dateOfService : determination);
    }

    /** The last day on which the route is still open for a determination (or, {@code fromService}, a service) on the given date. */
    public LocalDate due(LocalDate determination) {
        LocalDate receipt = determination.plusDays(fromService ? 0 : receiptDays);
        // plusYears clamps Feb 29 to Feb 28: the earlier day, so a leap-day determination is never filed late
        return years != null ? receipt.plusYears(years) : receipt.plusDays(days);
    }

    /** "120 days from receipt of the initial determination (presumed 5 days after its date)". */
    public String describe() {
        String span = years != null ? years + (years == 1 ? " year" : " years") : days + " days";
        if (fromService) return span + " from the date of service";
        return receiptDays > 0
                ? span + " from receipt of the initial determination (presumed " + receiptDays + " days after its date)"
                : span + " from the initial determination";
    }
}
