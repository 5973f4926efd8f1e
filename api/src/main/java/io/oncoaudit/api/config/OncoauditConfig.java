package io.oncoaudit.api.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Typed settings under {@code oncoaudit.*}; environment variables map as usual (ONCOAUDIT_HOME, ONCOAUDIT_ADMIN_PASSWORD). */
@ConfigMapping(prefix = "oncoaudit")
public interface OncoauditConfig {

    /** Folder for the embedded database and local state (contract section 9). */
    @WithDefault("${user.home}/.oncoaudit")
    String home();

    /** Initial admin password on first start; generated and printed once when absent (contract section 8). */
    Optional<String> adminPassword();

    /** A contract-format fee schedule for POST /api/recode, like the CLI's --fee-schedule; built-in when absent. */
    Optional<Path> feeSchedule();

    Findings findings();

    Load load();

    /** Bearer tokens from an OpenID Connect provider; off unless {@code authServerUrl} (or quarkus.oidc.auth-server-url) is set. */
    Oidc oidc();

    /** Password logins: the verified-login cache and brute-force throttling (issue 17). */
    Login login();

    /** Dashboard sessions (issue 17): a server-side session behind an HttpOnly, SameSite=Strict cookie. */
    Session session();

    interface Login {
        /** How long a verified user + password is remembered (HTTP Basic sends it with every request). */
        @WithDefault("60S")
        java.time.Duration cacheTtl();

        /** Consecutive failed logins for one user name before it is throttled (429 with Retry-After). */
        @WithDefault("10")
        int maxFailures();

        /** Consecutive failed logins from one client address before it is throttled. */
        @WithDefault("30")
        int maxAddressFailures();

        /** The first lockout; it doubles with each further failure, up to {@link #maxLockout()}. */
        @WithDefault("30S")
        java.time.Duration lockout();

        @WithDefault("15M")
        java.time.Duration maxLockout();
    }

    interface Session {
        /** A session not used for this long ends. */
        @WithDefault("30M")
        java.time.Duration idleTimeout();

        /** A session ends this long after its login, used or not. */
        @WithDefault("12H")
        java.time.Duration maxAge();

        /** Mark the cookie Secure even over plain HTTP (behind a TLS-terminating proxy); always Secure over HTTPS. */
        @WithDefault("false")
        boolean secureCookie();
    }

    interface Findings {
        @WithDefault("50")
        int defaultPageSize();

        @WithDefault("1000")
        int maxPageSize();
    }

    interface Load {
        /** A progress line on stderr every this many rows. */
        @WithDefault("200000")
        int progressEvery();
    }

    /**
     * OpenID Connect (issue 5, section 4). Read by {@link OidcConfigSourceFactory} (URL, client id, claim,
     * audience become quarkus.oidc.*) and by the role mapping (io.oncoaudit.api.security.OidcRoleMapping).
     */
    interface Oidc {
        /** The provider's issuer URL (its /.well-known/openid-configuration is read); unset: OIDC off. */
        Optional<String> authServerUrl();

        /** This service's client id at the provider. */
        Optional<String> clientId();

        /** Where the token keeps its roles, e.g. {@code groups} or {@code realm_access/roles}; unset: quarkus-oidc's default (groups, then realm_access/roles). */
        Optional<String> roleClaim();

        /** Required {@code aud} of the tokens; unset: not checked. */
        Optional<String> audience();

        Roles roles();

        /** Provider role names (case-insensitive) that grant each of our roles; a token's other roles are ignored. */
        interface Roles {
            @WithDefault("auditor,oncoaudit-auditor")
            java.util.List<String> auditor();

            @WithDefault("finance,oncoaudit-finance")
            java.util.List<String> finance();

            @WithDefault("admin,oncoaudit-admin")
            java.util.List<String> admin();
        }
    }
}
