package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.query.EncounterRepository;
import io.oncoaudit.api.security.AccessLog;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * GET /api/encounters/{claimId}[?runId=]: the evidence for one claim. Patient-level, so auditors only
 * (finance gets 403), and every read writes an access-log row.
 */
@Path("/api/encounters")
@RolesAllowed({"auditor"})
@Produces(MediaType.APPLICATION_JSON)
public class EncountersResource {
    private final EncounterRepository encounters;
    private final AccessLog accessLog;
    private final SecurityIdentity identity;

    public EncountersResource(EncounterRepository encounters, AccessLog accessLog, SecurityIdentity identity) {
        this.encounters = encounters;
        this.accessLog = accessLog;
        this.identity = identity;
    }

    @GET
    @Path("/{claimId}")
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "One claim's evidence: billed and expected lines, the payer's remittance lines, administrations and findings")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200",
            description = "the encounter; remittance = {claimStatus, payerClaimNumber, payerName, lines (matched to billed line numbers),"
                    + " unmatchedLines} or null when no remittance is loaded for the claim",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT)))
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "404", description = "no loaded encounter with that claim id",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = "application/problem+json",
                    schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(implementation = Problem.class)))
    public ObjectNode encounter(@PathParam("claimId") String claimId, @QueryParam("runId") String runId) {
        ObjectNode e = encounters.find(claimId, Params.text(runId)).orElseThrow(() -> ProblemException.notFound("claimId",
                "no loaded encounter with claimId '" + claimId + "'" + (runId == null ? "" : " in run '" + runId + "'")));
        accessLog.claims(identity.getPrincipal().getName(), "encounter.read", List.of(claimId), "runId=" + e.path("runId").asText());
        return e;
    }
}
