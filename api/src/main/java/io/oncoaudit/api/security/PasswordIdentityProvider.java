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
    private static final int MAX_ENTRIES = 10_000;
    private static final WildFlyElytronPasswordProvider ELYTRON = new WildFlyElytronPasswordProvider();

    private record Verified(Set<String> roles, long expiresAt) { }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
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
        if (hit != null && hit.expiresAt() > System.currentTimeMillis()) {
            return Uni.createFrom().item(identity(username, hit.roles()));
        }
        return context.runBlocking(() -> {
            Set<String> roles = check(username, password);
            if (verified.size() >= MAX_ENTRIES) verified.clear();
            verified.put(key, new Verified(roles, System.currentTimeMillis() + TTL_MILLIS));
            return identity(username, roles);
        });
    }

    /** Forget every remembered login (a user was changed or removed). */
    public void invalidate() {
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
