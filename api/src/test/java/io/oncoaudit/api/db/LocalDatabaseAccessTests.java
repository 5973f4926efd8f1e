package io.oncoaudit.api.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, hole 1: the embedded PostgreSQL trusted every local connection (any OS user connected to
 * 127.0.0.1:port as superuser with no password; by reading the old code: zonky's initdb -A trust, and the
 * app connected as postgres with an empty password). This test was not run against the old code.
 */
class LocalDatabaseAccessTests {
    private static Path home;
    private static EmbeddedDatabase db;

    @BeforeAll
    static void start() throws Exception {
        home = Files.createTempDirectory("oncoaudit-localdb");
        Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwxr-xr-x"));
        db = new EmbeddedDatabase(home, new PrintStream(new ByteArrayOutputStream(), true)).acquire();
        // the migrations, as the owner (what serve does through Quarkus's Flyway)
        Flyway.configure().dataSource(db.jdbcUrl(), db.ownerUsername(), db.ownerPassword())
                .locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUsername(), db.ownerPassword());
             Statement s = c.createStatement()) {
            s.execute("CREATE OR REPLACE VIEW reporting.test_runs AS SELECT run_id, findings_count FROM runs");
        }
    }

    @AfterAll
    static void stop() {
        if (db != null) db.release(true);
    }

    @Test
    void secretsAndSocketArePrivateAndPgHbaHasNoTrustLine() throws Exception {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db.secretsFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(db.socketDirectory())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home)));
        String hba = Files.readString(db.hbaFile());
        for (String line : hba.lines().filter(l -> !l.isBlank() && !l.startsWith("#")).toList()) {
            assertTrue(line.trim().endsWith("scram-sha-256"), line);
        }
        assertFalse(Files.readString(db.dataDirectory().resolve("pg_hba.conf")).lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).anyMatch(l -> l.contains("trust")), "no trust line in the data directory's pg_hba.conf");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.ownerUsername(), db.ownerPassword());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('listen_addresses')")) {
            rs.next();
            assertEquals("127.0.0.1", rs.getString(1));
        }
    }

    @Test
    void noPasswordOrAWrongOneIsRefused() {
        for (String user : List.of("postgres", EmbeddedDatabase.APP, EmbeddedDatabase.OWNER, EmbeddedDatabase.REPORTING)) {
            SQLException none = assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), user, ""));
            assertTrue(none.getMessage().contains("password"), none.getMessage());
            SQLException wrong = assertThrows(SQLException.class, () -> DriverManager.getConnection(db.jdbcUrl(), user, "wrong-password"));
            assertTrue(wrong.getMessage().contains("password authentication failed"), wrong.getMessage());
        }
    }

    @Test
    void anotherOsUserCannotConnect() throws Exception {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path psql = Path.of("/usr/bin/psql");
        Path runuser = Path.of("/usr/sbin/runuser");
        assertTrue(root && Files.isExecutable(psql) && Files.isExecutable(runuser),
                "this check runs as root with psql and runuser (infra/scripts/setup.sh installs PostgreSQL's client)");
        // over TCP: a password is asked, and nobody has it
        Result tcp = run("runuser", "-u", "nobody", "--", "psql", "-w", "-h", "127.0.0.1", "-p", Integer.toString(db.port()),
                "-U", "postgres", "-d", "postgres", "-c", "SELECT 1");
        assertNotEquals(0, tcp.exit, tcp.output);
        assertTrue(tcp.output.contains("password"), tcp.output);
        // over the unix socket: the socket's folder is private to the user running oncoaudit
        Result socket = run("runuser", "-u", "nobody", "--", "psql", "-w", "-h", db.socketDirectory().toString(),
                "-p", Integer.toString(db.port()), "-U", "postgres", "-d", "postgres", "-c", "SELECT 1");
        assertNotEquals(0, socket.exit, socket.output);
        assertTrue(socket.output.contains("Permission denied") || socket.output.contains("password"), socket.output);
        // nor can it read the secrets
        Result secrets = run("runuser", "-u", "nobody", "--", "cat", db.secretsFile().toString());
        assertNotEquals(0, secrets.exit, secrets.output);
    }

    @Test
    void theAppRoleHasDmlOnItsTablesAndNothingMore() throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password()); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO users (username, password_hash, roles, created_at) VALUES ('dml-check', 'x', 'finance', now())");
            s.executeUpdate("UPDATE users SET roles = 'auditor' WHERE username = 'dml-check'");
            s.executeUpdate("DELETE FROM users WHERE username = 'dml-check'");
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM findings")) {
                assertTrue(rs.next());
            }
            try (ResultSet rs = s.executeQuery("SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
                rs.next();
                assertFalse(rs.getBoolean(1) || rs.getBoolean(2) || rs.getBoolean(3), "the app's role is no superuser and creates no roles");
            }
            for (String forbidden : List.of(
                    "SELECT rolpassword FROM pg_authid",
                    "CREATE ROLE intruder LOGIN SUPERUSER",
                    "COPY (SELECT 1) TO PROGRAM 'id'",
                    "SELECT pg_read_file('/etc/passwd')",
                    "CREATE TABLE intruder (x int)",
                    "DROP TABLE users",
                    "ALTER TABLE users ADD COLUMN x int",
                    "SELECT * FROM flyway_schema_history")) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(forbidden), forbidden);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be")
                        || e.getMessage().contains("owner"), forbidden + ": " + e.getMessage());
            }
        }
    }

    @Test
    void theReportingRoleReadsTheReportingSchemaOnly() throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), EmbeddedDatabase.REPORTING, db.reportingPassword());
             Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM reporting.test_runs")) {
                assertTrue(rs.next());
            }
            for (String forbidden : List.of("SELECT * FROM users", "SELECT * FROM findings", "SELECT * FROM access_log",
                    "DELETE FROM reporting.test_runs", "CREATE TABLE reporting.x (y int)")) {
                SQLException e = assertThrows(SQLException.class, () -> s.execute(forbidden), forbidden);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("cannot delete"), forbidden + ": " + e.getMessage());
            }
        }
    }

    @Test
    void aSecondProcessJoinsWithThePasswords() throws Exception {
        // (one JVM here, so no release: the clients registry is per process id, and this one is the first's)
        EmbeddedDatabase second = new EmbeddedDatabase(home, new PrintStream(new ByteArrayOutputStream(), true)).acquire();
        assertFalse(second.startedHere(), "joined the running postmaster");
        assertEquals(db.port(), second.port());
        try (Connection c = DriverManager.getConnection(second.jdbcUrl(), second.username(), second.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM runs")) {
            assertTrue(rs.next());
        }
    }

    private record Result(int exit, String output) { }

    private static Result run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out");
        }
        return new Result(p.exitValue(), new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
