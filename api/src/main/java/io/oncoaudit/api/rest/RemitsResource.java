package io.oncoaudit.api.rest;

import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.KnownValues;
import io.oncoaudit.api.query.SummaryRepository;
import io.oncoaudit.api.remits.RemitsRepository;
import io.oncoaudit.api.remits.RemitsSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * GET /api/summary/remits (issue 15): denials and underpayment on the payers' remittances (audit --remits), by
 * revenue-cycle category, CARC and payer, over the remittance lines matching every findings filter; beside it,
 * and never added to it, the rules' predicted denial exposure over the findings matching the same filters.
 */
@Path("/api/summary/remits")
@RolesAllowed({"auditor", "finance", "admin"})
@Produces(MediaType.APPLICATION_JSON)
public class RemitsResource {
    private final RemitsRepository remits;
    private final SummaryRepository summaries;
    private final KnownValues known;

    public RemitsResource(RemitsRepository remits, SummaryRepository summaries, KnownValues known) {
        this.remits = remits;
        this.summaries = summaries;
        this.known = known;
    }

    @GET
    @Operation(summary = "Denials and underpayment on remittance (X12 835) by revenue-cycle category, CARC and payer, beside the predicted denial exposure",
            description = "Every findings filter applies (runId, payerId, billingNpi, kind, direction, from, to, minAmount, maxAmount, claimId,"
                    + " remitStatus, carc). deniedOnRemittance is what payers denied; predictedDenialExposure is what the rules predict; they are never added.")
    @APIResponse(responseCode = "200", description = "the remittance figures",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RemitsSummary.class)))
    @APIResponse(responseCode = "400", description = "an unknown parameter, payer, kind, remittance status or CARC, or a bad value (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public RemitsSummary remits(@BeanParam FindingsQuery q) {
        FindingFilter filter = q.filter(known);
        return remits.summary(filter, predictedDenialExposure(summaries, filter));
    }

    /** The rules' predicted denial exposure: the findings of direction DENIAL matching the filter. */
    static BigDecimal predictedDenialExposure(SummaryRepository summaries, FindingFilter filter) {
        BigDecimal sum = BigDecimal.ZERO.setScale(2);
        for (Map<String, Object> row : summaries.summary(SummaryRepository.By.PAYER, filter)) sum = sum.add((BigDecimal) row.get("denial"));
        return sum;
    }
}
