package io.oncoaudit.api.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/** Creates and changes users; passwords are stored as bcrypt hashes only. */
@ApplicationScoped
public class UserService {
    @jakarta.inject.Inject
    PasswordIdentityProvider logins;
    @jakarta.inject.Inject
    Sessions sessions;
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MIN_PASSWORD_LENGTH = 8;

    @Transactional
    public AppUser add(String username, Set<String> roles, String password) {
        validateUsername(username);
        validateRoles(roles);
        validatePassword(password);
        if (AppUser.findByUsername(username) != null) {
            throw new IllegalArgumentException("username: user '" + username + "' already exists");
        }
        AppUser u = new AppUser();
        u.username = username;
        u.roles = String.join(",", roles);
        u.passwordHash = BcryptUtil.bcryptHash(password);
        u.createdAt = LocalDateTime.now();
        u.persist();
        return u;
    }

    @Transactional
    public void setPassword(String username, String password) {
        validatePassword(password);
        AppUser u = AppUser.findByUsername(username);
        if (u == null) throw new IllegalArgumentException("username: no user '" + username + "'");
        u.passwordHash = BcryptUtil.bcryptHash(password);
        logins.invalidate();
        sessions.endAll(username);
    }

    @Transactional
    public boolean remove(String username) {
        boolean removed = AppUser.delete("username", username) > 0;
        logins.invalidate();
        sessions.endAll(username);
        return removed;
    }

    @Transactional
    public List<AppUser> list() {
        return AppUser.listAll(io.quarkus.panache.common.Sort.by("username"));
    }

    public static String generatePassword() {
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static void validateUsername(String username) {
        if (username == null || !username.matches("[A-Za-z0-9._@-]{1,100}")) {
            throw new IllegalArgumentException("username: use 1-100 letters, digits or . _ @ -");
        }
    }

    static void validateRoles(Set<String> roles) {
        if (roles == null || roles.isEmpty() || !Role.ALL.containsAll(roles)) {
            throw new IllegalArgumentException("roles: give one or more of " + Role.AUDITOR + ", " + Role.FINANCE + ", " + Role.ADMIN);
        }
    }

    static void validatePassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("password: use at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
