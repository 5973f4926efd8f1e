package io.oncoaudit.api.security;

import io.oncoaudit.api.OncoauditMain;
import io.oncoaudit.api.config.OncoauditConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.util.Set;

/**
 * First start with no admin (contract section 8): creates user {@code admin} with the password from
 * ONCOAUDIT_ADMIN_PASSWORD, or generates one and prints it once on stdout. No default password exists.
 * One-shot commands (load, users) do not create it: the admin appears on the first {@code serve}.
 */
@ApplicationScoped
public class AdminBootstrap {
    private final OncoauditConfig config;
    private final UserService users;

    public AdminBootstrap(OncoauditConfig config, UserService users) {
        this.config = config;
        this.users = users;
    }

    @Transactional
    void onStart(@Observes StartupEvent event) {
        String cmd = OncoauditMain.command();
        if (cmd != null && !cmd.equals("serve")) return;
        if (AppUser.anyAdmin()) return;
        if (AppUser.findByUsername("admin") != null) return; // renamed roles: never overwrite a user
        String password = config.adminPassword().filter(p -> !p.isBlank()).orElse(null);
        boolean generated = password == null;
        if (generated) password = UserService.generatePassword();
        users.add("admin", Set.of(Role.ADMIN), password);
        if (generated) {
            System.out.println("oncoaudit: created user 'admin' with generated password: " + password);
            System.out.println("oncoaudit: this password is shown only once; set ONCOAUDIT_ADMIN_PASSWORD before the first start to choose it.");
        } else {
            System.out.println("oncoaudit: created user 'admin' with the password from ONCOAUDIT_ADMIN_PASSWORD");
        }
    }
}
