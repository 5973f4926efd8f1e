package io.oncoaudit.core.tables;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Payer policies from {@code payers.csv}; the row with payer_id '*' applies to every payer not listed. */
public final class PayerTable {
    public static final String RESOURCE = "/io/oncoaudit/core/tables/payers.csv";

    private final Map<String, PayerPolicy> byId;
    private final PayerPolicy fallback;

    public PayerTable(List<PayerPolicy> policies) {
        Map<String, PayerPolicy> m = new HashMap<>();
        PayerPolicy star = null;
        for (PayerPolicy p : policies) {
            if (p.payerId().equals("*")) star = p;
            else m.put(p.payerId().toUpperCase(Locale.ROOT), p);
        }
        if (star == null) throw new IllegalArgumentException("payers table needs a '*' row for unlisted payers");
        this.byId = m;
        this.fallback = star;
    }

    public static PayerTable load(List<CsvReader.Row> rows) {
        return new PayerTable(rows.stream().map(r -> new PayerPolicy(
                r.get("payer_id"), r.get("name"),
                Tables.enumValue(r, "type", PayerType.class),
                Tables.bool(r, "biologics_noncancer_therapeutic"),
                Tables.date(r, "jwjz_required_from"),
                r.get("owner"), r.get("reason"),
                !r.getOrEmpty("hydration_sum_intervals").strip().equalsIgnoreCase("false"),
                io.oncoaudit.core.rules.em.EmWithAdministration.parse(r.getOrEmpty("em_with_administration")))).toList());
    }

    /** The payer's policy; unlisted payers get the '*' row. */
    public PayerPolicy policy(String payerId) {
        if (payerId == null) return fallback;
        PayerPolicy p = byId.get(payerId); // the keys are upper case: an upper-case id needs no copy
        if (p == null) p = byId.get(payerId.toUpperCase(Locale.ROOT));
        return p != null ? p : fallback;
    }

    public boolean isListed(String payerId) { return payerId != null && byId.containsKey(payerId.toUpperCase(Locale.ROOT)); }

    /** Returns a copy of this table with {@code policy} added or replaced (per-customer configuration). */
    public PayerTable with(PayerPolicy policy) {
        Map<String, PayerPolicy> m = new HashMap<>(byId);
        m.put(policy.payerId().toUpperCase(Locale.ROOT), policy);
        List<PayerPolicy> all = new java.util.ArrayList<>(m.values());
        all.add(fallback);
        return new PayerTable(all);
    }
}
