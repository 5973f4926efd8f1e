package io.oncoaudit.api.query;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Filters of GET /api/findings and its CSV export (contract section 8 plus issue 5); null = no filter. */
public record FindingFilter(String runId, String payerId, String billingNpi, String kind, String direction,
                            LocalDate from, LocalDate to, BigDecimal minAmount, BigDecimal maxAmount, String claimId,
                            String remitStatus, String carc) {

    /** Without the remittance filters (remitStatus, carc). */
    public FindingFilter(String runId, String payerId, String billingNpi, String kind, String direction,
                         LocalDate from, LocalDate to, BigDecimal minAmount, BigDecimal maxAmount, String claimId) {
        this(runId, payerId, billingNpi, kind, direction, from, to, minAmount, maxAmount, claimId, null, null);
    }

    /** A remittance filter is set (the aggregates hold no remittance: such a filter reads the findings). */
    public boolean remitFiltered() {
        return remitStatus != null || carc != null;
    }

    /** The directions a filter may name (coding-core's, contract section 4: COMPLIANCE = no money moves), in order. */
    public static final List<String> DIRECTIONS = java.util.Arrays.stream(io.oncoaudit.core.model.Direction.values())
            .map(Enum::name).toList();

    /** "UNDERPAYMENT, OVERPAYMENT, DENIAL or COMPLIANCE", for error messages. */
    public static String directionsText() {
        return String.join(", ", DIRECTIONS.subList(0, DIRECTIONS.size() - 1)) + " or " + DIRECTIONS.get(DIRECTIONS.size() - 1);
    }

    /** Appends "AND ..." conditions on alias {@code f} and their parameters. */
    void where(StringBuilder sql, List<Object> params) {
        add(sql, params, "f.run_pk IN (SELECT id FROM runs WHERE run_id = ?)", runId);
        dimensions(sql, params);
    }

    /**
     * The same, with {@code runId} already resolved to its loads' keys: literal keys let the planner
     * prune partitions and keep the ordered index scan (a semi-join on runs made it sort instead).
     */
    void where(StringBuilder sql, List<Object> params, List<Long> runPks) {
        if (runId != null) {
            sql.append(runPks.isEmpty() ? " AND FALSE" : " AND f.run_pk IN (" + runPks.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ")");
        }
        dimensions(sql, params);
    }

    /** Only filters that summary_agg can answer (run, payer, provider, kind): a count can be summed from it. */
    boolean aggregateOnly() {
        return direction == null && from == null && to == null && minAmount == null && maxAmount == null && claimId == null
                && !remitFiltered();
    }

    /** Only a run and a date range (or nothing): the day-grained dashboard aggregates can answer it. */
    public boolean runAndDatesOnly() {
        return payerId == null && billingNpi == null && kind == null && direction == null && minAmount == null
                && maxAmount == null && claimId == null && !remitFiltered();
    }

    /** Only filters an encounter has (run, payer, provider, dates): claims can be counted from the encounters. */
    boolean encounterOnly() {
        return kind == null && direction == null && minAmount == null && maxAmount == null && claimId == null && !remitFiltered();
    }

    /** No filter at all but the run. */
    public static FindingFilter of(String runId, LocalDate from, LocalDate to) {
        return new FindingFilter(runId, null, null, null, null, from, to, null, null, null);
    }

    /**
     * Every filter but {@code runId} as "AND ..." conditions on alias {@code f}; shared with the appeals
     * campaigns' filter, which resolves runs its own way.
     */
    public void dimensions(StringBuilder sql, List<Object> params) {
        add(sql, params, "f.payer_id = ?", payerId);
        add(sql, params, "f.billing_npi = ?", billingNpi);
        add(sql, params, "f.kind = ?", kind);
        add(sql, params, "f.direction = ?", direction);
        add(sql, params, "f.date_of_service >= ?", from);
        add(sql, params, "f.date_of_service <= ?", to);
        add(sql, params, "f.amount >= ?", minAmount);
        add(sql, params, "f.amount <= ?", maxAmount);
        add(sql, params, "f.claim_id = ?", claimId);
        remitConditions(sql, params);
    }

    /**
     * remitStatus: the status of the finding's line on the remittance (DENIED, REJECTED, ZERO_PAY, UNDERPAID, PAID);
     * carc: an adjustment of that line, "CO-16" (group and reason code) or "16" (any group).
     */
    private void remitConditions(StringBuilder sql, List<Object> params) {
        add(sql, params, "f.remit_status = ?", remitStatus);
        if (carc != null) {
            add(sql, params, "('|' || f.remit_carc || '|') LIKE ?", carc.contains("-") ? "%|" + carc + "|%" : "%-" + carc + "|%");
        }
    }

    private static void add(StringBuilder sql, List<Object> params, String cond, Object value) {
        if (value == null) return;
        sql.append(" AND ").append(cond);
        params.add(value);
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (runId != null) parts.add("runId=" + runId);
        if (payerId != null) parts.add("payerId=" + payerId);
        if (billingNpi != null) parts.add("billingNpi=" + billingNpi);
        if (kind != null) parts.add("kind=" + kind);
        if (direction != null) parts.add("direction=" + direction);
        if (from != null) parts.add("from=" + from);
        if (to != null) parts.add("to=" + to);
        if (minAmount != null) parts.add("minAmount=" + minAmount);
        if (maxAmount != null) parts.add("maxAmount=" + maxAmount);
        if (claimId != null) parts.add("claimId=" + claimId);
        if (remitStatus != null) parts.add("remitStatus=" + remitStatus);
        if (carc != null) parts.add("carc=" + carc);
        return String.join("&", parts);
    }
}
