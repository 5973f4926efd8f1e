package io.oncoaudit.api;

import io.oncoaudit.api.cli.OncoauditApp;
import io.oncoaudit.api.db.EmbeddedDatabase;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry point of {@code java -jar quarkus-run.jar <command> ARGS} (bin/oncoaudit serve | load | users).
 * Runs before Quarkus configures the datasource: when no external PostgreSQL is configured it starts
 * (or joins) the embedded one and hands its URL to Quarkus as system properties.
 */
@QuarkusMain
public final class OncoauditMain {
    private static volatile String command;

    private OncoauditMain() { }

    /** The command this JVM was started for; null under tests and dev mode. */
    public static String command() { return command; }

    public static void main(String... args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.println(OncoauditApp.USAGE);
            System.exit(args.length == 0 ? 2 : 0);
            return;
        }
        if (java.util.Arrays.asList(args).contains("--help") || java.util.Arrays.asList(args).contains("-h")) {
            System.out.println(OncoauditApp.help(args[0]));
            System.exit(0);
            return;
        }
        command = args[0];
        if (!OncoauditApp.COMMANDS.contains(command)) {
            System.err.println("oncoaudit: unknown command '" + command + "'\n" + OncoauditApp.USAGE);
            System.exit(2);
            return;
        }
        if (command.equals("serve")) {
            String port = OncoauditApp.option(args, "--port");
            if (port != null) System.setProperty("quarkus.http.port", port);
        } else {
            // load and users are one-shot commands: no HTTP listener (serve may hold the port), quiet logs.
            System.setProperty("quarkus.http.host-enabled", "false");
            System.setProperty("quarkus.banner.enabled", "false");
            if (System.getenv("QUARKUS_LOG_LEVEL") == null) System.setProperty("quarkus.log.level", "WARN");
        }

        EmbeddedDatabase embedded = null;
        if (!externalDatasourceConfigured()) {
            embedded = new EmbeddedDatabase(home(), System.err).acquire();
            System.setProperty("quarkus.datasource.jdbc.url", embedded.jdbcUrl());
            // issue 17: requests as the least-privilege role; migrations and loads (DDL) as the schema's owner
            System.setProperty("quarkus.datasource.username", embedded.username());
            System.setProperty("quarkus.datasource.password", embedded.password());
            System.setProperty("quarkus.flyway.username", embedded.ownerUsername());
            System.setProperty("quarkus.flyway.password", embedded.ownerPassword());
        }
        AtomicInteger exit = new AtomicInteger();
        Quarkus.run(OncoauditApp.class, (code, failure) -> {
            exit.set(code);
            if (failure != null) {
                System.err.println("oncoaudit: " + command + " failed: " + failure);
                if (code == 0) exit.set(1);
            }
        }, args);
        if (embedded != null) embedded.release(true);
        System.exit(exit.get());
    }

    static boolean externalDatasourceConfigured() {
        String env = System.getenv("QUARKUS_DATASOURCE_JDBC_URL");
        String prop = System.getProperty("quarkus.datasource.jdbc.url");
        return (env != null && !env.isBlank()) || (prop != null && !prop.isBlank());
    }

    static Path home() {
        String h = System.getenv("ONCOAUDIT_HOME");
        if (h == null || h.isBlank()) h = System.getProperty("oncoaudit.home");
        if (h == null || h.isBlank()) return Path.of(System.getProperty("user.home"), ".oncoaudit");
        return Path.of(h);
    }
}
