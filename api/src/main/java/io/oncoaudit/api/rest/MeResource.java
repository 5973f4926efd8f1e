package io.oncoaudit.api.rest;

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
    public Map<String, Object> me() {
        return Map.of("username", identity.getPrincipal().getName(), "roles", List.copyOf(new java.util.TreeSet<>(identity.getRoles())));
    }
}
