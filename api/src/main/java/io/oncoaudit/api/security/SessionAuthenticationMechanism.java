package io.oncoaudit.api.security;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;

/**
 * The dashboard's session cookie as an authentication mechanism beside HTTP Basic and OIDC bearer tokens
 * (issue 17). No cookie or an ended session: no identity here, the other mechanisms decide. The challenge
 * stays Basic's (401 with WWW-Authenticate, never a redirect: contract section 8), except for the
 * dashboard's own requests ({@code X-Requested-With: oncoaudit}), which get a bare 401 so the browser opens
 * no login dialog of its own. CSRF is checked before authentication, in {@link EdgeGuard}.
 */
@ApplicationScoped
public class SessionAuthenticationMechanism implements HttpAuthenticationMechanism {
    public static final String DASHBOARD_HEADER = "X-Requested-With";
    public static final String DASHBOARD_VALUE = "oncoaudit";
    private final Sessions sessions;

    public SessionAuthenticationMechanism(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext rc, IdentityProviderManager identityProviderManager) {
        Cookie cookie = rc.request().getCookie(Sessions.COOKIE);
        if (cookie == null) return Uni.createFrom().nullItem();
        Sessions.Session s = sessions.use(cookie.getValue());
        if (s == null) return Uni.createFrom().nullItem();
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(s.username()))
                .addRoles(s.roles())
                .addAttribute("oncoaudit.session", Boolean.TRUE)
                .build());
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext rc) {
        if (DASHBOARD_VALUE.equals(rc.request().getHeader(DASHBOARD_HEADER))) {
            return Uni.createFrom().item(new ChallengeData(401, null, null));
        }
        return Uni.createFrom().nullItem();
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of();
    }

    @Override
    public int getPriority() {
        return 3000; // before Basic (2000): its challenge is the dashboard's bare 401
    }
}
