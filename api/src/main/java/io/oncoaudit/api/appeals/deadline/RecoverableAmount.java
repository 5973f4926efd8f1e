package io.oncoaudit.api.appeals.deadline;

import io.oncoaudit.api.query.DashboardRepository;
import io.oncoaudit.api.query.FindingFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The deadline-adjusted recoverable amount of the finance overview: the underpayment and denial money
 * whose appeal clock is still running today, by the same per-payer rules as a campaign claim's deadline
 * ({@link DeadlineCalculator}, the routes that serve the finding's direction). No remittance date is
 * known for a finding, so each clock starts from the payer's estimated determination date (date of
 * service plus its adjudication lag): the figure is an estimate and says so.
 */
@ApplicationScoped
public class RecoverableAmount {
    private final DashboardRepository dashboard;
    private final DeadlineCalculator deadlines;

    public RecoverableAmount(DashboardRepository dashboard, DeadlineCalculator deadlines) {
        this.dashboard = dashboard;
        this.deadlines = deadlines;
    }

    /**
     * {asOf, estimated, recoverable, underpayment, denial, expired, expiredFindings, recoverableFindings,
     * byPayer: [{payerId, recoverable, expired}]}: {@code recoverable = underpayment + denial} still in time,
     * {@code expired} the same directions past every route's deadline.
     */
    public Map<String, Object> compute(FindingFilter filter, LocalDate today) {
        BigDecimal under = BigDecimal.ZERO, denial = BigDecimal.ZERO, expired = BigDecimal.ZERO;
        long inTime = 0, late = 0;
        Map<String, BigDecimal[]> byPayer = new TreeMap<>();
        for (Map<String, Object> r : dashboard.recoverableDays(filter)) {
            String payer = (String) r.get("payerId");
            String direction = (String) r.get("direction");
            BigDecimal amount = (BigDecimal) r.get("amount");
            long findings = (Long) r.get("findings");
            Deadline d = deadlines.compute(payer, (LocalDate) r.get("dateOfService"), null, today, Set.of(direction));
            BigDecimal[] p = byPayer.computeIfAbsent(payer, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            if (d.expired()) {
                expired = expired.add(amount);
                late += findings;
                p[1] = p[1].add(amount);
            } else {
                if (direction.equals("DENIAL")) denial = denial.add(amount);
                else under = under.add(amount);
                inTime += findings;
                p[0] = p[0].add(amount);
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("asOf", today);
        out.put("estimated", true);
        out.put("recoverable", under.add(denial));
        out.put("underpayment", under);
        out.put("denial", denial);
        out.put("recoverableFindings", inTime);
        out.put("expired", expired);
        out.put("expiredFindings", late);
        List<Map<String, Object>> payers = new java.util.ArrayList<>();
        byPayer.forEach((payer, p) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("payerId", payer);
            m.put("recoverable", p[0]);
            m.put("expired", p[1]);
            payers.add(m);
        });
        out.put("byPayer", payers);
        return out;
    }
}
