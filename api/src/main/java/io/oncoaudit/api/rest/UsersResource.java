package io.oncoaudit.api.rest;

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
    public List<UserView> list() {
        return users.list().stream().map(UserView::of).toList();
    }

    @POST
    public Response add(NewUser u) {
        if (u == null) throw ProblemException.badRequest("body", "send {\"username\", \"roles\": [...], \"password\"}");
        AppUser created = users.add(u.username(), u.roleSet(), u.password());
        return Response.status(201).entity(UserView.of(created)).build();
    }

    @PUT
    @Path("/{username}/password")
    public Response password(@PathParam("username") String username, NewPassword p) {
        users.setPassword(username, p == null ? null : p.password());
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{username}")
    public Response remove(@PathParam("username") String username) {
        if (!users.remove(username)) throw ProblemException.notFound("username", "no user '" + username + "'");
        return Response.noContent().build();
    }
}
