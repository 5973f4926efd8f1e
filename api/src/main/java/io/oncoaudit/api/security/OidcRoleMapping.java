package io.oncoaudit.api.security;

import io.oncoaudit.api.config.OncoauditConfig;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Roles of a bearer token (OIDC): the provider's role names, read from the configured claim
 * ({@code oncoaudit.oidc.role-claim}, e.g. {@code groups} or {@code realm_access/roles}), become our
 * three roles through {@code oncoaudit.oidc.roles.auditor|finance|admin}. Any other provider role is
 * dropped, so a token grants nothing here that the mapping does not name. Runs before
 * {@link AdminImpliesAllRoles}. Basic-authenticated identities are left as they are.
 */
@ApplicationScoped
public class OidcRoleMapping implements SecurityIdentityAugmentor {
    private final OncoauditConfig.Oidc.Roles mapping;

    public OidcRoleMapping(OncoauditConfig config) {
        this.mapping = config.oidc().roles();
    }

    @Override
    public int priority() {
        return 10; // before AdminImpliesAllRoles (0)
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken)) return Uni.createFrom().item(identity);
        Set<String> roles = map(identity.getRoles());
        QuarkusSecurityIdentity.Builder b = QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addAttributes(identity.getAttributes())
                .addRoles(roles);
        return Uni.createFrom().item(b.build());
    }

    Set<String> map(Set<String> providerRoles) {
        Set<String> out = new LinkedHashSet<>();
        for (String r : providerRoles) {
            if (matches(mapping.auditor(), r)) out.add(Role.AUDITOR);
            if (matches(mapping.finance(), r)) out.add(Role.FINANCE);
            if (matches(mapping.admin(), r)) out.add(Role.ADMIN);
        }
        return out;
    }

    private static boolean matches(List<String> names, String role) {
        for (String n : names) if (n.trim().toLowerCase(Locale.ROOT).equals(role.trim().toLowerCase(Locale.ROOT))) return true;
        return false;
    }
}
