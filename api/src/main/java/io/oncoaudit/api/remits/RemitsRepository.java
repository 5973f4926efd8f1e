package io.oncoaudit.api.remits;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.query.FindingFilter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The loaded remittance lines (table remit_lines, audit --remits, contract section 11): what payers actually paid,
 * denied and adjusted, apart from the rules' predictions. Every findings filter applies: run, payer and billing
 * provider (the extract's, of the claim), dates (the remittance line's date of service), claim, remitStatus and carc
 * (an adjustment of the line); kind, direction and amount keep the remittance lines whose billed line has such a
 * finding. Answers are cached until the set of loaded runs changes (checked at most once a second).
 */
@ApplicationScoped
public class RemitsRepository {
    /** Remittance line statuses by revenue-cycle category, in display order. */
    public static final List<String[]> CATEGORIES = List.of(new String[] {"denial", "DENIED"}, new String[] {"rejection", "REJECTED"},
            new String[] {"zero-pay", "ZERO_PAY"}, new String[] {"underpayment", "UNDERPAID"}, new String[] {"paid", "PAID"});
    private static final String DENIED = "l.is_line AND l.remit_status IN ('DENIED', 'REJECTED')";
    private static final String UNDERPAID = "l.is_line AND l.remit_status = 'UNDERPAID'";

    private final AgroalDataSource ds;
    private final ObjectMapper json;
    private final Map<String, Object> cache = new ConcurrentHashMap<>();
    private volatile String version = "";
    private volatile long checkedAt;

    public RemitsRepository(AgroalDataSource ds, ObjectMapper json) {
        this.ds = ds;
        this.json = json;
    }

    /** Denied lines and amount, paid-below-expected lines and amount: the figures of the overview. */
    public record Totals(long remittanceLines, long deniedLines, BigDecimal deniedAmount, long paidBelowExpectedLines,
                         BigDecimal paidBelowExpectedAmount, BigDecimal paid) { }

    public Totals totals(FindingFilter filter) {
        return cached("totals|" + filter.describe(), () -> {
            StringBuilder sql = new StringBuilder("SELECT count(*) FILTER (WHERE l.is_line), count(*) FILTER (WHERE " + DENIED + "),"
                    + " coalesce(sum(coalesce(l.expected_value, 0)) FILTER (WHERE " + DENIED + "), 0),"
                    + " count(*) FILTER (WHERE " + UNDERPAID + "), coalesce(sum(l.shortfall) FILTER (WHERE " + UNDERPAID + "), 0),"
                    + " coalesce(sum(l.paid) FILTER (WHERE l.is_line), 0) FROM remit_lines l WHERE TRUE");
            List<Object> params = new ArrayList<>();
            where(filter, sql, params);
            return query(sql.toString(), params, rs -> new Totals(rs.getLong(1), rs.getLong(2), rs.getBigDecimal(3), rs.getLong(4),
                    rs.getBigDecimal(5), rs.getBigDecimal(6))).get(0);
        });
    }

    /** GET /api/summary/remits: the totals, the revenue-cycle split, by CARC and by payer. */
    public RemitsSummary summary(FindingFilter filter, BigDecimal predictedDenialExposure) {
        RemitsSummary s = cached("summary|" + filter.describe(), () -> {
            Totals t = totals(filter);
            return new RemitsSummary(null, t.remittanceLines(), t.paid(),
                    new RemitsSummary.Figure(t.deniedLines(), t.deniedAmount()),
                    new RemitsSummary.Figure(t.paidBelowExpectedLines(), t.paidBelowExpectedAmount()),
                    revenueCycle(filter), byCarc(filter), byPayer(filter));
        });
        return new RemitsSummary(predictedDenialExposure, s.remittanceLines(), s.paid(), s.deniedOnRemittance(), s.paidBelowExpected(),
                s.revenueCycle(), s.byCarc(), s.byPayer());
    }

