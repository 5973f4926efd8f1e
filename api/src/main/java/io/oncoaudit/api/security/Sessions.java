package io.oncoaudit.api.security;

import io.oncoaudit.api.config.OncoauditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side dashboard sessions (issue 17). The browser holds only a random 256-bit session id in an
 * HttpOnly, SameSite=Strict cookie (Secure over HTTPS); the user, roles and CSRF token stay here. A
 * session ends after {@code oncoaudit.session.idle-timeout} without use, {@code max-age} after its login,
 * at logout, or when its user is changed or removed. In memory: a restart ends every session.
 */
@ApplicationScoped
public class Sessions {
    public static final String COOKIE = "oncoaudit_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_SESSIONS = 50_000;

    public static final class Session {
        final String id;
        final String username;
        final Set<String> roles;
        final String csrfToken;
        final long createdAt;
        volatile long lastUsed;

        Session(String id, String username, Set<String> roles, String csrfToken, long now) {
            this.id = id;
            this.username = username;
            this.roles = Set.copyOf(roles);
            this.csrfToken = csrfToken;
            this.createdAt = now;
            this.lastUsed = now;
        }

        public String username() { return username; }

        public Set<String> roles() { return roles; }

        public String csrfToken() { return csrfToken; }
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final long idleMillis;
    private final long maxAgeMillis;

    @jakarta.inject.Inject
    public Sessions(OncoauditConfig config) {
        this(config.session().idleTimeout().toMillis(), config.session().maxAge().toMillis());
    }

    Sessions(long idleMillis, long maxAgeMillis) {
        this.idleMillis = idleMillis;
        this.maxAgeMillis = maxAgeMillis;
    }

    public Session create(String username, Set<String> roles) {
        long now = System.currentTimeMillis();
        if (sessions.size() >= MAX_SESSIONS) sessions.values().removeIf(s -> expired(s, now));
        Session s = new Session(token(), username, roles, token(), now);
        sessions.put(s.id, s);
        return s;
    }

    /** The live session of this id, its idle clock restarted; null when unknown or expired. */
    public Session use(String id) {
        Session s = peek(id);
        if (s != null) s.lastUsed = System.currentTimeMillis();
        return s;
    }

    /** The live session of this id without restarting its idle clock. */
    public Session peek(String id) {
        if (id == null || id.isEmpty()) return null;
        Session s = sessions.get(id);
        if (s == null) return null;
        if (expired(s, System.currentTimeMillis())) {
            sessions.remove(id, s);
            return null;
        }
        return s;
    }

    public void end(String id) {
        if (id != null) sessions.remove(id);
    }

    /** Ends every session of the user (password changed, user removed). */
    public void endAll(String username) {
        sessions.values().removeIf(s -> s.username.equals(username));
    }

    public long idleTimeoutSeconds() { return idleMillis / 1000; }

    private boolean expired(Session s, long now) {
        return now - s.lastUsed > idleMillis || now - s.createdAt > maxAgeMillis;
    }

    private static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
