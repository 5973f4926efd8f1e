package io.oncoaudit.api.security;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks that run on every request before authentication (issue 17), each answering problem+json:
 * <ul>
 *   <li>a body announced larger than {@code quarkus.http.limits.max-body-size}: 413 (Vert.x's own 413 is
 *       plain text, and a chunked body over the limit still gets that one);</li>
 *   <li>a login (HTTP Basic credentials, or the dashboard's POST /api/session) for a user name or from an
 *       address that {@link LoginThrottle} has locked: 429 with Retry-After, without a password check;</li>
 *   <li>a state-changing request (anything but GET, HEAD, OPTIONS) authenticated by the session cookie
 *       alone: it must carry the session's CSRF token in {@code X-CSRF-Token}, else 403. Requests with an
 *       Authorization header (Basic, bearer) carry no ambient credential and need no token.</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeGuard {
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);
    public static final String LOGIN_PATH = "/api/session";

    private final LoginThrottle throttle;
    private final Sessions sessions;
    private final long maxBody;

    public EdgeGuard(LoginThrottle throttle, Sessions sessions,
                     @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBody) {
        this.throttle = throttle;
        this.sessions = sessions;
        this.maxBody = maxBody.asLongValue();
    }

    void install(@Observes Router router) {
        // order MIN_VALUE: before Quarkus's body handler (MIN_VALUE + 1) and its authentication filter
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext rc) {
        HttpServerRequest req = rc.request();
        String length = req.getHeader("Content-Length");
        if (length != null) {
            long n;
            try {
                n = Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                n = -1;
            }
            if (n > maxBody) {
                problem(rc, 413, "Payload Too Large", "body", "the request body is " + n + " bytes; the limit is " + maxBody + " bytes", null);
                return;
            }
        }
        String authorization = req.getHeader("Authorization");
        String basicUser = basicUser(authorization);
        boolean login = basicUser != null || (req.method() == HttpMethod.POST && LOGIN_PATH.equals(req.path()));
        // (a sign-in needs no CSRF token: it carries the password, and SameSite=Strict keeps other sites' cookies out)
        if (login) {
            long retry = throttle.retryAfterSeconds(basicUser, PasswordIdentityProvider.clientAddress(rc));
            if (retry > 0) {
                problem(rc, 429, "Too Many Requests", basicUser != null ? "username" : null,
                        "too many failed logins; try again in " + retry + " s", retry);
                return;
            }
        }
        boolean signIn = req.method() == HttpMethod.POST && LOGIN_PATH.equals(req.path());
        if (!SAFE.contains(req.method()) && authorization == null && req.path().startsWith("/api/") && !signIn) {
            Cookie cookie = req.getCookie(Sessions.COOKIE);
            Sessions.Session s = cookie == null ? null : sessions.peek(cookie.getValue());
            if (s != null && !constantTimeEquals(s.csrfToken(), req.getHeader(Sessions.CSRF_HEADER))) {
                problem(rc, 403, "Forbidden", Sessions.CSRF_HEADER,
                        "a state-changing request with the session cookie needs the session's CSRF token in " + Sessions.CSRF_HEADER, null);
                return;
            }
        }
        rc.next();
    }

    static String basicUser(String authorization) {
        if (authorization == null || authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) return null;
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : decoded.substring(0, colon);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean constantTimeEquals(String expected, String given) {
        if (given == null) return false;
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }

    static void problem(RoutingContext rc, int status, String title, String field, String detail, Long retryAfter) {
        StringBuilder b = new StringBuilder("{\"type\":\"about:blank\",\"title\":").append(json(title))
                .append(",\"status\":").append(status).append(",\"detail\":").append(json(detail));
        if (field != null) b.append(",\"field\":").append(json(field));
        b.append('}');
        var resp = rc.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("Cache-Control", "no-store");
        if (retryAfter != null) resp.putHeader("Retry-After", Long.toString(retryAfter));
        if (status == 413) resp.putHeader("Connection", "close");
        resp.end(b.toString());
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
            }
        }
        return b.append('"').toString();
    }
}
