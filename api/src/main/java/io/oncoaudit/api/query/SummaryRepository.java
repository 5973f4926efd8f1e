package io.oncoaudit.api.query;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GET /api/summary: the rows of summary.json's byPayer / byProvider / byKind (contract section 7) over
 * the loaded findings. Without a date range it reads the pre-aggregated table; a date range goes to the
 * findings themselves (the aggregate's grain is the month).
 */
@ApplicationScoped
public class SummaryRepository {
    public enum By {
        PAYER("payer_id", "payerId"), PROVIDER("billing_npi", "billingNpi"), KIND("kind", "kind"),
        /** The payer x provider view: one row per (payer, billing NPI) with findings. */
        PAYER_PROVIDER("payer_id, billing_npi", "payerId", "billingNpi");

        final String columns;
        final String[] keys;

        By(String columns, String... keys) {
            this.columns = columns;
            this.keys = keys;
        }
    }

    private final AgroalDataSource ds;

    /**
     * Answers without a date range, per (by, runId), valid while the set of loaded runs is unchanged.
     */
    private final Map<String, List<Map<String, Object>>> cache = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile String cacheVersion = "";
    /** The runs version is re-read at most this often: a load by another process shows within a second. */
    private static final long VERSION_CHECK_MILLIS = 1000;
    private volatile long versionCheckedAt;

    /** A load in this process: the next answer reads the database. */
    public void invalidate() {
        versionCheckedAt = 0;
        cache.clear();
    }

    public SummaryRepository(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Unfiltered but for the run and dates. */
    public List<Map<String, Object>> summary(By by, String runId, LocalDate from, LocalDate to) {
        return summary(by, FindingFilter.of(runId, from, to));
    }

    /**
     * The rows of {@code by} over the findings that match {@code filter} (every filter of GET /api/findings).
     * Filters that summary_agg holds (run, payer, provider, kind) read it; any other goes to the findings.
     */
    public List<Map<String, Object>> summary(By by, FindingFilter filter) {
        if (!filter.aggregateOnly()) return query(by, filter);
        long now = System.currentTimeMillis();
        if (now - versionCheckedAt >= VERSION_CHECK_MILLIS) {
            String version = runsVersion();
            if (!version.equals(cacheVersion)) {
                cache.clear();
                cacheVersion = version;
            }
            versionCheckedAt = now;
        }
        String key = by + "|" + filter.describe();
        List<Map<String, Object>> rows = cache.get(key);
        if (rows == null) {
            rows = List.copyOf(query(by, filter));
            if (cache.size() < 1000) cache.put(key, rows);
        }
        return rows;
    }

    /** Claim-level rows of the drill-down ({@code sort}: amount (largest first), date (newest first), payer). */
    public record ClaimsPage(List<Map<String, Object>> items, int page, int size, long total) { }

    public ClaimsPage claims(FindingFilter filter, String sort, int page, int size) {
        String order = switch (sort == null ? "amount" : sort) {
            case "date" -> "max(f.date_of_service) DESC";
            case "payer" -> "f.payer_id, sum(f.amount) DESC";
            default -> "sum(f.amount) DESC";
        };
        StringBuilder where = new StringBuilder(" FROM findings f JOIN runs r ON r.id = f.run_pk WHERE TRUE");
        List<Object> params = new ArrayList<>();
        filter.where(where, params);
        String sql = "SELECT r.run_id, f.claim_id, max(f.date_of_service), f.payer_id, f.billing_npi, max(f.provider_name), count(*), "
                + MONEY_RAW + where + " GROUP BY r.run_id, f.run_pk, f.claim_id, f.payer_id, f.billing_npi ORDER BY " + order
                + ", f.claim_id, f.run_pk LIMIT " + size + " OFFSET " + ((long) page * size);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                FindingsRepository.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        row.put("runId", rs.getString(1));
                        row.put("claimId", rs.getString(2));
                        row.put("dateOfService", rs.getObject(3, LocalDate.class));
                        row.put("payerId", rs.getString(4));
                        row.put("billingNpi", rs.getString(5));
                        row.put("providerName", rs.getString(6));
                        row.put("findings", rs.getLong(7));
                        row.put("underpayment", rs.getBigDecimal(8));
                        row.put("overpayment", rs.getBigDecimal(9));
                        row.put("denial", rs.getBigDecimal(10));
                        row.put("compliance", rs.getLong(12));
                        rows.add(row);
                    }
                }
            }
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM (SELECT 1" + where + " GROUP BY f.run_pk, f.claim_id) x")) {
                FindingsRepository.bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            return new ClaimsPage(rows, page, size, total);
        } catch (SQLException e) {
            throw new IllegalStateException("claims summary query failed: " + e.getMessage(), e);
        }
    }

    static final String MONEY_RAW = "coalesce(sum(f.amount) FILTER (WHERE f.direction = 'UNDERPAYMENT'), 0), "
            + "coalesce(sum(f.amount) FILTER (WHERE f.direction = 'OVERPAYMENT'), 0), "
            + "coalesce(sum(f.amount) FILTER (WHERE f.direction = 'DENIAL'), 0), coalesce(sum(f.amount), 0), "
            + "count(*) FILTER (WHERE f.direction = 'COMPLIANCE')";

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

    private List<Map<String, Object>> query(By by, FindingFilter filter) {
        boolean raw = !filter.aggregateOnly();
        String table = raw ? "findings" : "summary_agg";
        String count = raw ? "count(*)" : "sum(f.findings)";
        String money = raw ? MONEY_RAW : "sum(f.underpayment), sum(f.overpayment), sum(f.denial), sum(f.amount), sum(f.compliance)";
        int n = by.keys.length;
        StringBuilder sql = new StringBuilder("SELECT " + by.columns + ", " + count + ", " + money + " FROM " + table + " f WHERE TRUE");
        List<Object> params = new ArrayList<>();
        filter.where(sql, params);
        sql.append(" GROUP BY ").append(by.columns).append(" ORDER BY ").append(by.columns);
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            FindingsRepository.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 0; i < n; i++) row.put(by.keys[i], rs.getString(i + 1));
                    row.put("findings", rs.getLong(n + 1));
                    // each direction on its own: an underpayment, an overpayment and a denial are never added together
                    row.put("underpayment", rs.getBigDecimal(n + 2));
                    row.put("overpayment", rs.getBigDecimal(n + 3));
                    row.put("denial", rs.getBigDecimal(n + 4));
                    // summary.json's byKind "amount" (contract section 7): the money the kind's findings move in
                    // either direction, a measure of size; never a sum to recover (see underpayment + denial)
                    if (by == By.KIND) row.put("amount", rs.getBigDecimal(n + 5));
                    // COMPLIANCE findings (amount 0) counted apart, never in a money column (issue 14)
                    row.put("compliance", rs.getLong(n + 6));
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed: " + e.getMessage(), e);
        }
        return rows;
    }
}
