package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/** Who is logged in and with which roles (the dashboard shows or hides patient-level views with it). */
@Path("/api/me")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {
    private final SecurityIdentity identity;

    public MeResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The signed-in user and roles")
    @APIResponse(responseCode = "200", description = "the user", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.Me.class)))
    public Map<String, Object> me() {
        return Map.of("username", identity.getPrincipal().getName(), "roles", List.copyOf(new java.util.TreeSet<>(identity.getRoles())));
    }
}
