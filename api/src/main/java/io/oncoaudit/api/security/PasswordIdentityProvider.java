package io.oncoaudit.api.security;

import io.agroal.api.AgroalDataSource;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.util.ModularCrypt;

/**
 * HTTP Basic against our users table (bcrypt hashes). A bcrypt check costs tens of milliseconds of
 * CPU by design, and Basic sends the password with every request, so a successful check is remembered
 * for {@link #TTL_MILLIS} under a SHA-256 of user and password (never the password itself). Failures
 * are never cached; changing or removing a user through this process clears the cache at once
 * (a change made by another process, e.g. the users CLI, takes effect within the TTL).
 */
@ApplicationScoped
public class PasswordIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    static final long TTL_MILLIS = 60_000;
    /** A remembered login this close to its expiry is re-checked in the background. */
    static final long REFRESH_MILLIS = 15_000;
    private static final int MAX_ENTRIES = 10_000;
    private static final WildFlyElytronPasswordProvider ELYTRON = new WildFlyElytronPasswordProvider();

    private record Verified(Set<String> roles, long expiresAt) { }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Set<String>>> inFlight = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();
    private final AgroalDataSource ds;

    public PasswordIdentityProvider(AgroalDataSource ds) {
        this.ds = ds;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        String key = key(username, password);
        Verified hit = verified.get(key);
        long now = System.currentTimeMillis();
        if (hit != null && hit.expiresAt() > now) {
            // refresh ahead: the check near the end of the TTL runs in the background, nobody waits for it
            if (hit.expiresAt() - now < REFRESH_MILLIS) verify(key, username, password, context);
            return Uni.createFrom().item(identity(username, hit.roles()));
        }
        return Uni.createFrom().completionStage(verify(key, username, password, context).copy())
                .map(roles -> identity(username, roles));
    }

    /**
     * One bcrypt check per user and password at a time: concurrent requests with the same credentials
     * (a dashboard opening, 16 bench clients) wait for the running check instead of each spending their
     * own ~50-100 ms of CPU. A success is remembered; a failure forgets any remembered success.
     */
    private CompletableFuture<Set<String>> verify(String key, String username, char[] password, AuthenticationRequestContext context) {
        CompletableFuture<Set<String>> mine = new CompletableFuture<>();
        CompletableFuture<Set<String>> running = inFlight.putIfAbsent(key, mine);
        if (running != null) return running;
        long generation = this.generation.get();
        context.runBlocking(() -> identity(username, check(username, password))).subscribe().with(checked -> {
            Set<String> roles = checked.getRoles();
            if (verified.size() >= MAX_ENTRIES) verified.clear();
            // a user changed or removed while this check ran: answer this request, remember nothing
            if (generation == this.generation.get()) verified.put(key, new Verified(roles, System.currentTimeMillis() + TTL_MILLIS));
            inFlight.remove(key, mine);
            mine.complete(roles);
        }, failure -> {
            verified.remove(key);
            inFlight.remove(key, mine);
            mine.completeExceptionally(failure);
        });
        return mine;
    }

    /** Forget every remembered login (a user was changed or removed). */
    public void invalidate() {
        generation.incrementAndGet();
        verified.clear();
    }

    private Set<String> check(String username, char[] password) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT password_hash, roles FROM users WHERE username = ?")) {
            ps.setString(1, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new AuthenticationFailedException();
                Password stored = ModularCrypt.decode(rs.getString(1));
                PasswordFactory factory = PasswordFactory.getInstance(stored.getAlgorithm(), ELYTRON);
                if (!factory.verify(factory.translate(stored), password)) throw new AuthenticationFailedException();
                return Role.parse(rs.getString(2));
            }
        } catch (SQLException e) {
            throw new AuthenticationFailedException("user store unavailable", e);
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
