package io.oncoaudit.api.appeals.deadline;

import io.oncoaudit.api.appeals.AppealsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the {@link DeadlineCalculator} from {@code oncoaudit.appeals.deadlines.*} once, failing start-up on a bad rule. */
@ApplicationScoped
public class DeadlineRules {

    @Produces
    @ApplicationScoped
    DeadlineCalculator calculator(AppealsConfig config) {
        return fromConfig(config);
    }

    public static DeadlineCalculator fromConfig(AppealsConfig config) {
        Map<String, PayerDeadlines> byPayer = new LinkedHashMap<>();
        config.deadlines().forEach((payer, routes) -> {
            List<DeadlineRule> rules = new ArrayList<>();
            routes.forEach((route, r) -> {
                try {
                    java.util.Set<String> dirs = new java.util.TreeSet<>();
                    for (String d : r.directions().orElse(java.util.Set.of())) {
                        String u = d.trim().toUpperCase(java.util.Locale.ROOT);
                        if (!java.util.Set.of("UNDERPAYMENT", "OVERPAYMENT", "DENIAL").contains(u)) {
                            throw new IllegalArgumentException("directions: '" + d + "' is not UNDERPAYMENT, OVERPAYMENT or DENIAL");
                        }
                        dirs.add(u);
                    }
                    java.util.Set<String> forms = new java.util.TreeSet<>();
                    for (String t : r.claimTypes().orElse(java.util.Set.of())) {
                        String u = t.trim().toUpperCase(java.util.Locale.ROOT);
                        if (!java.util.Set.of("PROFESSIONAL", "INSTITUTIONAL").contains(u)) {
                            throw new IllegalArgumentException("claim-types: '" + t + "' is not PROFESSIONAL or INSTITUTIONAL");
                        }
                        forms.add(u);
                    }
                    String from = r.from().trim().toLowerCase(java.util.Locale.ROOT);
                    if (!from.equals("determination") && !from.equals("service")) {
                        throw new IllegalArgumentException("from: '" + r.from() + "' is not determination or service");
                    }
                    rules.add(new DeadlineRule(route, r.days().orElse(null), r.years().orElse(null), r.receiptDays(), r.authority(), dirs,
                            forms, from.equals("service")));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("oncoaudit.appeals.deadlines." + payer + "." + route + ": " + e.getMessage(), e);
                }
            });
            int lag = config.payerAdjudicationLagDays().getOrDefault(payer, config.adjudicationLagDays());
            byPayer.put(payer, new PayerDeadlines(payer, rules, lag));
        });
        PayerDeadlines fallback = byPayer.get(DeadlineCalculator.DEFAULT_PAYER);
        config.payerAdjudicationLagDays().forEach((payer, lag) -> {
            // a payer with only its own lag keeps the default routes
            if (fallback != null && !byPayer.containsKey(payer)) byPayer.put(payer, new PayerDeadlines(payer, fallback.routes(), lag));
        });
        try {
            return new DeadlineCalculator(byPayer);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("oncoaudit.appeals.deadlines: " + e.getMessage(), e);
        }
    }
}
