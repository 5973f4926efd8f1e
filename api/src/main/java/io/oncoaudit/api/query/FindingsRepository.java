package io.oncoaudit.api.query;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads loaded findings with plain SQL: the filters, the newest-first order and keyset pagination. */
@ApplicationScoped
public class FindingsRepository {
    static final String ORDER = " ORDER BY f.date_of_service DESC, f.claim_id, f.finding_index, f.run_pk";
    private static final String SELECT = """
            SELECT r.run_id, f.claim_id, f.finding_index, f.line_number, f.patient_id, f.date_of_service, f.service_month,
                   f.payer_id, f.payer_name, f.billing_npi, f.rendering_npi, f.provider_name, f.place_of_service,
                   f.kind, f.rule_id, f.billed_code, f.expected_code, f.billed_units, f.expected_units, f.direction,
                   f.amount, f.explanation, f.citations, f.appeal_text, s.status, f.run_pk, s.note, s.updated_by, s.updated_at,
                   """ + PricingView.COLUMNS + ",\n" + FindingRemittance.COLUMNS + "\n" + """
            FROM findings f JOIN runs r ON r.id = f.run_pk
            LEFT JOIN finding_status s ON s.run_pk = f.run_pk AND s.claim_id = f.claim_id AND s.finding_index = f.finding_index
            WHERE TRUE""";
    /**
     * A page is read in two steps: the keys of the page come from an index-only scan of the covering
     * index that matches ORDER BY (filters on payer, provider, kind, direction, amount and dates are
     * checked inside the index, V5__findings_page_indexes.sql), then only those rows are fetched.
     */
    private static final String PAGE_ROWS = """
            SELECT r.run_id, f.claim_id, f.finding_index, f.line_number, f.patient_id, f.date_of_service, f.service_month,
                   f.payer_id, f.payer_name, f.billing_npi, f.rendering_npi, f.provider_name, f.place_of_service,
                   f.kind, f.rule_id, f.billed_code, f.expected_code, f.billed_units, f.expected_units, f.direction,
                   f.amount, f.explanation, f.citations, f.appeal_text, s.status, f.run_pk, s.note, s.updated_by, s.updated_at,
                   """ + PricingView.COLUMNS + ",\n" + FindingRemittance.COLUMNS + "\n" + """
            FROM k JOIN findings f ON f.claim_id = k.claim_id AND f.run_pk = k.run_pk AND f.finding_index = k.finding_index
            JOIN runs r ON r.id = f.run_pk
            LEFT JOIN finding_status s ON s.run_pk = f.run_pk AND s.claim_id = f.claim_id AND s.finding_index = f.finding_index
            ORDER BY k.date_of_service DESC, k.claim_id, k.finding_index, k.run_pk""";

    private final AgroalDataSource ds;
    private final ObjectMapper json;

    public FindingsRepository(AgroalDataSource ds, ObjectMapper json) {
        this.ds = ds;
        this.json = json;
    }

    public interface RowConsumer {
        void accept(FindingRow row) throws IOException;
    }

    /**
     * The worklist's orders: {@code sort} date (newest first), amount (largest first) or payer (A to Z),
     * {@code ascending} reverses the default; {@code group} kind or provider puts each group's findings
     * together (groups A to Z) and sorts inside it. Ties keep the newest-first order. Paged by offset.
     */
    public record Order(String sort, Boolean ascending, String group) {
        public static final Order NEWEST_FIRST = new Order("date", null, null);

        boolean keyset() {
            return "date".equals(sort) && !Boolean.TRUE.equals(ascending) && group == null;
        }

        String by(String alias) {
            StringBuilder o = new StringBuilder(" ORDER BY ");
            if ("kind".equals(group)) o.append(alias).append(".kind, ");
            if ("provider".equals(group)) o.append(alias).append(".billing_npi, ");
            String column = switch (sort) {
                case "amount" -> "amount";
                case "payer" -> "payer_id";
                default -> "date_of_service";
            };
            boolean asc = ascending != null ? ascending : "payer".equals(sort);
            o.append(alias).append('.').append(column).append(asc ? " ASC" : " DESC").append(", ")
                    .append(alias).append(".date_of_service DESC, ").append(alias).append(".claim_id, ")
                    .append(alias).append(".finding_index, ").append(alias).append(".run_pk");
            return o.toString();
        }
    }

    public FindingsPage page(FindingFilter filter, int page, int size, Cursor cursor, boolean patientLevel, boolean withTotal) {
        return page(filter, page, size, cursor, patientLevel, withTotal, Order.NEWEST_FIRST);
    }

