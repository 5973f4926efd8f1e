package io.oncoaudit.api.config;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * OpenID Connect only when a provider is configured. quarkus-oidc refuses to start its default tenant
 * without {@code quarkus.oidc.auth-server-url}, so this switches the tenant on exactly when a provider
 * URL is set ({@code ONCOAUDIT_OIDC_AUTH_SERVER_URL} or the standard {@code QUARKUS_OIDC_AUTH_SERVER_URL})
 * and off otherwise; HTTP Basic against the users table works either way. It also maps the
 * {@code oncoaudit.oidc.*} names onto the standard {@code quarkus.oidc.*} ones. Its values have ordinal
 * 200, below application.properties (250), the environment (300) and system properties (400), so an
 * explicit {@code quarkus.oidc.*} setting always wins.
 */
public class OidcConfigSourceFactory implements ConfigSourceFactory {
    static final String NAME = "oncoaudit OIDC settings";
    static final int ORDINAL = 200;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        Map<String, String> values = new HashMap<>();
        String url = value(context, "quarkus.oidc.auth-server-url");
        String own = value(context, "oncoaudit.oidc.auth-server-url");
        if (url == null && own != null) {
            values.put("quarkus.oidc.auth-server-url", own);
            url = own;
        }
        alias(context, values, "oncoaudit.oidc.client-id", "quarkus.oidc.client-id");
        alias(context, values, "oncoaudit.oidc.role-claim", "quarkus.oidc.roles.role-claim-path");
        alias(context, values, "oncoaudit.oidc.audience", "quarkus.oidc.token.audience");
        values.put("quarkus.oidc.tenant-enabled", Boolean.toString(url != null));
        return List.of(new MapBackedConfigSource(NAME, values, ORDINAL) { });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    private static void alias(ConfigSourceContext context, Map<String, String> values, String from, String to) {
        String v = value(context, from);
        if (v != null && value(context, to) == null) values.put(to, v);
    }

    private static String value(ConfigSourceContext context, String name) {
        ConfigValue v = context.getValue(name);
        String s = v == null ? null : v.getValue();
        return s == null || s.isBlank() ? null : s.trim();
    }
}
