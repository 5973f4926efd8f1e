package io.oncoaudit.api.appeals.deadline;

import java.util.List;

/** The routes of one payer (or of the default), and the adjudication lag assumed when no remittance date is known. */
public record PayerDeadlines(String payerKey, List<DeadlineRule> routes, int adjudicationLagDays) {
    public PayerDeadlines {
        if (routes == null || routes.isEmpty()) throw new IllegalArgumentException("payer " + payerKey + ": no deadline routes");
        if (adjudicationLagDays < 0) throw new IllegalArgumentException("payer " + payerKey + ": adjudication lag must not be negative");
        routes = List.copyOf(routes);
    }
}