    public FindingsPage page(FindingFilter filter, int page, int size, Cursor cursor, boolean patientLevel, boolean withTotal,
                             Order order) {
        if (!order.keyset()) return sortedPage(filter, page, size, patientLevel, withTotal, order);
        List<FindingRow> items = new ArrayList<>(size);
        Cursor next = null;
        try (Connection c = ds.getConnection()) {
            List<Long> runPks = filter.runId() == null ? List.of() : runPks(c, filter.runId());
            StringBuilder keys = new StringBuilder("SELECT f.run_pk, f.claim_id, f.finding_index, f.date_of_service FROM findings f WHERE TRUE");
            List<Object> params = new ArrayList<>();
            filter.where(keys, params, runPks);
            if (cursor != null) {
                // the first condition is implied by the second; it gives the index scan its starting point
                keys.append(" AND f.date_of_service <= ? AND (f.date_of_service < ? OR (f.date_of_service = ?"
                        + " AND (f.claim_id, f.finding_index, f.run_pk) > (?, ?, ?)))");
                params.add(cursor.dateOfService());
                params.add(cursor.dateOfService());
                params.add(cursor.dateOfService());
                params.add(cursor.claimId());
                params.add(cursor.findingIndex());
                params.add(cursor.runPk());
            }
            keys.append(ORDER).append(" LIMIT ").append(size + 1);
            if (cursor == null && page > 0) keys.append(" OFFSET ").append((long) page * size);
            long lastRunPk = 0;
            try (PreparedStatement ps = c.prepareStatement("WITH k AS (" + keys + ") " + PAGE_ROWS)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == size) {
                            FindingRow last = items.get(size - 1);
                            next = new Cursor(last.dateOfService(), last.claimId(), last.findingIndex(), lastRunPk);
                            break;
                        }
                        items.add(row(rs, patientLevel));
                        lastRunPk = rs.getLong(26);
                    }
                }
            }
            Long total = withTotal ? count(c, filter, runPks) : null;
            return new FindingsPage(items, cursor == null ? page : 0, size, next == null ? null : next.encode(), total,
                    next == null || cursor != null ? null : page + 1);
        } catch (SQLException e) {
            throw new IllegalStateException("findings query failed: " + e.getMessage(), e);
        }
    }

    /** A page in another order than newest first: by offset; {@code nextPage} when there is more. */
    private FindingsPage sortedPage(FindingFilter filter, int page, int size, boolean patientLevel, boolean withTotal, Order order) {
        List<FindingRow> items = new ArrayList<>(size);
        boolean more = false;
        try (Connection c = ds.getConnection()) {
            List<Long> runPks = filter.runId() == null ? List.of() : runPks(c, filter.runId());
            StringBuilder keys = new StringBuilder("SELECT f.run_pk, f.claim_id, f.finding_index, f.date_of_service, f.amount,"
                    + " f.payer_id, f.kind, f.billing_npi FROM findings f WHERE TRUE");
            List<Object> params = new ArrayList<>();
            filter.where(keys, params, runPks);
            keys.append(order.by("f")).append(" LIMIT ").append(size + 1).append(" OFFSET ").append((long) page * size);
            String rows = PAGE_ROWS.substring(0, PAGE_ROWS.lastIndexOf("ORDER BY")) + order.by("k").substring(1);
            try (PreparedStatement ps = c.prepareStatement("WITH k AS (" + keys + ") " + rows)) {
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (items.size() == size) {
                            more = true;
                            break;
                        }
                        items.add(row(rs, patientLevel));
                    }
                }
            }
            Long total = withTotal ? count(c, filter, runPks) : null;
            return new FindingsPage(items, page, size, null, total, more ? page + 1 : null);
        } catch (SQLException e) {
            throw new IllegalStateException("findings query failed: " + e.getMessage(), e);
        }
    }

    /** The loads (runs.id) of a run id; usually one. */
    private static List<Long> runPks(Connection c, String runId) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE run_id = ? ORDER BY id")) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getLong(1));
            }
        }
        return out;
    }

    /** Streams every matching finding in page order, for the CSV export (server-side cursor, bounded memory). */
    public long stream(FindingFilter filter, boolean patientLevel, RowConsumer consumer) throws IOException {
        StringBuilder sql = new StringBuilder(SELECT);
        List<Object> params = new ArrayList<>();
        filter.where(sql, params);
        sql.append(ORDER);
        long n = 0;
        try (Connection c = ds.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false); // pgjdbc streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                ps.setFetchSize(2000);
                bind(ps, params);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        consumer.accept(row(rs, patientLevel));
                        n++;
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("findings export failed: " + e.getMessage(), e);
        }
        return n;
    }

    /** The number of findings matching {@code filter}. */
    public long count(FindingFilter filter) {
        try (Connection c = ds.getConnection()) {
            return count(c, filter, filter.runId() == null ? List.of() : runPks(c, filter.runId()));
        } catch (SQLException e) {
            throw new IllegalStateException("findings count failed: " + e.getMessage(), e);
        }
    }

    /** total=true: summed from summary_agg when the filter is one it holds (run, payer, provider, kind), else counted. */
    private long count(Connection c, FindingFilter filter, List<Long> runPks) throws SQLException {
        boolean agg = filter.aggregateOnly();
        StringBuilder sql = new StringBuilder(agg ? "SELECT coalesce(sum(findings), 0) FROM summary_agg f WHERE TRUE"
                : "SELECT count(*) FROM findings f WHERE TRUE");
        List<Object> params = new ArrayList<>();
        filter.where(sql, params, runPks);
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement ps, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            Object p = params.get(i);
            if (p instanceof LocalDate d) ps.setDate(i + 1, Date.valueOf(d));
            else ps.setObject(i + 1, p);
        }
    }

    /** The first of the {@link PricingView#COLUMNS} in SELECT and PAGE_ROWS. */
    private static final int PRICING_AT = 30;

    private FindingRow row(ResultSet rs, boolean patientLevel) throws SQLException {
        String patient = rs.getString(5);
        String explanation = rs.getString(22);
        String appeal = rs.getString(24);
        if (!patientLevel) {
            // finance must never receive a patient id, not even inside free text
            explanation = Redaction.scrub(explanation, patient);
            appeal = Redaction.scrub(appeal, patient);
            patient = null;
        }
        return new FindingRow(rs.getString(1), rs.getString(2), rs.getInt(3), (Integer) rs.getObject(4), patient,
                rs.getObject(6, LocalDate.class), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14), rs.getString(15),
                rs.getString(16), rs.getString(17), (Integer) rs.getObject(18), (Integer) rs.getObject(19),
                rs.getString(20), rs.getBigDecimal(21), explanation, jsonArray(rs.getString(23), patientLevel ? null : rs.getString(5)),
                appeal, rs.getString(25), patientLevel ? rs.getString(27) : Redaction.scrub(rs.getString(27), rs.getString(5)),
                rs.getString(28), rs.getTimestamp(29) == null ? null : rs.getTimestamp(29).toLocalDateTime().toString(),
                PricingView.read(rs, PRICING_AT, (Integer) rs.getObject(18), (Integer) rs.getObject(19)),
                FindingRemittance.read(rs, PRICING_AT + 8));
    }

    /**
     * Sets the auditor workflow status of one finding (table finding_status) in the newest load of the run.
     * Returns the stored status fields, or empty when there is no such finding.
     */
    public java.util.Optional<java.util.Map<String, Object>> setStatus(String runId, String claimId, int findingIndex,
                                                                       String status, String reason, String user) {
        String sql = """
                INSERT INTO finding_status (run_pk, claim_id, finding_index, status, note, updated_by, updated_at)
                SELECT f.run_pk, f.claim_id, f.finding_index, ?, ?, ?, ?
                FROM findings f
                WHERE f.run_pk = (SELECT max(id) FROM runs WHERE run_id = ?) AND f.claim_id = ? AND f.finding_index = ?
                ON CONFLICT (run_pk, claim_id, finding_index)
                DO UPDATE SET status = EXCLUDED.status, note = EXCLUDED.note, updated_by = EXCLUDED.updated_by,
                              updated_at = EXCLUDED.updated_at""";
        java.time.LocalDateTime now = java.time.LocalDateTime.now();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, status);
            ps.setString(2, reason);
            ps.setString(3, user);
            ps.setTimestamp(4, java.sql.Timestamp.valueOf(now));
            ps.setString(5, runId);
            ps.setString(6, claimId);
            ps.setInt(7, findingIndex);
            if (ps.executeUpdate() == 0) return java.util.Optional.empty();
        } catch (SQLException e) {
            throw new IllegalStateException("status update failed: " + e.getMessage(), e);
        }
        java.util.Map<String, Object> out = new java.util.LinkedHashMap<>();
        out.put("runId", runId);
        out.put("claimId", claimId);
        out.put("findingIndex", findingIndex);
        out.put("status", status);
        out.put("statusReason", reason);
        out.put("statusBy", user);
        out.put("statusAt", now.toString());
        return java.util.Optional.of(out);
    }

    JsonNode jsonArray(String text, String scrubPatient) {
        if (text == null || text.isBlank()) return json.createArrayNode();
        try {
            return json.readTree(scrubPatient == null ? text : Redaction.scrub(text, scrubPatient));
        } catch (IOException e) {
            return json.getNodeFactory().textNode(text);
        }
    }
}
