package io.oncoaudit.api.security;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.oncoaudit.api.config.OncoauditConfig;
import io.oncoaudit.api.rest.Problem;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The dashboard's sign-in (issue 17): {@code POST /api/session} with {@code {"username", "password"}}
 * checks the password like HTTP Basic does (same throttling, same access log) and opens a server-side
 * session: the answer sets the HttpOnly, SameSite=Strict session cookie (Secure over HTTPS) and returns
 * the user, roles and the CSRF token that state-changing requests must send in {@code X-CSRF-Token}.
 * {@code GET /api/session} returns the same for the current session (a reloaded page gets its CSRF token
 * back); {@code DELETE /api/session} ends it on the server and clears the cookie. Scripts keep using HTTP
 * Basic or bearer tokens and never need this.
 */
@Path(EdgeGuard.LOGIN_PATH)
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    public record Login(String username, String password) { }

    private final IdentityProviderManager identities;
    private final Sessions sessions;
    private final boolean forceSecure;

    public SessionResource(IdentityProviderManager identities, Sessions sessions, OncoauditConfig config) {
        this.identities = identities;
        this.sessions = sessions;
        this.forceSecure = config.session().secureCookie();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sign in to the dashboard (session cookie)")
    @APIResponse(responseCode = "200", description = "signed in", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.Session.class)))
    public Uni<Response> login(Login body, RoutingContext rc) {
        if (body == null || body.username() == null || body.username().isBlank()) {
            return Uni.createFrom().item(Problem.response(400, "Bad Request", "username", "username is required"));
        }
        if (body.password() == null || body.password().isEmpty()) {
            return Uni.createFrom().item(Problem.response(400, "Bad Request", "password", "password is required"));
        }
        UsernamePasswordAuthenticationRequest request = new UsernamePasswordAuthenticationRequest(
                body.username().trim(), new PasswordCredential(body.password().toCharArray()));
        HttpSecurityUtils.setRoutingContextAttribute(request, rc);
        return identities.authenticate(request).map(identity -> {
            Sessions.Session s = sessions.create(identity.getPrincipal().getName(), identity.getRoles());
            rc.response().addCookie(cookie(rc, s.id, false));
            return Response.ok(view(s)).build();
        }).onFailure(AuthenticationFailedException.class).recoverWithItem(e -> {
            Long retry = LoginThrottledException.retryAfter(e);
            if (retry == null) return Problem.response(401, "Unauthorized", "password", "Wrong user name or password.");
            return Response.fromResponse(Problem.response(429, "Too Many Requests", "username",
                    "too many failed logins; try again in " + retry + " s")).header("Retry-After", retry).build();
        });
    }

    @GET
    @Operation(summary = "The dashboard session's user")
    @APIResponse(responseCode = "200", description = "the session", content = @Content(mediaType = "application/json", schema = @Schema(implementation = io.oncoaudit.api.openapi.ApiSchemas.Session.class)))
    public Response current(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(Sessions.COOKIE);
        Sessions.Session s = cookie == null ? null : sessions.use(cookie.getValue());
        if (s == null) return Problem.response(401, "Unauthorized", null, "no session; log in");
        return Response.ok(view(s)).build();
    }

    @DELETE
    @Operation(summary = "Sign out of the dashboard")
    @APIResponse(responseCode = "204", description = "signed out")
    public Response logout(RoutingContext rc) {
        Cookie cookie = rc.request().getCookie(Sessions.COOKIE);
        if (cookie != null) sessions.end(cookie.getValue());
        rc.response().addCookie(cookie(rc, "", true));
        return Response.noContent().build();
    }

    private Map<String, Object> view(Sessions.Session s) {
        return Map.of("username", s.username(), "roles", List.copyOf(new TreeSet<>(s.roles())),
                "csrfToken", s.csrfToken(), "idleTimeoutSeconds", sessions.idleTimeoutSeconds());
    }

    private Cookie cookie(RoutingContext rc, String value, boolean expire) {
        Cookie c = Cookie.cookie(Sessions.COOKIE, value).setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.STRICT)
                .setSecure(forceSecure || rc.request().isSSL());
        if (expire) c.setMaxAge(0);
        return c;
    }
}
