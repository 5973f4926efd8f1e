package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oncoaudit.api.security.AccessLogEntry;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;

/** The access trail of patient-level reads, newest first (admin only). */
@Path("/api/access-log")
@RolesAllowed({"admin"})
@Produces(MediaType.APPLICATION_JSON)
public class AccessLogResource {

    public record Entry(long id, String at, String username, String action, String claimId, String detail) { }

    @GET
    @Transactional
    @Operation(summary = "Access log: who read which claim, newest first", description = "Filter by claimId or username; limit 1..1000.")
    @APIResponse(responseCode = "200", description = "log rows", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = AccessLogResource.Entry.class)))
    public List<Entry> list(@QueryParam("claimId") String claimId, @QueryParam("username") String username,
                            @QueryParam("limit") String limit) {
        int n = Params.integer("limit", limit, 100, 1, 10_000);
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (Params.text(claimId) != null) {
            where.add("claimId = :claimId");
            params.and("claimId", claimId.trim());
        }
        if (Params.text(username) != null) {
            where.add("username = :username");
            params.and("username", username.trim());
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        var q = query.isEmpty()
                ? AccessLogEntry.<AccessLogEntry>findAll(Sort.descending("id"))
                : AccessLogEntry.<AccessLogEntry>find(query, Sort.descending("id"), params);
        return q.page(Page.ofSize(n)).list().stream()
                .map(e -> new Entry(e.id, e.at.toString(), e.username, e.action, e.claimId, e.detail)).toList();
    }
}
