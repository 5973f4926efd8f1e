package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.load.LoadResult;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.query.RunsRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.PrintStream;
import java.nio.file.InvalidPathException;
import java.util.List;

/** Loaded audit runs: list, detail with manifest and summary.json, and (admin) loading a run folder. */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {
    private final RunsRepository runs;
    private final RunLoader loader;
    private final SecurityIdentity identity;

    public RunsResource(RunsRepository runs, RunLoader loader, SecurityIdentity identity) {
        this.runs = runs;
        this.loader = loader;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"auditor", "finance", "admin"})
    @Operation(summary = "The loaded audit runs, newest first")
    @APIResponse(responseCode = "200", description = "runs", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = io.oncoaudit.api.openapi.ApiSchemas.Run.class)))
    public List<ObjectNode> list() {
        return runs.list();
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed({"auditor", "finance", "admin"})
    @Operation(summary = "One loaded run (by run id or fingerprint) with its manifest and summary")
    @APIResponse(responseCode = "200", description = "the run", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.Run.class)))
    public ObjectNode run(@PathParam("runId") String runId) {
        return runs.find(runId).orElseThrow(() -> ProblemException.notFound("runId", "no loaded run with runId or fingerprint '" + runId + "'"));
    }

    public record LoadRequest(String dir) { }

    /** Same as {@code bin/oncoaudit load --run DIR}, for a folder on the server: 201 when loaded, 200 when it already was. */
    @POST
    @RolesAllowed({"admin"})
    @Operation(summary = "Load an audit run folder on the server", description = "201 loaded, 200 already loaded, 422 refused (problem+json naming the file).")
    @APIResponse(responseCode = "201", description = "loaded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.LoadResult.class)))
    @APIResponse(responseCode = "200", description = "already loaded", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.LoadResult.class)))
    public Response load(LoadRequest request) {
        if (request == null || request.dir() == null || request.dir().isBlank()) {
            throw ProblemException.badRequest("dir", "give the run folder on the server, e.g. {\"dir\": \"/data/run-2026-03\"}");
        }
        java.nio.file.Path dir;
        try {
            dir = java.nio.file.Path.of(request.dir());
        } catch (InvalidPathException e) {
            throw ProblemException.badRequest("dir", "not a valid path: " + e.getMessage());
        }
        LoadResult r = loader.load(dir, identity.getPrincipal().getName(), new PrintStream(System.err, true));
        return Response.status(r.alreadyLoaded() ? 200 : 201).entity(r).build();
    }
}
