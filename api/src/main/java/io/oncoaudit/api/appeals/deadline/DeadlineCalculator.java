package io.oncoaudit.api.appeals.deadline;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Computes a claim's appeal deadlines from per-payer rules (NOTES 5.2 for Medicare, 5.4 for commercial
 * payers, whose limits are contract parameters). The initial determination date is the remittance date
 * when a person entered it; otherwise the date of service plus the payer's adjudication lag, and the
 * result says it is an estimate.
 */
public final class DeadlineCalculator {
    public static final String DEFAULT_PAYER = "default";
    private final Map<String, PayerDeadlines> byPayer;

    /** {@code byPayer} must hold a {@value #DEFAULT_PAYER} entry; keys match payer ids case-insensitively. */
    public DeadlineCalculator(Map<String, PayerDeadlines> byPayer) {
        Map<String, PayerDeadlines> m = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        m.putAll(byPayer);
        if (!m.containsKey(DEFAULT_PAYER)) {
            throw new IllegalArgumentException("deadline rules: add a '" + DEFAULT_PAYER + "' payer entry for payers without their own rules");
        }
        this.byPayer = m;
    }

    public PayerDeadlines rulesFor(String payerId) {
        PayerDeadlines p = payerId == null ? null : byPayer.get(payerId.trim());
        return p != null ? p : byPayer.get(DEFAULT_PAYER);
    }

    public Map<String, PayerDeadlines> rules() { return byPayer; }

    /** All of the payer's routes. */
    public Deadline compute(String payerId, LocalDate dateOfService, LocalDate determinationDate, LocalDate today) {
        return compute(payerId, dateOfService, determinationDate, today, Set.of());
    }

    /**
     * The routes that serve a claim whose findings have these directions (UNDERPAYMENT, OVERPAYMENT, DENIAL);
     * all routes when none of them does.
     */
    public Deadline compute(String payerId, LocalDate dateOfService, LocalDate determinationDate, LocalDate today,
                            Set<String> directions) {
        return compute(payerId, dateOfService, determinationDate, today, directions, null);
    }

    /**
     * The routes that serve a claim of this form ({@code claimType} PROFESSIONAL or INSTITUTIONAL, null = any) whose
     * findings have these directions; the routes of the claim form when none serves the directions.
     */
    public Deadline compute(String payerId, LocalDate dateOfService, LocalDate determinationDate, LocalDate today,
                            Set<String> directions, String claimType) {
        PayerDeadlines rules = rulesFor(payerId);
        List<DeadlineRule> ofForm = rules.routes().stream().filter(r -> r.servesClaimType(claimType)).toList();
        if (ofForm.isEmpty()) ofForm = rules.routes();
        List<DeadlineRule> serving = ofForm.stream().filter(r -> r.serves(directions)).toList();
        if (serving.isEmpty()) serving = ofForm;
        boolean estimated = determinationDate == null;
        LocalDate determination = estimated ? dateOfService.plusDays(rules.adjudicationLagDays()) : determinationDate;
        String basis = estimated
                ? "estimated: no remittance date on file, so the initial determination is assumed "
                  + rules.adjudicationLagDays() + " days after the date of service (" + determination
                  + "); enter the remittance date for an exact deadline"
                : "from the initial determination (remittance) date " + determination + " entered for this claim";
        List<RouteDeadline> routes = new ArrayList<>();
        for (DeadlineRule r : serving) {
            LocalDate due = r.due(dateOfService, determination);
            routes.add(new RouteDeadline(r.route(), due, !today.isAfter(due), r.describe(), r.authority()));
        }
        routes.sort(Comparator.comparing(RouteDeadline::due).thenComparing(RouteDeadline::route));
        LocalDate finalDue = routes.get(routes.size() - 1).due();
        RouteDeadline next = routes.stream().filter(RouteDeadline::open).findFirst().orElse(null);
        if (next == null) {
            return new Deadline(finalDue, routes.get(routes.size() - 1).route(), -ChronoUnit.DAYS.between(finalDue, today),
                    true, finalDue, determination, estimated, basis, routes);
        }
        return new Deadline(next.due(), next.route(), ChronoUnit.DAYS.between(today, next.due()), false, finalDue,
                determination, estimated, basis, routes);
    }

    /** Route names are shown to people: "corrected-claim" -> "corrected claim". */
    public static String label(String route) {
        return route == null ? "" : route.replace('-', ' ').replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
