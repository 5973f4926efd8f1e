package io.oncoaudit.api.rest;

import io.oncoaudit.api.query.DashboardRepository;
import io.oncoaudit.api.query.SummaryRepository;
import io.oncoaudit.api.query.SummaryRepository.By;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * GET /api/summary?by=payer|provider|kind (contract section 8): the rows of summary.json's byPayer /
 * byProvider / byKind over the loaded findings (all loaded runs, or {@code runId}; optional
 * {@code from}/{@code to} dates of service); provider rows also carry the extract's {@code providerName}.
 * Without {@code by}: the totals, the claims audited and all three lists. The dashboard's extensions:
 * {@code by=month} (month of service), {@code by=code} (billed/expected code pair) and {@code by=drug}
 * (drug-line findings), the last two largest first and cut to {@code limit} rows when given.
 */
@Path("/api/summary")
@RolesAllowed({"auditor", "finance", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
    private static final int MAX_LIMIT = 1000;

    private final SummaryRepository summaries;
    private final DashboardRepository dashboard;

    public SummaryResource(SummaryRepository summaries, DashboardRepository dashboard) {
        this.summaries = summaries;
        this.dashboard = dashboard;
    }

    @GET
    public Object summary(@QueryParam("by") String by, @QueryParam("runId") String runId,
                          @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("limit") String limit) {
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        Params.range("from", f, "to", t);
        String run = Params.text(runId);
        String dimension = Params.text(by) == null ? null : by.trim().toLowerCase(Locale.ROOT);
        Integer top = null;
        if (Params.text(limit) != null) {
            if (!"code".equals(dimension) && !"drug".equals(dimension)) {
                throw ProblemException.badRequest("limit", "limit applies to by=code and by=drug only");
            }
            top = Params.integer("limit", limit, MAX_LIMIT, 1, MAX_LIMIT);
        }
        if (dimension != null) {
            return switch (dimension) {
                case "month" -> dashboard.byMonth(run, f, t);
                case "code" -> dashboard.byCode(run, f, t, top);
                case "drug" -> dashboard.byDrug(run, f, t, top);
                case "provider" -> withNames(summaries.summary(By.PROVIDER, run, f, t), run);
                default -> summaries.summary(parseBy(by), run, f, t);
            };
        }
        List<Map<String, Object>> byPayer = summaries.summary(By.PAYER, run, f, t);
        Map<String, Object> all = new LinkedHashMap<>();
        long findings = 0;
        BigDecimal under = BigDecimal.ZERO, over = BigDecimal.ZERO, denial = BigDecimal.ZERO;
        for (Map<String, Object> row : byPayer) {
            findings += (Long) row.get("findings");
            under = under.add((BigDecimal) row.get("underpayment"));
            over = over.add((BigDecimal) row.get("overpayment"));
            denial = denial.add((BigDecimal) row.get("denial"));
        }
        all.put("findings", findings);
        all.put("underpayment", under);
        all.put("overpayment", over);
        all.put("denial", denial);
        all.put("claims", dashboard.claims(run, f, t));
        all.put("byPayer", byPayer);
        all.put("byProvider", withNames(summaries.summary(By.PROVIDER, run, f, t), run));
        all.put("byKind", summaries.summary(By.KIND, run, f, t));
        return all;
    }

    /** Provider rows with the extract's provider name after the NPI (null when the extract had none). */
    private List<Map<String, Object>> withNames(List<Map<String, Object>> rows, String run) {
        Map<String, String> names = dashboard.providerNames(run);
        List<Map<String, Object>> out = new java.util.ArrayList<>(rows.size());
        for (Map<String, Object> row : rows) {
            Map<String, Object> named = new LinkedHashMap<>();
            row.forEach((k, v) -> {
                named.put(k, v);
                if (k.equals("billingNpi")) named.put("providerName", names.get((String) v));
            });
            out.add(named);
        }
        return out;
    }

    private static By parseBy(String by) {
        return switch (by.trim().toLowerCase(Locale.ROOT)) {
            case "payer" -> By.PAYER;
            case "provider" -> By.PROVIDER;
            case "kind" -> By.KIND;
            default -> throw ProblemException.badRequest("by", "by must be payer, provider, kind, month, code or drug, got '" + by + "'");
        };
    }
}
