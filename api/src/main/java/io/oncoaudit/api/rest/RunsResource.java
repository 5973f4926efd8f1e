package io.oncoaudit.api.rest;

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
    @org.eclipse.microprofile.openapi.annotations.Operation(summary = "The loaded runs, newest first, each with its counts and the table versions its prices come from")
    @org.eclipse.microprofile.openapi.annotations.responses.APIResponse(responseCode = "200", description = "runId, fingerprint, sourceDir, loadedAt, loadedBy, findings, encounters, loadMillis, tableVersions (the manifest's: table version -> source; {} for a run written before them), tablesAsOf",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = MediaType.APPLICATION_JSON, schema = @org.eclipse.microprofile.openapi.annotations.media.Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.ARRAY)))
    public List<ObjectNode> list() {
        return runs.list();
    }

    @GET
    @Path("/{runId}")
    @RolesAllowed({"auditor", "finance", "admin"})
    public ObjectNode run(@PathParam("runId") String runId) {
        return runs.find(runId).orElseThrow(() -> ProblemException.notFound("runId", "no loaded run with runId or fingerprint '" + runId + "'"));
    }

    public record LoadRequest(String dir) { }

    /** Same as {@code bin/oncoaudit load --run DIR}, for a folder on the server: 201 when loaded, 200 when it already was. */
    @POST
    @RolesAllowed({"admin"})
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
