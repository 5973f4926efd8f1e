package io.oncoaudit.api.security;

import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.config.OncoauditConfig;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * User name + password against our users table (bcrypt hashes): HTTP Basic and the dashboard's login.
 *
 * <p>A bcrypt check costs tens of milliseconds of CPU by design, and Basic sends the password with every
 * request, so a successful check is remembered for {@code oncoaudit.login.cache-ttl} (60 s) under a
 * SHA-256 of user and password (never the password itself). Failures are never cached; changing or
 * removing a user through this process clears the cache at once (a change made by another process,
 * e.g. the users CLI, takes effect within the TTL).
 *
 * <p>Issue 17: concurrent requests with the same credentials share one bcrypt check, and each of them
 * waits for it on its own worker thread ({@link AuthenticationRequestContext#runBlocking}), so every
 * request continues on its own context (before, the waiters were resumed on the first request's thread,
 * outside their own request context: HTTP 500, ContextNotActiveException). An unknown user name costs
 * the same bcrypt check as a known one (against a dummy hash): no user-name timing oracle. Failures are
 * counted by {@link LoginThrottle} and written to the access log ({@code login.failed}).
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    private static final Logger LOG = Logger.getLogger(PasswordIdentityProvider.class);
    private static final int MAX_ENTRIES = 10_000;
    private static final WildFlyElytronPasswordProvider ELYTRON = new WildFlyElytronPasswordProvider();

    private record Verified(Set<String> roles, long expiresAt) { }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Set<String>>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final AgroalDataSource ds;
    private final LoginThrottle throttle;
    private final AccessLog accessLog;
    private final long ttlMillis;
    /** Same algorithm and cost as the stored hashes (BcryptUtil's default), for unknown user names. */
    private final String dummyHash = BcryptUtil.bcryptHash(UserService.generatePassword());

    public PasswordIdentityProvider(AgroalDataSource ds, LoginThrottle throttle, AccessLog accessLog, OncoauditConfig config) {
        this.ds = ds;
        this.throttle = throttle;
        this.accessLog = accessLog;
        this.ttlMillis = Math.max(1, config.login().cacheTtl().toMillis());
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        String address = clientAddress(HttpSecurityUtils.getRoutingContextAttribute(request));
        long retry = throttle.retryAfterSeconds(username, address);
        if (retry > 0) return Uni.createFrom().failure(LoginThrottledException.of(retry));
        String key = key(username, password);
        Verified hit = verified.get(key);
        long now = System.currentTimeMillis();
        if (hit != null && hit.expiresAt() > now) {
            throttle.success(username, address);
            // refresh ahead: the check near the end of the TTL runs in the background, nobody waits for it
            if (hit.expiresAt() - now < ttlMillis / 4) refreshInBackground(key, username, password);
            return Uni.createFrom().item(identity(username, hit.roles()));
        }
        return context.runBlocking(() -> {
            try {
                Set<String> roles = verifyShared(key, username, password);
                throttle.success(username, address);
                return identity(username, roles);
            } catch (AuthenticationFailedException e) {
                failed(username, address, e);
                throw e;
            }
        });
    }

    /** The client's address as Vert.x sees it (the proxy's forwarded address only when quarkus.http.proxy.* says so). */
    static String clientAddress(RoutingContext rc) {
        if (rc == null || rc.request() == null || rc.request().remoteAddress() == null) return "local";
        String host = rc.request().remoteAddress().hostAddress();
        return host == null ? "local" : host;
    }

    private void failed(String username, String address, AuthenticationFailedException e) {
        if (LoginThrottledException.retryAfter(e) != null) return;
        throttle.failure(username, address);
        try {
            String name = username == null ? "" : username.length() > 100 ? username.substring(0, 100) : username;
            accessLog.event(name, "login.failed", "from " + address);
        } catch (RuntimeException logFailure) {
            LOG.warnf("failed login of '%s' from %s could not be written to the access log: %s", username, address, logFailure.getMessage());
        }
    }

    /**
     * One bcrypt check per user and password at a time: concurrent requests with the same credentials
     * (a dashboard opening, 16 bench clients) wait for the running check instead of each spending their
     * own ~50-100 ms of CPU. Runs on a worker thread. A success is remembered; a failure forgets any
     * remembered success.
     */
    private Set<String> verifyShared(String key, String username, char[] password) {
        CompletableFuture<Set<String>> mine = new CompletableFuture<>();
        CompletableFuture<Set<String>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return running.join();
            } catch (CompletionException | CancellationException e) {
                if (e.getCause() instanceof AuthenticationFailedException a) throw new AuthenticationFailedException(a.getMessage(), a);
                throw new AuthenticationFailedException("login check failed", e);
            }
        }
        long gen = generation.get();
        try {
            Set<String> roles = check(username, password);
            if (verified.size() >= MAX_ENTRIES) verified.clear();
            // a user changed or removed while this check ran: answer this request, remember nothing
            if (gen == generation.get()) verified.put(key, new Verified(roles, System.currentTimeMillis() + ttlMillis));
            mine.complete(roles);
            return roles;
        } catch (RuntimeException e) {
            verified.remove(key);
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private void refreshInBackground(String key, String username, char[] password) {
        if (inFlight.containsKey(key)) return;
        Infrastructure.getDefaultWorkerPool().execute(() -> {
            try {
                verifyShared(key, username, password);
            } catch (RuntimeException ignored) {
                // the remembered login was dropped; the next request checks again
            }
        });
    }

    /** Forget every remembered login (a user was changed or removed). */
    public void invalidate() {
        generation.incrementAndGet();
        verified.clear();
    }

    private Set<String> check(String username, char[] password) {
        String hash = null;
        String roles = null;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash, roles FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    hash = rs.getString(1);
                    roles = rs.getString(2);
                }
            }
        } catch (SQLException e) {
            throw new AuthenticationFailedException("user store unavailable", e);
        }
        // an unknown user costs the same bcrypt check as a known one: no timing oracle for user names
        boolean ok = bcryptMatches(hash != null ? hash : dummyHash, password);
        if (hash == null || !ok) throw new AuthenticationFailedException();
        return Role.parse(roles);
    }

    private static boolean bcryptMatches(String modularCrypt, char[] password) {
        try {
            Password stored = ModularCrypt.decode(modularCrypt);
            PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(), ELYTRON);
            return factory.verify(factory.translate(stored), password);
        } catch (java.security.GeneralSecurityException e) {
            throw new AuthenticationFailedException(e);
        }
    }

    private static SecurityIdentity identity(String username, Set<String> roles) {
        return QuarkusSecurityIdentity.builder().setPrincipal(new QuarkusPrincipal(username)).addRoles(roles).build();
    }

    private static String key(String username, char[] password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(username.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(new String(password).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
