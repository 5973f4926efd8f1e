package io.oncoaudit.api.query;

import io.agroal.api.AgroalDataSource;
import io.oncoaudit.core.tables.Drug;
import io.oncoaudit.core.tables.DrugTable;
import io.oncoaudit.core.tables.ReferenceTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The finance dashboard's breakdowns that summary.json does not have (Flyway V3 aggregates, refreshed
 * by each load): findings by month of service, by billed/expected code pair and by drug, the number of
 * claims audited, and the billing providers' names. The aggregates' grain is the day of service, so a
 * date range is answered from them exactly. No row holds patient-level data.
 */
@ApplicationScoped
public class DashboardRepository {
    private static final long VERSION_CHECK_MILLIS = 1000;

    private final AgroalDataSource ds;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private volatile String cacheVersion = "";
    private volatile long versionCheckedAt;
    private volatile DrugTable drugs;

    public DashboardRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Findings and money of one (billed code, expected code) pair; either code may be null (a missing or unsupported line). */
    public record CodeRow(String billedCode, String expectedCode, long findings, BigDecimal underpayment,
                          BigDecimal overpayment, BigDecimal denial, long compliance) {
        public BigDecimal amount() { return underpayment.add(overpayment).add(denial); }
    }

    /** A load in this process: the next answer reads the database. */
    public void invalidate() {
        versionCheckedAt = 0;
        cache.clear();
    }

