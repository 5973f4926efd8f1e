package io.oncoaudit.api.appeals.campaign;

import com.fasterxml.jackson.databind.JsonNode;
import io.oncoaudit.api.query.FindingFilter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which findings a campaign is built from (contract section 8: payerId, kind, billingNpi, from, to; plus
 * minAmount, maxAmount, direction and runId, the findings worklist's filters). Null = not filtered. {@code from}/{@code to} bound the date of service,
 * inclusive; {@code minAmount}/{@code maxAmount} apply to each finding, as on GET /api/findings. An unknown field is refused
 * rather than ignored: a misspelt filter would otherwise select every claim.
 */
public record CampaignFilter(String runId, String payerId, String kind, String billingNpi, String direction,
                             LocalDate from, LocalDate to, BigDecimal minAmount,
                             BigDecimal maxAmount, String remitStatus, String carc) {

    /** Without the remittance fields. */
    public CampaignFilter(String runId, String payerId, String kind, String billingNpi, String direction, LocalDate from,
                          LocalDate to, BigDecimal minAmount, BigDecimal maxAmount) {
        this(runId, payerId, kind, billingNpi, direction, from, to, minAmount, maxAmount, null, null);
    }

    static final Set<String> FIELDS = Set.of("runId", "payerId", "kind", "billingNpi", "direction", "from", "to", "minAmount", "maxAmount",
            "remitStatus", "carc");

    public static CampaignFilter none() {
        return new CampaignFilter(null, null, null, null, null, null, null, null, null);
    }

    /** Parses the request's {@code filter} object; messages start with the field path ("filter.from: ..."). */
    public static CampaignFilter parse(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) return none();
        if (!n.isObject()) throw new IllegalArgumentException("filter: must be an object such as {\"payerId\": \"MEDICARE\"}");
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("filter." + f + ": unknown filter field; use payerId, kind, billingNpi, from, to, minAmount, maxAmount, direction, runId, remitStatus or carc");
            }
        }
        String kind = text(n, "kind");
        if (kind != null) {
            kind = kind.toUpperCase(Locale.ROOT);
            if (!kind.matches("[A-Z0-9_]{1,60}")) throw new IllegalArgumentException("filter.kind: '" + kind + "' is not a finding kind such as DOWNCODED_TO_96372");
        }
        String direction = text(n, "direction");
        if (direction != null) {
            direction = direction.toUpperCase(Locale.ROOT);
            if (!FindingFilter.DIRECTIONS.contains(direction)) {
                throw new IllegalArgumentException("filter.direction: use " + FindingFilter.directionsText() + ", got '" + direction + "'");
            }
        }
        LocalDate from = date(n, "from");
        LocalDate to = date(n, "to");
        if (from != null && to != null && from.isAfter(to)) throw new IllegalArgumentException("filter.from: must not be after filter.to");
        BigDecimal min = amount(n, "minAmount");
        BigDecimal max = amount(n, "maxAmount");
        if (min != null && max != null && min.compareTo(max) > 0) throw new IllegalArgumentException("filter.minAmount: must not be more than filter.maxAmount");
        String payer = text(n, "payerId");
        String remitStatus = text(n, "remitStatus");
        if (remitStatus != null) {
            remitStatus = remitStatus.toUpperCase(Locale.ROOT).replace('-', '_');
            if (!io.oncoaudit.api.query.KnownValues.REMIT_STATUSES.contains(remitStatus)) {
                throw new IllegalArgumentException("filter.remitStatus: '" + remitStatus + "' is not a remittance status; known values: "
                        + String.join(", ", io.oncoaudit.api.query.KnownValues.REMIT_STATUSES));
            }
        }
        String carc = text(n, "carc");
        if (carc != null) {
            carc = carc.toUpperCase(Locale.ROOT);
            if (!carc.matches("([A-Z]{2}-)?[A-Z0-9]{1,5}")) {
                throw new IllegalArgumentException("filter.carc: must be a claim adjustment reason code such as 16 or CO-16, got '" + carc + "'");
            }
        }
        return new CampaignFilter(text(n, "runId"), payer, kind, text(n, "billingNpi"), direction, from, to, min, max, remitStatus, carc);
    }

    /** Appends "AND ..." conditions on the findings alias {@code f}. */
    void where(StringBuilder sql, List<Object> params) {
        // the findings worklist's conditions, so a campaign selects exactly what its filter shows there
        new FindingFilter(null, payerId, billingNpi, kind, direction, from, to, minAmount, maxAmount, null, remitStatus, carc)
                .dimensions(sql, params);
        if (runId != null) {
            // the newest load of that run id (a run id loaded twice with different output is two runs)
            sql.append(" AND f.run_pk = (SELECT max(id) FROM runs WHERE run_id = ?)");
            params.add(runId);
        } else {
            // a claim audited in several runs is appealed once, from its newest audit
            sql.append(" AND f.run_pk = (SELECT max(x.run_pk) FROM (SELECT e.run_pk FROM encounters e WHERE e.claim_id = f.claim_id"
                    + " UNION ALL SELECT g.run_pk FROM findings g WHERE g.claim_id = f.claim_id) x)");
        }
    }

    public String describe() {
        List<String> parts = new ArrayList<>();
        if (runId != null) parts.add("run " + runId);
        if (payerId != null) parts.add("payer " + payerId);
        if (kind != null) parts.add("kind " + kind);
        if (billingNpi != null) parts.add("billing NPI " + billingNpi);
        if (direction != null) parts.add("direction " + direction);
        if (from != null) parts.add("from " + from);
        if (to != null) parts.add("to " + to);
        if (minAmount != null) parts.add("finding amount >= " + minAmount.toPlainString());
        if (maxAmount != null) parts.add("finding amount <= " + maxAmount.toPlainString());
        if (remitStatus != null) parts.add("remittance " + remitStatus);
        if (carc != null) parts.add("adjustment reason " + carc);
        return parts.isEmpty() ? "all findings" : String.join(", ", parts);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw new IllegalArgumentException("filter." + field + ": must be a string");
        String s = v.asText().trim();
        return s.isEmpty() ? null : s;
    }

    private static LocalDate date(JsonNode n, String field) {
        String s = text(n, field);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("filter." + field + ": must be a date YYYY-MM-DD, got '" + s + "'");
        }
    }

    private static BigDecimal amount(JsonNode n, String field) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        try {
            BigDecimal b = v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText().trim());
            if (b.signum() < 0) throw new NumberFormatException();
            return b;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("filter." + field + ": must be an amount of at least 0 such as 100.00, got '" + v.asText() + "'");
        }
    }
}
