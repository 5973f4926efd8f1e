package io.oncoaudit.api.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oncoaudit.api.security.AppUser;
import io.oncoaudit.api.security.Role;
import io.oncoaudit.api.security.UserService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** User administration (admin only). Passwords go in, never out. */
@Path("/api/users")
@RolesAllowed({"admin"})
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {
    private final UserService users;

    public UsersResource(UserService users) {
        this.users = users;
    }

    public record UserView(String username, List<String> roles, String createdAt) {
        static UserView of(AppUser u) {
            return new UserView(u.username, List.copyOf(Role.parse(u.roles)), u.createdAt.toString());
        }
    }

    public record NewUser(String username, List<String> roles, String role, String password) {
        Set<String> roleSet() {
            Set<String> out = new LinkedHashSet<>();
            if (roles != null) roles.forEach(r -> out.addAll(Role.parse(r)));
            if (role != null) out.addAll(Role.parse(role));
            return out;
        }
    }

    public record NewPassword(String password) { }

    @GET
    @Operation(summary = "The users and their roles")
    @APIResponse(responseCode = "200", description = "users", content = @Content(mediaType = "application/json", schema = @Schema(type = SchemaType.ARRAY, implementation = UsersResource.UserView.class)))
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @POST
    @Operation(summary = "Add a user (password given or generated and answered once)")
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json", schema = @Schema(implementation = UsersResource.UserView.class)))
    public Response add(NewUser u) {
        if (u == null) throw ProblemException.badRequest("body", "send {\"username\", \"roles\": [...], \"password\"}");
        AppUser created = users.add(u.username(), u.roleSet(), u.password());
        return Response.status(201).entity(UserView.of(created)).build();
    }

    @PUT
    @Path("/{username}/password")
    @Operation(summary = "Set a user's password")
    @APIResponse(responseCode = "204", description = "changed")
    public Response password(@PathParam("username") String username, NewPassword p) {
        users.setPassword(username, p == null ? null : p.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{username}")
    @Operation(summary = "Remove a user")
    @APIResponse(responseCode = "204", description = "removed")
    public Response remove(@PathParam("username") String username) {
        if (!users.remove(username)) throw ProblemException.notFound("username", "no user '" + username + "'");
        return Response.noContent().build();
    }
}
