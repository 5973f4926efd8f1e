package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oncoaudit.api.config.OncoauditConfig;
import io.oncoaudit.api.query.Cursor;
import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.FindingRow;
import io.oncoaudit.api.query.FindingsPage;
import io.oncoaudit.api.query.FindingsRepository;
import io.oncoaudit.api.query.KnownValues;
import io.oncoaudit.api.security.AccessLog;
import io.oncoaudit.api.security.Role;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * GET /api/findings (contract section 8 plus issue 5's filters): one page, newest first by date of
 * service, then claim and finding index; {@code page}/{@code size} or the keyset {@code cursor}.
 * Auditors see patient ids (and each page writes the access log); finance users never do.
 */
@Path("/api/findings")
@RolesAllowed({"auditor", "finance", "admin"})
public class FindingsResource {
    @jakarta.inject.Inject
    io.oncoaudit.api.security.FreeTextGuard freeText;
    private final FindingsRepository findings;
    private final AccessLog accessLog;
    private final SecurityIdentity identity;
    private final OncoauditConfig config;
    private final KnownValues known;

    public FindingsResource(FindingsRepository findings, AccessLog accessLog, SecurityIdentity identity, OncoauditConfig config,
                            KnownValues known) {
        this.known = known;
        this.findings = findings;
        this.accessLog = accessLog;
        this.identity = identity;
        this.config = config;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "One page of findings: newest first (keyset cursor), or sorted by amount, date or payer and grouped by kind or provider (page numbers)")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the page; each finding carries a remittance object (status, paid, allowed,"
            + " adjustments with group and CARC, RARC, claim status, payer claim number) when the payer's 835 covers its claim",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = FindingsPage.class)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "400", description = "an unknown parameter, payer, kind, remittance status or CARC, or a bad value",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Problem.MEDIA_TYPE, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Problem.class)))
    public FindingsPage page(@BeanParam FindingsQuery q, @QueryParam("page") String page, @QueryParam("size") String size,
                             @QueryParam("cursor") String cursor,
                             @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(description = "true: count the matching findings", schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"true", "false"}))
                             @QueryParam("total") String total,
                             @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"date", "amount", "payer"}))
                             @QueryParam("sort") String sort,
                             @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"asc", "desc"}))
                             @QueryParam("order") String order,
                             @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(enumeration = {"kind", "provider"}))
                             @QueryParam("group") String group) {
        FindingFilter filter = q.filter(known);
        int max = config.findings().maxPageSize();
        int s = Params.integer("size", size, config.findings().defaultPageSize(), 1, max);
        int p = Params.integer("page", page, 0, 0, Integer.MAX_VALUE / Math.max(1, s));
        Cursor c = Params.text(cursor) == null ? null : Cursor.decode(cursor.trim());
        FindingsRepository.Order o = order(sort, order, group);
        if (c != null && !o.equals(FindingsRepository.Order.NEWEST_FIRST)) {
            throw ProblemException.badRequest("cursor", "cursor pages the newest-first order only; with sort, order or group use page");
        }
        boolean patientLevel = identity.hasRole(Role.AUDITOR);
        FindingsPage result = findings.page(filter, p, s, c, patientLevel, "true".equalsIgnoreCase(total), o);
        if (patientLevel) {
            Set<String> claims = new LinkedHashSet<>();
            for (FindingRow r : result.items()) claims.add(r.claimId());
            accessLog.claims(identity.getPrincipal().getName(), "findings.page", claims, filter.describe());
        }
        return result;
    }

    /** sort = date (newest first) | amount (largest first) | payer (A to Z); order = asc | desc; group = kind | provider. */
    static FindingsRepository.Order order(String sort, String order, String group) {
        String s = Params.text(sort) == null ? "date" : sort.trim().toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("date", "amount", "payer").contains(s)) {
            throw ProblemException.badRequest("sort", "sort must be date, amount or payer, got '" + sort + "'");
        }
        Boolean asc = null;
        if (Params.text(order) != null) {
            String o = order.trim().toLowerCase(java.util.Locale.ROOT);
            if (!o.equals("asc") && !o.equals("desc")) throw ProblemException.badRequest("order", "order must be asc or desc, got '" + order + "'");
            asc = o.equals("asc");
        }
        String g = Params.text(group) == null ? null : group.trim().toLowerCase(java.util.Locale.ROOT);
        if (g != null && !g.equals("kind") && !g.equals("provider")) {
            throw ProblemException.badRequest("group", "group must be kind or provider, got '" + group + "'");
        }
        FindingsRepository.Order o = new FindingsRepository.Order(s, asc, g);
        // "desc" on the date is the default order itself (keyset pages)
        return s.equals("date") && !Boolean.TRUE.equals(asc) && g == null ? FindingsRepository.Order.NEWEST_FIRST : o;
    }

    /** Auditor workflow states of a finding; DISMISSED needs a reason. */
    static final Set<String> STATUSES = Set.of("OPEN", "ACCEPTED", "DISMISSED");

    public record StatusChange(String runId, String claimId, Integer findingIndex, String status, String reason) { }

    /** PUT /api/findings/status: records an auditor's decision on one finding (table finding_status). */
    @jakarta.ws.rs.PUT
    @Path("/status")
    @RolesAllowed({"auditor"})
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an auditor's decision on one finding (OPEN, ACCEPTED or DISMISSED)")
    @APIResponse(responseCode = "200", description = "the finding's status", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.StatusChanged.class)))
    public java.util.Map<String, Object> status(StatusChange change) {
        if (change == null) throw ProblemException.badRequest("body", "send {\"runId\", \"claimId\", \"findingIndex\", \"status\", \"reason\"}");
        if (Params.text(change.runId()) == null) throw ProblemException.badRequest("runId", "runId is required");
        if (Params.text(change.claimId()) == null) throw ProblemException.badRequest("claimId", "claimId is required");
        if (change.findingIndex() == null) throw ProblemException.badRequest("findingIndex", "findingIndex is required");
        String status = Params.text(change.status()) == null ? null : change.status().trim().toUpperCase(java.util.Locale.ROOT);
        if (status == null || !STATUSES.contains(status)) {
            throw ProblemException.badRequest("status", "status must be OPEN, ACCEPTED or DISMISSED");
        }
        String reason = Params.text(change.reason());
        if (status.equals("DISMISSED") && reason == null) {
            throw ProblemException.badRequest("reason", "give a reason to dismiss a finding");
        }
        if (reason != null && reason.length() > 2000) throw ProblemException.badRequest("reason", "reason must be at most 2000 characters");
        freeText.check("reason", reason); // issue 17: no patient identifiers in text finance reads
        String user = identity.getPrincipal().getName();
        var stored = findings.setStatus(change.runId().trim(), change.claimId().trim(), change.findingIndex(), status, reason, user)
                .orElseThrow(() -> ProblemException.notFound("findingIndex", "no finding " + change.findingIndex()
                        + " of claim '" + change.claimId() + "' in run '" + change.runId() + "'"));
        accessLog.claims(user, "finding.status", java.util.List.of(change.claimId().trim()), status);
        return stored;
    }

    /** Streams every matching finding as CSV; cells that a spreadsheet would run as a formula are neutralised. */
    @GET
    @Path("/export.csv")
    @Produces("text/csv")
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The matching findings as RFC 4180 CSV (bom=true: with a UTF-8 byte order mark for Excel)")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV, one row per finding: the findings columns, the pricing columns, the remit_* columns last", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response export(@BeanParam FindingsQuery q,
                           @Parameter(description = "true: start with a UTF-8 byte order mark (Excel)", schema = @Schema(enumeration = {"true", "false"})) @QueryParam("bom") String bom) {
        FindingFilter filter = q.filter(known);
        boolean withBom = Params.bool("bom", bom);
        boolean patientLevel = identity.hasRole(Role.AUDITOR);
        String user = identity.getPrincipal().getName();
        if (patientLevel) accessLog.event(user, "findings.export", filter.describe());
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            if (withBom) w.write('\uFEFF'); // Excel reads the file as UTF-8 only after a byte order mark
            Csv.header(w, patientLevel);
            findings.stream(filter, patientLevel, row -> Csv.row(w, row, patientLevel));
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"findings.csv\"").build();
    }

    /**
     * GET /api/findings/export.xlsx (contract section 12): the rows of export.csv as an Excel workbook. Sheet
     * "Findings": one header row, then one row per finding (money numeric in a currency format, dates as
     * dates, frozen header, autofilter); sheet "Totals": findings and money per direction, and the filter.
     * More findings than a sheet holds is a 400 (narrow the filter or use export.csv), never a cut list.
     */
    @GET
    @Path("/export.xlsx")
    @Produces(Xlsx.MEDIA_TYPE)
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The matching findings as an Excel workbook: one header row, one typed row per finding; totals per direction on their own sheet")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "the workbook, the remit_* columns last",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = Xlsx.MEDIA_TYPE, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")))
    public Response exportXlsx(@BeanParam FindingsQuery q) {
        FindingFilter filter = q.filter(known);
        long n = findings.count(filter);
        if (n > Xlsx.MAX_DATA_ROWS) {
            throw ProblemException.badRequest("to", n + " findings match, more than an Excel sheet holds (" + Xlsx.MAX_DATA_ROWS
                    + "); narrow the filter (dates, payer, provider) or use export.csv");
        }
        boolean patientLevel = identity.hasRole(Role.AUDITOR);
        String user = identity.getPrincipal().getName();
        if (patientLevel) accessLog.event(user, "findings.export.xlsx", filter.describe());
        StreamingOutput body = out -> {
            org.dhatim.fastexcel.Workbook wb = Xlsx.workbook(out);
            java.util.List<Xlsx.Column> cols = new java.util.ArrayList<>(java.util.List.of(
                    Xlsx.Column.text("run_id"), Xlsx.Column.text("claim_id", 18), Xlsx.Column.count("finding_index"),
                    Xlsx.Column.count("line_number")));
            if (patientLevel) cols.add(Xlsx.Column.text("patient_id"));
            cols.addAll(java.util.List.of(Xlsx.Column.date("date_of_service"), Xlsx.Column.text("payer_id"),
                    Xlsx.Column.text("payer_name"), Xlsx.Column.text("billing_npi", 12), Xlsx.Column.text("rendering_npi", 12),
                    Xlsx.Column.text("provider_name", 24), Xlsx.Column.text("place_of_service", 8), Xlsx.Column.text("kind", 26),
                    Xlsx.Column.text("rule_id"), Xlsx.Column.text("billed_code", 10), Xlsx.Column.text("expected_code", 10),
                    Xlsx.Column.count("billed_units"), Xlsx.Column.count("expected_units"), Xlsx.Column.text("direction", 14),
                    Xlsx.Column.money("amount"), Xlsx.Column.text("explanation", 60), Xlsx.Column.text("citations", 30),
                    Xlsx.Column.text("appeal_text", 60), Xlsx.Column.text("status", 10)));
            cols.addAll(PricingColumns.xlsxColumns());
            cols.addAll(java.util.List.of(Xlsx.Column.text("remit_status", 12), Xlsx.Column.money("remit_paid"),
                    Xlsx.Column.money("remit_allowed"), Xlsx.Column.text("remit_carc", 14), Xlsx.Column.text("remit_rarc", 14),
                    Xlsx.Column.text("remit_claim_status", 18), Xlsx.Column.text("remit_payer_claim_number", 18)));
            Xlsx.Table sheet = Xlsx.table(wb, "Findings", cols);
            java.util.Map<String, BigDecimal[]> totals = new java.util.LinkedHashMap<>();
            for (String d : FindingFilter.DIRECTIONS) totals.put(d, new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
            findings.stream(filter, patientLevel, r -> {
                java.util.List<Object> v = new java.util.ArrayList<>(java.util.Arrays.asList(r.runId(), r.claimId(), r.findingIndex(), r.lineNumber()));
                if (patientLevel) v.add(r.patientId());
                v.addAll(java.util.Arrays.asList(r.dateOfService(), r.payerId(), r.payerName(), r.billingNpi(), r.renderingNpi(),
                        r.providerName(), r.placeOfService(), r.kind(), r.ruleId(), r.billedCode(), r.expectedCode(), r.billedUnits(),
                        r.expectedUnits(), r.direction(), r.amount(), r.explanation(),
                        r.citations() == null ? null : r.citations().toString(), r.appealText(), r.status()));
                v.addAll(PricingColumns.xlsxValues(r));
                v.addAll(java.util.Arrays.asList(Csv.remitCells(r)));
                sheet.row(v.toArray());
                BigDecimal[] t = totals.get(r.direction());
                if (t != null && r.amount() != null) {
                    t[0] = t[0].add(BigDecimal.ONE);
                    t[1] = t[1].add(r.amount());
                }
            });
            sheet.finish();
            Xlsx.Table sums = Xlsx.table(wb, "Totals", java.util.List.of(Xlsx.Column.text("direction", 16),
                    Xlsx.Column.count("findings"), Xlsx.Column.money("amount")));
            for (var e : totals.entrySet()) sums.row(e.getKey(), e.getValue()[0].longValue(), e.getValue()[1]);
            sums.finish();
            Xlsx.Table about = Xlsx.table(wb, "Filter", java.util.List.of(Xlsx.Column.text("filter", 16), Xlsx.Column.text("value", 40)));
            about.row("filter", filter.describe().isEmpty() ? "all findings" : filter.describe());
            about.row("findings", String.valueOf(sheet.rows()));
            about.finish();
            wb.finish();
        };
        return Response.ok(body, Xlsx.MEDIA_TYPE)
                .header("Content-Disposition", "attachment; filename=\"findings.xlsx\"").build();
    }
}
