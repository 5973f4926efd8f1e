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
        PAYER("payer_id", "payerId"), PROVIDER("billing_npi", "billingNpi"), KIND("kind", "kind");

        final String column;
        final String key;

        By(String column, String key) {
            this.column = column;
            this.key = key;
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

    public List<Map<String, Object>> summary(By by, String runId, LocalDate from, LocalDate to) {
        if (from != null || to != null) return query(by, runId, from, to);
        long now = System.currentTimeMillis();
        if (now - versionCheckedAt >= VERSION_CHECK_MILLIS) {
            String version = runsVersion();
            if (!version.equals(cacheVersion)) {
                cache.clear();
                cacheVersion = version;
            }
            versionCheckedAt = now;
        }
        String key = by + "|" + (runId == null ? "" : runId);
        List<Map<String, Object>> rows = cache.get(key);
        if (rows == null) {
            rows = List.copyOf(query(by, runId, null, null));
            if (cache.size() < 1000) cache.put(key, rows);
        }
        return rows;
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

    private List<Map<String, Object>> query(By by, String runId, LocalDate from, LocalDate to) {
        boolean raw = from != null || to != null;
        String table = raw ? "findings" : "summary_agg";
        String count = raw ? "count(*)" : "sum(findings)";
        String money = raw
                ? "coalesce(sum(amount) FILTER (WHERE direction = 'UNDERPAYMENT'), 0), "
                  + "coalesce(sum(amount) FILTER (WHERE direction = 'OVERPAYMENT'), 0), "
                  + "coalesce(sum(amount) FILTER (WHERE direction = 'DENIAL'), 0), coalesce(sum(amount), 0)"
                : "sum(underpayment), sum(overpayment), sum(denial), sum(amount)";
        StringBuilder sql = new StringBuilder("SELECT " + by.column + ", " + count + ", " + money + " FROM " + table + " f WHERE TRUE");
        List<Object> params = RunDateFilter.append(sql, "f", runId, from, to);
        sql.append(" GROUP BY 1 ORDER BY 1");
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            FindingsRepository.bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put(by.key, rs.getString(1));
                    row.put("findings", rs.getLong(2));
                    if (by == By.KIND) {
                        row.put("amount", rs.getBigDecimal(6));
                    } else {
                        row.put("underpayment", rs.getBigDecimal(3));
                        row.put("overpayment", rs.getBigDecimal(4));
                        row.put("denial", rs.getBigDecimal(5));
                    }
                    rows.add(row);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("summary query failed: " + e.getMessage(), e);
        }
        return rows;
    }
}
