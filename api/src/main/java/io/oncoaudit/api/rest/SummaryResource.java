package io.oncoaudit.api.rest;

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
 * {@code from}/{@code to} dates of service). Without {@code by}: the totals and all three lists.
 */
@Path("/api/summary")
@RolesAllowed({"auditor", "finance", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
    private final SummaryRepository summaries;

    public SummaryResource(SummaryRepository summaries) {
        this.summaries = summaries;
    }

    @GET
    public Object summary(@QueryParam("by") String by, @QueryParam("runId") String runId,
                          @QueryParam("from") String from, @QueryParam("to") String to) {
        LocalDate f = Params.date("from", from);
        LocalDate t = Params.date("to", to);
        Params.range("from", f, "to", t);
        String run = Params.text(runId);
        if (Params.text(by) != null) {
            return summaries.summary(parseBy(by), run, f, t);
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
        all.put("byPayer", byPayer);
        all.put("byProvider", summaries.summary(By.PROVIDER, run, f, t));
        all.put("byKind", summaries.summary(By.KIND, run, f, t));
        return all;
    }

    private static By parseBy(String by) {
        return switch (by.trim().toLowerCase(Locale.ROOT)) {
            case "payer" -> By.PAYER;
            case "provider" -> By.PROVIDER;
            case "kind" -> By.KIND;
            default -> throw ProblemException.badRequest("by", "by must be payer, provider or kind, got '" + by + "'");
        };
    }
}
