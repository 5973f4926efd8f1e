package io.oncoaudit.api.security;

import io.oncoaudit.api.config.OncoauditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Brute-force throttling (issue 17): consecutive failed logins are counted per user name and per client
 * address. From {@code max-failures} for a name (default 10) or {@code max-address-failures} for an
 * address (default 30) on, that name or address is locked: its logins are answered 429 with Retry-After,
 * without a password check, for {@code lockout} (30 s), doubling with each further failure up to
 * {@code max-lockout} (15 min). A successful login clears the name's and the address's count. In memory,
 * per process: a restart forgets it (so does a second instance; see api/README.md, Security).
 */
@ApplicationScoped
public class LoginThrottle {
    private static final int MAX_ENTRIES = 100_000;

    private record State(int failures, long lockedUntil) { }

    private final Map<String, State> users = new ConcurrentHashMap<>();
    private final Map<String, State> addresses = new ConcurrentHashMap<>();
    private final OncoauditConfig.Login config;

    public LoginThrottle(OncoauditConfig config) {
        this.config = config.login();
    }

    /** Seconds until the name or address may try again; 0 when neither is locked. */
    public long retryAfterSeconds(String username, String address) {
        long now = System.currentTimeMillis();
        long until = Math.max(lockedUntil(users, userKey(username)), lockedUntil(addresses, address));
        return until > now ? Math.max(1, (until - now + 999) / 1000) : 0;
    }

    public void failure(String username, String address) {
        count(users, userKey(username), config.maxFailures());
        count(addresses, address, config.maxAddressFailures());
    }

    public void success(String username, String address) {
        if (username != null) users.remove(userKey(username));
        if (address != null) addresses.remove(address);
    }

    private void count(Map<String, State> map, String key, int max) {
        if (key == null) return;
        if (map.size() >= MAX_ENTRIES) map.clear(); // bounded memory under a spray of names
        map.compute(key, (k, s) -> {
            int failures = (s == null ? 0 : s.failures()) + 1;
            long until = s == null ? 0 : s.lockedUntil();
            if (failures >= max) {
                int extra = Math.min(failures - max, 20);
                long lock = Math.min(config.lockout().toMillis() << extra, config.maxLockout().toMillis());
                until = System.currentTimeMillis() + lock;
            }
            return new State(failures, until);
        });
    }

    private static long lockedUntil(Map<String, State> map, String key) {
        if (key == null) return 0;
        State s = map.get(key);
        return s == null ? 0 : s.lockedUntil();
    }

    private static String userKey(String username) {
        return username == null ? null : username.toLowerCase(Locale.ROOT);
    }
}
