package io.oncoaudit.api.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** An admin may do what an auditor and a finance user may do (the initial admin is the only user on a fresh install). */
@ApplicationScoped
public class AdminImpliesAllRoles implements SecurityIdentityAugmentor {
    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !identity.hasRole(Role.ADMIN)) return Uni.createFrom().item(identity);
        return Uni.createFrom().item(QuarkusSecurityIdentity.builder(identity)
                .addRole(Role.AUDITOR).addRole(Role.FINANCE).build());
    }
}
