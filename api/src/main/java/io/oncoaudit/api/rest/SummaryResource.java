package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oncoaudit.api.appeals.deadline.RecoverableAmount;
import io.oncoaudit.api.query.DashboardRepository;
import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.KnownValues;
import io.oncoaudit.api.query.SummaryRepository;
import io.oncoaudit.api.query.SummaryRepository.By;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
 * byProvider / byKind over the loaded findings that match every findings filter (runId, payerId,
 * billingNpi, kind, direction, from, to, minAmount, maxAmount, claimId: the same as GET /api/findings).
 * Every row gives underpayment, overpayment and denial on their own; a kind row's {@code amount} is
 * summary.json's (the money its findings move in either direction), never a sum to recover.
 * Provider rows also carry the extract's {@code providerName}.
 * Without {@code by}: the totals, the claims audited, all three lists and the deadline-adjusted
 * {@code recoverable} amount (as of {@code asOf}, default today). The dashboard's extensions:
 * {@code by=month} (month of service), {@code by=code} (billed/expected code pair), {@code by=drug}
 * (drug-line findings; these two largest first and cut to {@code limit} rows when given),
 * {@code by=payer-provider} (the payer x provider view) and {@code by=claim} (one row per claim, the
 * drill-down's claims level: {@code sort=amount|date|payer}, {@code page}, {@code size}).
 */
@Path("/api/summary")
@RolesAllowed({"auditor", "finance", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class SummaryResource {
    private static final int MAX_LIMIT = 1000;
    static final List<String> DIMENSIONS = List.of("payer", "provider", "kind", "month", "code", "drug", "payer-provider", "claim");

    private final SummaryRepository summaries;
    private final DashboardRepository dashboard;
    private final KnownValues known;
    private final RecoverableAmount recoverable;
    @jakarta.inject.Inject
    io.oncoaudit.api.remits.RemitsRepository remits;

    public SummaryResource(SummaryRepository summaries, DashboardRepository dashboard, KnownValues known,
                           RecoverableAmount recoverable) {
        this.summaries = summaries;
        this.dashboard = dashboard;
        this.known = known;
        this.recoverable = recoverable;
    }

    @GET
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "Findings and money by payer, provider, kind, month, code, drug, payer x provider or claim; without by: the overview",
            description = "Every findings filter applies. Each row gives underpayment, overpayment and denial apart; a kind row's amount is the money moved in either direction.")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the rows, or the overview object"
            + " (with predictedDenialExposure, the rules' prediction, and remittance.deniedOnRemittance, the payers' denials: separate figures)",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", description = "an unknown parameter, payer or kind, or a bad value (problem+json naming it)")
    public Object summary(@org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "the grouping",
                                  schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"payer", "provider", "kind", "month", "code", "drug", "payer-provider", "claim"}),
                                  example = "kind")
                          @QueryParam("by") String by, @BeanParam FindingsQuery q, @QueryParam("limit") String limit,
                          @Parameter(description = "by=claim: the order", schema = @Schema(enumeration = {"amount", "date", "payer"})) @QueryParam("sort") String sort,
                          @QueryParam("page") String page, @QueryParam("size") String size,
                          @Parameter(description = "the overview's day for the recoverable amount (default today)", example = "2026-12-01") @QueryParam("asOf") String asOf) {
        FindingFilter filter = q.filter(known);
        String dimension = dimension(by);
        Integer top = null;
        if (Params.text(limit) != null) {
            if (!"code".equals(dimension) && !"drug".equals(dimension)) {
                throw ProblemException.badRequest("limit", "limit applies to by=code and by=drug only");
            }
            top = Params.integer("limit", limit, MAX_LIMIT, 1, MAX_LIMIT);
        }
        if (!"claim".equals(dimension)) {
            for (String[] p : new String[][] {{"sort", sort}, {"page", page}, {"size", size}}) {
                if (Params.text(p[1]) != null) throw ProblemException.badRequest(p[0], p[0] + " applies to by=claim only");
            }
        }
        if (dimension != null && Params.text(asOf) != null) throw ProblemException.badRequest("asOf", "asOf applies to the totals (no by) only");
        if (dimension != null) {
            return switch (dimension) {
                case "month" -> dashboard.byMonth(filter);
                case "code" -> dashboard.byCode(filter, top);
                case "drug" -> dashboard.byDrug(filter, top);
                case "provider" -> withNames(summaries.summary(By.PROVIDER, filter), filter.runId());
                case "payer-provider" -> withNames(summaries.summary(By.PAYER_PROVIDER, filter), filter.runId());
                case "claim" -> summaries.claims(filter, sortOf(sort),
                        Params.integer("page", page, 0, 0, 1_000_000), Params.integer("size", size, 50, 1, 500));
                case "kind" -> summaries.summary(By.KIND, filter);
                default -> summaries.summary(By.PAYER, filter);
            };
        }
        LocalDate day = Params.date("asOf", asOf);
        return totals(filter, day == null ? LocalDate.now() : day);
    }

    /**
     * GET /api/summary/export.xlsx (contract section 12): one sheet per grouping (By payer, By provider,
     * By kind, By month) over the findings matching the filters, the same rows as /api/summary?by=...;
     * money numeric in a currency format, each direction in its own column, frozen header, autofilter.
     */
    @GET
    @Path("/export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The summaries as an Excel workbook: one sheet per grouping (payer, provider, kind, month)")
    @APIResponse(responseCode = "200", description = "the workbook", content = @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public jakarta.ws.rs.core.Response exportXlsx(@BeanParam FindingsQuery q) {
        FindingFilter filter = q.filter(known);
        List<Map<String, Object>> payers = summaries.summary(By.PAYER, filter);
        List<Map<String, Object>> providers = withNames(summaries.summary(By.PROVIDER, filter), filter.runId());
        List<Map<String, Object>> kinds = summaries.summary(By.KIND, filter);
        List<Map<String, Object>> months = dashboard.byMonth(filter);
        jakarta.ws.rs.core.StreamingOutput body = out -> {
            org.dhatim.fastexcel.Workbook wb = Xlsx.workbook(out);
            sheet(wb, "By payer", List.of(Xlsx.Column.text("payer_id")), payers, r -> new Object[] {r.get("payerId")});
            sheet(wb, "By provider", List.of(Xlsx.Column.text("billing_npi", 12), Xlsx.Column.text("provider_name", 28)), providers,
                    r -> new Object[] {r.get("billingNpi"), r.get("providerName")});
            sheet(wb, "By kind", List.of(Xlsx.Column.text("kind", 30)), kinds, r -> new Object[] {r.get("kind")});
            sheet(wb, "By month", List.of(new Xlsx.Column("month", Xlsx.Type.DATE, 10)), months,
                    r -> new Object[] {LocalDate.parse(r.get("month") + "-01")});
            wb.finish();
        };
        return jakarta.ws.rs.core.Response.ok(body, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"summary.xlsx\"").build();
    }

    private static void sheet(org.dhatim.fastexcel.Workbook wb, String name, List<Xlsx.Column> keys, List<Map<String, Object>> rows,
                              java.util.function.Function<Map<String, Object>, Object[]> key) throws java.io.IOException {
        List<Xlsx.Column> cols = new java.util.ArrayList<>(keys);
        cols.addAll(List.of(Xlsx.Column.count("findings"), Xlsx.Column.money("underpayment"), Xlsx.Column.money("overpayment"),
                Xlsx.Column.money("denial"), Xlsx.Column.count("compliance")));
        Xlsx.Table t = Xlsx.table(wb, name, cols);
        for (Map<String, Object> r : rows) {
            Object[] k = key.apply(r);
            Object[] v = java.util.Arrays.copyOf(k, k.length + 5);
            v[k.length] = r.get("findings");
            v[k.length + 1] = r.get("underpayment");
            v[k.length + 2] = r.get("overpayment");
            v[k.length + 3] = r.get("denial");
            v[k.length + 4] = r.get("compliance");
            t.row(v);
        }
        t.finish();
    }

    /** The overview: totals (each direction on its own), claims, the three lists and the recoverable amount. */
    public Map<String, Object> totals(FindingFilter filter, LocalDate asOf) {
        List<Map<String, Object>> byPayer = summaries.summary(By.PAYER, filter);
        Map<String, Object> all = new LinkedHashMap<>();
        long findings = 0, compliance = 0;
        BigDecimal under = BigDecimal.ZERO, over = BigDecimal.ZERO, denial = BigDecimal.ZERO;
        for (Map<String, Object> row : byPayer) {
            findings += (Long) row.get("findings");
            under = under.add((BigDecimal) row.get("underpayment"));
            over = over.add((BigDecimal) row.get("overpayment"));
            denial = denial.add((BigDecimal) row.get("denial"));
            compliance += (Long) row.get("compliance");
        }
        all.put("findings", findings);
        all.put("underpayment", under);
        all.put("overpayment", over);
        all.put("denial", denial);
        // issue 14: findings that move no money (COMPLIANCE, amount 0), a count apart from the money
        all.put("compliance", compliance);
        remittanceFigures(all, filter, denial);
        all.put("claims", dashboard.claims(filter));
        all.put("recoverable", recoverable.compute(filter, asOf));
        all.put("byPayer", byPayer);
        all.put("byProvider", withNames(summaries.summary(By.PROVIDER, filter), filter.runId()));
        all.put("byKind", summaries.summary(By.KIND, filter));
        return all;
    }

    /**
     * Issue 15: the rules' predicted denial exposure (= denial) and the payers' denials on remittance side by side,
     * under names that say which is which; never added together.
     */
    private void remittanceFigures(Map<String, Object> all, FindingFilter filter, BigDecimal predictedDenial) {
        all.put("predictedDenialExposure", predictedDenial);
        io.oncoaudit.api.remits.RemitsRepository.Totals t = remits.totals(filter);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("remittanceLines", t.remittanceLines());
        r.put("deniedOnRemittance", new io.oncoaudit.api.remits.RemitsSummary.Figure(t.deniedLines(), t.deniedAmount()));
        r.put("paidBelowExpected", new io.oncoaudit.api.remits.RemitsSummary.Figure(t.paidBelowExpectedLines(), t.paidBelowExpectedAmount()));
        all.put("remittance", r);
    }

    /** Provider rows with the extract's provider name after the NPI (null when the extract had none). */
    List<Map<String, Object>> withNames(List<Map<String, Object>> rows, String run) {
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

    static String dimension(String by) {
        if (Params.text(by) == null) return null;
        String d = by.trim().toLowerCase(Locale.ROOT);
        if (!DIMENSIONS.contains(d)) {
            throw ProblemException.badRequest("by", "by must be " + String.join(", ", DIMENSIONS.subList(0, DIMENSIONS.size() - 1))
                    + " or " + DIMENSIONS.get(DIMENSIONS.size() - 1) + ", got '" + by + "'");
        }
        return d;
    }

    static String sortOf(String sort) {
        String s = Params.text(sort);
        if (s == null) return "amount";
        s = s.toLowerCase(Locale.ROOT);
        if (!List.of("amount", "date", "payer").contains(s)) {
            throw ProblemException.badRequest("sort", "sort must be amount, date or payer, got '" + sort + "'");
        }
        return s;
    }
}
