package io.oncoaudit.api.security;

import io.quarkus.security.AuthenticationFailedException;
import java.util.Map;

/**
 * A login refused without checking the password: too many recent failures for the user name or the
 * address. Quarkus's AuthenticationFailedException is final, so the refusal is one of those carrying the
 * seconds to wait as an attribute.
 */
public final class LoginThrottledException {
    static final String RETRY_AFTER = "oncoaudit.retry-after-seconds";

    private LoginThrottledException() { }

    public static AuthenticationFailedException of(long retryAfterSeconds) {
        return new AuthenticationFailedException("too many failed logins; retry after " + retryAfterSeconds + " s",
                Map.of(RETRY_AFTER, retryAfterSeconds));
    }

    /** Seconds to wait when {@code e} is a throttling refusal, else null. */
    public static Long retryAfter(Throwable e) {
        if (e instanceof AuthenticationFailedException a && a.getAttributes() != null
                && a.getAttributes().get(RETRY_AFTER) instanceof Long l) return l;
        return null;
    }
}
