package io.oncoaudit.api.security;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Roles (issue 5, section 4): {@code auditor} sees patient-level detail; {@code finance} sees
 * aggregates and provider-level rows only, never a patient id; {@code admin} manages users, loads and
 * the access log and holds the other two roles as well (see {@link AdminImpliesAllRoles}).
 */
public final class Role {
    public static final String AUDITOR = "auditor";
    public static final String FINANCE = "finance";
    public static final String ADMIN = "admin";
    public static final Set<String> ALL = Set.of(AUDITOR, FINANCE, ADMIN);

    private Role() { }

    public static Set<String> parse(String roles) {
        Set<String> out = new LinkedHashSet<>();
        if (roles == null) return out;
        Arrays.stream(roles.split(",")).map(r -> r.trim().toLowerCase(Locale.ROOT)).filter(r -> !r.isEmpty()).forEach(out::add);
        return out;
    }
}
