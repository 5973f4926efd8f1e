package io.oncoaudit.api.db;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Connections as the schema's owner, for the work that needs DDL: a run's load creates and attaches
 * partitions (issue 17). The owner is the one Flyway migrates as ({@code quarkus.flyway.username} /
 * {@code password}, set for the embedded database; an operator may set them for an external one); when
 * unset, the application's own datasource is used, as before.
 */
@ApplicationScoped
public class OwnerConnections {
    private final AgroalDataSource ds;
    private final Optional<String> url;
    private final Optional<String> username;
    private final Optional<String> password;

    public OwnerConnections(AgroalDataSource ds,
                            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> datasourceUrl,
                            @ConfigProperty(name = "quarkus.flyway.jdbc-url") Optional<String> flywayUrl,
                            @ConfigProperty(name = "quarkus.flyway.username") Optional<String> username,
                            @ConfigProperty(name = "quarkus.flyway.password") Optional<String> password) {
        this.ds = ds;
        this.url = flywayUrl.or(() -> datasourceUrl);
        this.username = username.filter(u -> !u.isBlank());
        this.password = password;
    }

    public Connection open() throws SQLException {
        if (username.isEmpty() || url.isEmpty()) return ds.getConnection();
        return DriverManager.getConnection(url.get(), username.get(), password.orElse(""));
    }
}
