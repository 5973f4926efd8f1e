package io.oncoaudit.api.rest;

import io.oncoaudit.api.query.FindingFilter;
import io.oncoaudit.api.query.KnownValues;
import io.oncoaudit.api.query.ReviewRepository;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Review lists (issue 13): the encounters whose drugs the recoder could not classify. No confident finding was made
 * on those administrations (contract section 4), so an auditor reviews them. Claim-level rows without patient data.
 */
@Path("/api/review")
@RolesAllowed({"auditor"})
@Produces(MediaType.APPLICATION_JSON)
public class ReviewResource {
    private final ReviewRepository review;
    private final KnownValues known;

    public ReviewResource(ReviewRepository review, KnownValues known) {
        this.review = review;
        this.known = known;
    }

    /**
     * The section 8 filters that apply to an encounter (a finding's kind, direction and amount do not: an unclassified
     * drug yields no finding), parsed into the one findings filter type.
     */
    public static class EncounterQuery {
        @QueryParam("runId") String runId;
        @QueryParam("payerId") String payerId;
        @QueryParam("billingNpi") String billingNpi;
        @QueryParam("from") String from;
        @QueryParam("to") String to;
        @QueryParam("claimId") String claimId;

        FindingFilter filter(KnownValues known) {
            LocalDate f = Params.date("from", from);
            LocalDate t = Params.date("to", to);
            Params.range("from", f, "to", t);
            FindingFilter filter = new FindingFilter(Params.text(runId), Params.text(payerId), Params.text(billingNpi), null, null,
                    f, t, null, null, Params.text(claimId));
            FindingsQuery.check("payerId", filter.payerId(), known.payersFor(filter.payerId()), "payer");
            return filter;
        }
    }

    @GET
    @Path("/unclassified-drugs")
    @Operation(summary = "Encounters with drugs the recoder could not classify (no confident finding was made on them), newest first",
            description = "Filters: runId, payerId, billingNpi, from, to (dates of service), claimId; page (from 0) and size (1..500, default 50).")
    @APIResponse(responseCode = "200", description = "one page of encounters, each with its unclassified drugs (code, NDC if billed, reason)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReviewRepository.Page.class)))
    @APIResponse(responseCode = "400", description = "an unknown parameter or payer, or a bad value (problem+json naming it)",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
    public ReviewRepository.Page unclassifiedDrugs(@BeanParam EncounterQuery q, @QueryParam("page") String page,
                                                   @QueryParam("size") String size) {
        return review.unclassifiedDrugs(q.filter(known), Params.integer("page", page, 0, 0, 1_000_000),
                Params.integer("size", size, 50, 1, 500));
    }
}
