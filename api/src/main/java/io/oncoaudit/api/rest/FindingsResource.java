package io.oncoaudit.api.rest;

import io.oncoaudit.api.config.OncoauditConfig;
import io.oncoaudit.api.query.Cursor;
import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.FindingRow;
import io.oncoaudit.api.query.FindingsPage;
import io.oncoaudit.api.query.FindingsRepository;
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

    public FindingsResource(FindingsRepository findings, AccessLog accessLog, SecurityIdentity identity, OncoauditConfig config) {
        this.findings = findings;
        this.accessLog = accessLog;
        this.identity = identity;
        this.config = config;
    }

    public static class Query {
        @QueryParam("runId") String runId;
        @QueryParam("payerId") String payerId;
        @QueryParam("billingNpi") String billingNpi;
        @QueryParam("kind") String kind;
        @QueryParam("direction") String direction;
        @QueryParam("from") String from;
        @QueryParam("to") String to;
        @QueryParam("minAmount") String minAmount;
        @QueryParam("maxAmount") String maxAmount;
        @QueryParam("claimId") String claimId;

        FindingFilter filter() {
            LocalDate f = Params.date("from", from);
            LocalDate t = Params.date("to", to);
            Params.range("from", f, "to", t);
            BigDecimal min = Params.amount("minAmount", minAmount);
            BigDecimal max = Params.amount("maxAmount", maxAmount);
            Params.range("minAmount", min, "maxAmount", max);
            return new FindingFilter(Params.text(runId), Params.text(payerId), Params.text(billingNpi), Params.kind(kind),
                    Params.direction(direction), f, t, min, max, Params.text(claimId));
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public FindingsPage page(@BeanParam Query q, @QueryParam("page") String page, @QueryParam("size") String size,
                             @QueryParam("cursor") String cursor, @QueryParam("total") String total) {
        FindingFilter filter = q.filter();
        int max = config.findings().maxPageSize();
        int s = Params.integer("size", size, config.findings().defaultPageSize(), 1, max);
        int p = Params.integer("page", page, 0, 0, Integer.MAX_VALUE / Math.max(1, s));
        Cursor c = Params.text(cursor) == null ? null : Cursor.decode(cursor.trim());
        boolean patientLevel = identity.hasRole(Role.AUDITOR);
        FindingsPage result = findings.page(filter, p, s, c, patientLevel, "true".equalsIgnoreCase(total));
        if (patientLevel) {
            Set<String> claims = new LinkedHashSet<>();
            for (FindingRow r : result.items()) claims.add(r.claimId());
            accessLog.claims(identity.getPrincipal().getName(), "findings.page", claims, filter.describe());
        }
        return result;
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
    public Response export(@BeanParam Query q) {
        FindingFilter filter = q.filter();
        boolean patientLevel = identity.hasRole(Role.AUDITOR);
        String user = identity.getPrincipal().getName();
        if (patientLevel) accessLog.event(user, "findings.export", filter.describe());
        StreamingOutput body = out -> {
            Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            Csv.header(w, patientLevel);
            findings.stream(filter, patientLevel, row -> Csv.row(w, row, patientLevel));
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"findings.csv\"").build();
    }
}