    /** By month of service ("yyyy-MM"), oldest first: {month, findings, underpayment, overpayment, denial}. */
    public List<Map<String, Object>> byMonth(FindingFilter filter) {
        return cached("month", filter, () -> {
            Map<String, CodeRow> months = new java.util.TreeMap<>();
            for (Object[] r : query("to_char(a.date_of_service, 'YYYY-MM')", 1, filter)) {
                months.merge((String) r[0], row(null, null, r), DashboardRepository::add);
            }
            List<Map<String, Object>> out = new ArrayList<>();
            months.forEach((month, r) -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("month", month);
                money(m, r);
                out.add(m);
            });
            return out;
        });
    }

    /**
     * By (billed code, expected code), largest money moved first: {billedCode, expectedCode, findings,
     * underpayment, overpayment, denial, amount}; {@code limit} rows at most (null: all).
     */
    public List<Map<String, Object>> byCode(FindingFilter filter, Integer limit) {
        List<Map<String, Object>> all = cached("code", filter, () -> {
            List<CodeRow> rows = new ArrayList<>();
            for (Object[] r : query("a.billed_code, a.expected_code", 2, filter)) rows.add(row((String) r[0], (String) r[1], r, 2));
            rows.sort(LARGEST_FIRST);
            List<Map<String, Object>> out = new ArrayList<>();
            for (CodeRow r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("billedCode", r.billedCode());
                m.put("expectedCode", r.expectedCode());
                money(m, r);
                m.put("amount", r.amount());
                out.add(m);
            }
            return out;
        });
        return limit == null || limit >= all.size() ? all : all.subList(0, limit);
    }

    /**
     * By drug, largest money moved first: findings on a drug line, i.e. whose billed code (else expected
     * code) is an HCPCS drug code (coding-core's drug table, or a J, Q0 or Q5 code it does not know):
     * {drugCode, drugName, findings, underpayment, overpayment, denial, amount}. Findings on administration
     * codes name no drug and are in {@link #byCode} only.
     */
    public List<Map<String, Object>> byDrug(FindingFilter filter, Integer limit) {
        List<Map<String, Object>> all = cached("drug", filter, () -> {
            Map<String, CodeRow> byDrug = new HashMap<>();
            for (Object[] r : query("a.billed_code, a.expected_code", 2, filter)) {
                String billed = (String) r[0];
                String expected = (String) r[1];
                String drug = isDrug(billed) ? billed : isDrug(expected) ? expected : null;
                if (drug != null) byDrug.merge(drug, row(drug, null, r, 2), DashboardRepository::add);
            }
            List<CodeRow> rows = new ArrayList<>(byDrug.values());
            rows.sort(LARGEST_FIRST);
            List<Map<String, Object>> out = new ArrayList<>();
            for (CodeRow r : rows) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("drugCode", r.billedCode());
                m.put("drugName", drugName(r.billedCode()));
                money(m, r);
                m.put("amount", r.amount());
                out.add(m);
            }
            return out;
        });
        return limit == null || limit >= all.size() ? all : all.subList(0, limit);
    }

    /**
     * Claims audited (encounter results loaded) in all runs or {@code runId}, dates of service from..to; with a
     * payer or provider filter, the claims of that payer or provider; with a finding filter (kind, direction,
     * amount, claim), the claims holding such a finding.
     */
    public long claims(FindingFilter filter) {
        List<Map<String, Object>> one = cached("claims", filter, () -> {
            StringBuilder sql;
            List<Object> params;
            if (filter.runAndDatesOnly()) {
                sql = new StringBuilder("SELECT coalesce(sum(encounters), 0) FROM encounter_day_agg a WHERE TRUE");
                params = RunDateFilter.append(sql, "a", filter.runId(), filter.from(), filter.to());
            } else if (filter.encounterOnly()) {
                sql = new StringBuilder("SELECT count(*) FROM encounters f WHERE TRUE");
                params = new ArrayList<>();
                filter.where(sql, params);
            } else {
                sql = new StringBuilder("SELECT count(*) FROM (SELECT DISTINCT f.run_pk, f.claim_id FROM findings f WHERE TRUE");
                params = new ArrayList<>();
                filter.where(sql, params);
                sql.append(") x");
            }
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
                FindingsRepository.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return List.of(Map.of("claims", rs.getLong(1)));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("claims query failed: " + e.getMessage(), e);
            }
        });
        return (Long) one.get(0).get("claims");
    }

    /**
     * Underpayment and denial money by (payer, direction, day of service) of the findings matching
     * {@code filter}: what the deadline-adjusted recoverable amount is computed from (an overpayment is
     * owed back, never recovered). Rows {payerId, direction, dateOfService, findings, amount}.
     */
    public List<Map<String, Object>> recoverableDays(FindingFilter filter) {
        return cached("recoverable", filter, () -> {
            StringBuilder sql = new StringBuilder("SELECT f.payer_id, f.direction, f.date_of_service, count(*), sum(f.amount)"
                    + " FROM findings f WHERE f.direction IN ('UNDERPAYMENT', 'DENIAL')");
            List<Object> params = new ArrayList<>();
            filter.where(sql, params);
            sql.append(" GROUP BY 1, 2, 3");
            List<Map<String, Object>> out = new ArrayList<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
                FindingsRepository.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> m = new HashMap<>();
                        m.put("payerId", rs.getString(1));
                        m.put("direction", rs.getString(2));
                        m.put("dateOfService", rs.getObject(3, LocalDate.class));
                        m.put("findings", rs.getLong(4));
                        m.put("amount", rs.getBigDecimal(5));
                        out.add(m);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("recoverable query failed: " + e.getMessage(), e);
            }
            return out;
        });
    }

    /** Billing NPI -> provider name, from the newest of the runs in scope that names it. */
    public Map<String, String> providerNames(String runId) {
        List<Map<String, Object>> one = cached("names", FindingFilter.of(runId, null, null), () -> {
            StringBuilder sql = new StringBuilder("SELECT DISTINCT ON (billing_npi) billing_npi, provider_name FROM provider_names a WHERE TRUE");
            List<Object> params = RunDateFilter.append(sql, "a", runId, null, null);
            sql.append(" ORDER BY billing_npi, run_pk DESC");
            Map<String, Object> names = new HashMap<>();
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
                FindingsRepository.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) names.put(rs.getString(1), rs.getString(2));
                }
            } catch (SQLException e) {
                throw new IllegalStateException("provider names query failed: " + e.getMessage(), e);
            }
            return List.of(names);
        });
        Map<String, String> out = new HashMap<>();
        one.get(0).forEach((k, v) -> out.put(k, (String) v));
        return out;
    }

    // --- helpers

    private static final Comparator<CodeRow> LARGEST_FIRST = Comparator.comparing(CodeRow::amount).reversed()
            .thenComparing(Comparator.comparingLong(CodeRow::findings).reversed())
            .thenComparing(r -> Objects.toString(r.billedCode(), ""))
            .thenComparing(r -> Objects.toString(r.expectedCode(), ""));

    /**
     * Rows {keys..., findings, underpayment, overpayment, denial} grouped by {@code keys} (SQL expressions on
     * alias {@code a}): from the day-grained aggregate for a run and date range, else from the findings.
     */
    private List<Object[]> query(String keys, int n, FindingFilter filter) {
        StringBuilder sql;
        List<Object> params;
        if (filter.runAndDatesOnly()) {
            sql = new StringBuilder("SELECT " + keys
                    + ", sum(a.findings), sum(a.underpayment), sum(a.overpayment), sum(a.denial), sum(a.compliance)"
                    + " FROM code_day_agg a WHERE TRUE");
            params = RunDateFilter.append(sql, "a", filter.runId(), filter.from(), filter.to());
        } else {
            sql = new StringBuilder("SELECT " + keys.replace("a.", "f.") + ", count(*), "
                    + "coalesce(sum(f.amount) FILTER (WHERE f.direction = 'UNDERPAYMENT'), 0), "
                    + "coalesce(sum(f.amount) FILTER (WHERE f.direction = 'OVERPAYMENT'), 0), "
                    + "coalesce(sum(f.amount) FILTER (WHERE f.direction = 'DENIAL'), 0), "
                    + "count(*) FILTER (WHERE f.direction = 'COMPLIANCE') FROM findings f WHERE TRUE");
            params = new ArrayList<>();
            filter.where(sql, params);
        }
        sql.append(" GROUP BY ");
        for (int i = 1; i <= n; i++) sql.append(i == 1 ? "" : ", ").append(i);
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            FindingsRepository.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] r = new Object[n + 5];
                    for (int i = 0; i < n; i++) r[i] = rs.getString(i + 1);
                    r[n] = rs.getLong(n + 1);
                    for (int i = 1; i <= 3; i++) r[n + i] = rs.getBigDecimal(n + 1 + i);
                    r[n + 4] = rs.getLong(n + 5);
                    rows.add(r);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed: " + e.getMessage(), e);
        }
        return rows;
    }

    private static CodeRow row(String billed, String expected, Object[] r) {
        return row(billed, expected, r, 1);
    }

    private static CodeRow row(String billed, String expected, Object[] r, int keys) {
        return new CodeRow(billed, expected, (Long) r[keys], (BigDecimal) r[keys + 1], (BigDecimal) r[keys + 2], (BigDecimal) r[keys + 3],
                (Long) r[keys + 4]);
    }

    private static CodeRow add(CodeRow a, CodeRow b) {
        return new CodeRow(a.billedCode(), a.expectedCode(), a.findings() + b.findings(), a.underpayment().add(b.underpayment()),
                a.overpayment().add(b.overpayment()), a.denial().add(b.denial()), a.compliance() + b.compliance());
    }

    private static void money(Map<String, Object> m, CodeRow r) {
        m.put("findings", r.findings());
        m.put("underpayment", r.underpayment());
        m.put("overpayment", r.overpayment());
        m.put("denial", r.denial());
        // COMPLIANCE findings move no money: a count of their own, in no money column (issue 14)
        m.put("compliance", r.compliance());
    }

    private boolean isDrug(String code) {
        if (code == null) return false;
        if (drugTable().isDrugCode(code)) return true;
        return code.length() == 5 && (code.charAt(0) == 'J' || code.startsWith("Q0") || code.startsWith("Q5"));
    }

    private String drugName(String code) {
        Drug d = drugTable().get(code, null);
        return d == null ? null : d.name();
    }

    private DrugTable drugTable() {
        DrugTable t = drugs;
        if (t == null) drugs = t = ReferenceTables.builtIn().drugs();
        return t;
    }

    /** Answers per (what, filter), valid while the set of loaded runs is unchanged (checked at most once a second). */
    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> cached(String what, FindingFilter filter,
                                             Supplier<List<Map<String, Object>>> compute) {
        long now = System.currentTimeMillis();
        if (now - versionCheckedAt >= VERSION_CHECK_MILLIS) {
            String version = runsVersion();
            if (!version.equals(cacheVersion)) {
                cache.clear();
                cacheVersion = version;
            }
            versionCheckedAt = now;
        }
        String key = what + "|" + filter.describe();
        Object rows = cache.get(key);
        if (rows == null) {
            rows = List.copyOf(compute.get());
            if (cache.size() < 2000) cache.put(key, rows);
        }
        return (List<Map<String, Object>>) rows;
    }

    private String runsVersion() {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(id), 0), coalesce(sum(findings_count), 0) FROM runs");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3);
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed: " + e.getMessage(), e);
        }
    }
}