    private List<RemitsSummary.Category> revenueCycle(FindingFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT l.remit_status, count(*), coalesce(sum(l.paid), 0), coalesce(sum(l.expected_value), 0),"
                + " coalesce(sum(l.shortfall), 0) FROM remit_lines l WHERE l.is_line");
        List<Object> params = new ArrayList<>();
        where(filter, sql, params);
        sql.append(" GROUP BY l.remit_status");
        Map<String, Object[]> byStatus = new LinkedHashMap<>();
        query(sql.toString(), params, rs -> byStatus.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getBigDecimal(3),
                rs.getBigDecimal(4), rs.getBigDecimal(5)}));
        List<RemitsSummary.Category> out = new ArrayList<>();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (String[] c : CATEGORIES) {
            Object[] v = byStatus.getOrDefault(c[1], new Object[] {0L, zero, zero, zero});
            // what the category leaves unpaid against the line's expected value: the whole value of a denied,
            // rejected or zero-paid line, the shortfall of an underpaid one, nothing on a line paid in full
            BigDecimal amount = switch (c[1]) {
                case "UNDERPAID" -> (BigDecimal) v[3];
                case "PAID" -> zero;
                default -> (BigDecimal) v[2];
            };
            out.add(new RemitsSummary.Category(c[0], c[1], (Long) v[0], (BigDecimal) v[1], (BigDecimal) v[2], amount));
        }
        return out;
    }

    private List<RemitsSummary.Carc> byCarc(FindingFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT a->>'group', a->>'carc', count(*), coalesce(sum((a->>'amount')::numeric), 0),"
                + " count(*) FILTER (WHERE l.remit_status IN ('DENIED', 'REJECTED'))"
                + " FROM remit_lines l, jsonb_array_elements(l.adjustments) a WHERE l.is_line");
        List<Object> params = new ArrayList<>();
        where(filter, sql, params);
        sql.append(" GROUP BY 1, 2 ORDER BY 4 DESC, 1, 2");
        return query(sql.toString(), params, rs -> new RemitsSummary.Carc(rs.getString(1), rs.getString(2), rs.getLong(3),
                rs.getBigDecimal(4).setScale(2, java.math.RoundingMode.HALF_EVEN), rs.getLong(5)));
    }

    private List<RemitsSummary.Payer> byPayer(FindingFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT l.payer_id, max(l.payer_name), count(*) FILTER (WHERE l.is_line),"
                + " count(*) FILTER (WHERE " + DENIED + "), coalesce(sum(coalesce(l.expected_value, 0)) FILTER (WHERE " + DENIED + "), 0),"
                + " count(*) FILTER (WHERE " + UNDERPAID + "), coalesce(sum(l.shortfall) FILTER (WHERE " + UNDERPAID + "), 0),"
                + " coalesce(sum(l.paid) FILTER (WHERE l.is_line), 0) FROM remit_lines l WHERE TRUE");
        List<Object> params = new ArrayList<>();
        where(filter, sql, params);
        sql.append(" GROUP BY l.payer_id ORDER BY 5 DESC, l.payer_id NULLS LAST");
        // payerId: the extract's payer of the claim; null for remittance claims the extract does not hold
        return query(sql.toString(), params, rs -> new RemitsSummary.Payer(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                rs.getBigDecimal(5), rs.getLong(6), rs.getBigDecimal(7), rs.getBigDecimal(8)));
    }

    /**
     * The remittance of one claim in one load (the encounter page): claim status, payer claim number, the lines
     * that matched a billed line (by line number) and those that matched none; null when the load holds none.
     */
    public ObjectNode claim(long runPk, String claimId) {
        List<ObjectNode> lines = lines("l.run_pk = ? AND l.claim_id = ?", List.of(runPk, claimId));
        if (lines.isEmpty()) return null;
        ObjectNode out = json.createObjectNode();
        ObjectNode first = lines.get(0);
        out.put("claimStatus", first.path("claimStatus").asText(null));
        out.put("payerClaimNumber", first.path("payerClaimNumber").asText(null));
        out.put("payerName", first.path("payerName").asText(null));
        ArrayNode matched = out.putArray("lines");
        ArrayNode unmatched = out.putArray("unmatchedLines");
        for (ObjectNode l : lines) (l.path("lineNumber").isNull() ? unmatched : matched).add(l);
        return out;
    }

    /** The remittance lines of a claim in the newest load of {@code runId} (appeal packets); empty when none. */
    public List<ObjectNode> claimLines(String runId, String claimId) {
        return lines("l.run_pk = (SELECT max(id) FROM runs WHERE run_id = ?) AND l.claim_id = ?", List.of(runId, claimId));
    }

    private List<ObjectNode> lines(String where, List<Object> params) {
        String sql = "SELECT l.line_number, l.procedure_code, l.modifiers, l.adjudicated_code, l.adjudicated_modifiers, l.revenue_code,"
                + " l.date_of_service, l.units, l.charge, l.paid, l.allowed, l.allowed_basis, l.patient_responsibility, l.adjustments::text,"
                + " l.rarc, l.remit_status, l.expected_value, l.shortfall, l.note, l.claim_status, l.payer_claim_number, l.payer_name,"
                + " l.is_line, l.file, l.segment_position"
                + " FROM remit_lines l WHERE " + where + " ORDER BY l.line_number NULLS LAST, l.row_number";
        return query(sql, params, rs -> {
            ObjectNode n = json.createObjectNode();
            n.put("lineNumber", (Integer) rs.getObject(1));
            n.put("procedureCode", rs.getString(2));
            n.set("modifiers", list(rs.getString(3)));
            n.put("adjudicatedCode", rs.getString(4));
            n.set("adjudicatedModifiers", list(rs.getString(5)));
            n.put("revenueCode", rs.getString(6));
            n.put("dateOfService", rs.getString(7));
            n.put("units", units(rs.getBigDecimal(8)));
            n.put("charge", rs.getBigDecimal(9));
            n.put("paid", rs.getBigDecimal(10));
            n.put("allowed", rs.getBigDecimal(11));
            n.put("allowedBasis", rs.getString(12));
            n.put("patientResponsibility", rs.getBigDecimal(13));
            n.set("adjustments", adjustments(rs.getString(14)));
            n.set("rarc", list(rs.getString(15)));
            n.put("remitStatus", rs.getString(16));
            n.put("expectedValue", rs.getBigDecimal(17));
            n.put("shortfall", rs.getBigDecimal(18));
            n.put("note", rs.getString(19));
            n.put("claimStatus", rs.getString(20));
            n.put("payerClaimNumber", rs.getString(21));
            n.put("payerName", rs.getString(22));
            n.put("serviceLine", rs.getBoolean(23));
            n.put("file", rs.getString(24));
            n.put("segmentPosition", (Integer) rs.getObject(25));
            return n;
        });
    }

    /** Units without trailing zeros, never in exponent form (20.000000 -> 20, 1.500000 -> 1.5). */
    private static BigDecimal units(BigDecimal u) {
        if (u == null) return null;
        BigDecimal s = u.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private ArrayNode adjustments(String text) throws SQLException {
        ArrayNode out = json.createArrayNode();
        try {
            JsonNode a = json.readTree(text == null ? "[]" : text);
            for (JsonNode x : a) {
                ObjectNode o = out.addObject();
                o.put("group", x.path("group").asText());
                o.put("carc", x.path("carc").asText());
                o.put("amount", new BigDecimal(x.path("amount").asText("0")).setScale(2));
            }
        } catch (IOException e) {
            throw new SQLException("remit_lines.adjustments is not JSON: " + e.getMessage(), e);
        }
        return out;
    }

    private ArrayNode list(String joined) {
        ArrayNode out = json.createArrayNode();
        if (joined != null && !joined.isBlank()) for (String s : joined.split("\\|")) out.add(s);
        return out;
    }

    /** Every findings filter as conditions on the remittance lines (alias l); see the class comment. */
    static void where(FindingFilter f, StringBuilder sql, List<Object> params) {
        add(sql, params, "l.run_pk IN (SELECT id FROM runs WHERE run_id = ?)", f.runId());
        add(sql, params, "l.payer_id = ?", f.payerId());
        add(sql, params, "l.billing_npi = ?", f.billingNpi());
        add(sql, params, "l.date_of_service >= ?", f.from());
        add(sql, params, "l.date_of_service <= ?", f.to());
        add(sql, params, "l.claim_id = ?", f.claimId());
        add(sql, params, "l.remit_status = ?", f.remitStatus());
        if (f.carc() != null) {
            int dash = f.carc().indexOf('-');
            add(sql, params, "l.adjustments @> ?::jsonb", dash < 0 ? "[{\"carc\":\"" + f.carc() + "\"}]"
                    : "[{\"group\":\"" + f.carc().substring(0, dash) + "\",\"carc\":\"" + f.carc().substring(dash + 1) + "\"}]");
        }
        if (f.kind() != null || f.direction() != null || f.minAmount() != null || f.maxAmount() != null) {
            // the remittance lines of billed lines holding such a finding
            sql.append(" AND EXISTS (SELECT 1 FROM findings f WHERE f.run_pk = l.run_pk AND f.claim_id = l.claim_id"
                    + " AND f.line_number = l.line_number");
            new FindingFilter(null, null, null, f.kind(), f.direction(), null, null, f.minAmount(), f.maxAmount(), null)
                    .dimensions(sql, params);
            sql.append(")");
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String cond, Object value) {
        if (value == null) return;
        sql.append(" AND ").append(cond);
        params.add(value);
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, RowMapper<T> mapper) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                Object p = params.get(i);
                if (p instanceof LocalDate d) ps.setDate(i + 1, Date.valueOf(d));
                else ps.setObject(i + 1, p);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(mapper.map(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("remittance query failed: " + e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, java.util.function.Supplier<T> compute) {
        long now = System.currentTimeMillis();
        if (now - checkedAt >= 1000) {
            String v = query("SELECT count(*), coalesce(max(id), 0) FROM runs", List.of(), rs -> rs.getLong(1) + ":" + rs.getLong(2)).get(0);
            if (!v.equals(version)) {
                cache.clear();
                version = v;
            }
            checkedAt = now;
        }
        Object hit = cache.get(key);
        if (hit != null) return (T) hit;
        T value = compute.get();
        if (cache.size() < 1000) cache.put(key, value);
        return value;
    }
}
