package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.recode.RecodeService;
import io.oncoaudit.core.json.CodecJson;
import io.oncoaudit.core.json.JsonSyntaxException;
import io.oncoaudit.core.model.RecodeResult;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;

/**
 * POST /api/recode (contract section 8): one encounter (section 5) in, one result (section 6) out; an
 * array in, an array out, in input order. Parsing and output go through coding-core's CodecJson, so
 * the results are byte-identical with {@code bin/oncoaudit recode}.
 *
 * <p>Invalid input: a single invalid encounter answers 400 application/problem+json that also carries
 * the contract's error shape ({@code claimId}, {@code error.field}, {@code error.message}). An array
 * with any invalid encounter answers 400 with the full results array, exactly what the CLI prints when
 * it exits 3 (the valid encounters' results are still there, the rejected ones hold {@code error});
 * HTTP 200 corresponds to the CLI's exit 0. Text that is not JSON answers 400 problem+json.
 */
@Path("/api/recode")
@RolesAllowed({"auditor", "finance", "admin"})
public class RecodeResource {
    private final RecodeService recoder;
    private final ObjectMapper json;

    public RecodeResource(RecodeService recoder, ObjectMapper json) {
        this.recoder = recoder;
        this.json = json;
    }

    @POST
    @Operation(summary = "Recode one encounter (or an array): expected lines, findings and warnings, as bin/oncoaudit recode", description = "Contract section 5 in, one result per encounter out; 400 problem+json for an invalid one.")
    @APIResponse(responseCode = "200", description = "the result (an array for an array)", content = @Content(mediaType = "application/json", schema = @Schema(oneOf = {io.oncoaudit.api.openapi.ApiSchemas.RecodeResult.class, io.oncoaudit.api.openapi.ApiSchemas.RecodeResult[].class})))
    @APIResponse(responseCode = "400", description = "an invalid encounter or body (problem+json naming the field)")
    public Response recode(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("body", "send one encounter JSON object or an array of them (contract section 5)");
        }
        List<CodecJson.ParsedEncounter> parsed;
        try {
            parsed = CodecJson.parseEncounters(body);
        } catch (JsonSyntaxException e) {
            throw ProblemException.badRequest("body", "the body is not valid JSON: " + e.getMessage());
        }
        boolean array = body.stripLeading().startsWith("[");
        List<RecodeResult> results = new ArrayList<>(parsed.size());
        for (CodecJson.ParsedEncounter p : parsed) {
            results.add(p.ok() ? recoder.recode(p.encounter()) : RecodeResult.rejected(p.claimId(), p.error()));
        }
        boolean anyError = results.stream().anyMatch(RecodeResult::isError);
        if (array) {
            return Response.status(anyError ? 400 : 200).type(MediaType.APPLICATION_JSON)
                    .entity(CodecJson.toJson(results)).build();
        }
        if (results.size() != 1) {
            throw ProblemException.badRequest("body", "send one encounter JSON object or an array of them (contract section 5)");
        }
        RecodeResult r = results.get(0);
        if (!r.isError()) {
            return Response.ok(CodecJson.toJson(r), MediaType.APPLICATION_JSON).build();
        }
        ObjectNode problem = json.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", "Invalid encounter");
        problem.put("status", 400);
        problem.put("detail", r.error().message());
        problem.put("field", r.error().field());
        problem.put("claimId", r.claimId());
        ObjectNode error = problem.putObject("error");
        error.put("field", r.error().field());
        error.put("message", r.error().message());
        return Response.status(400).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
