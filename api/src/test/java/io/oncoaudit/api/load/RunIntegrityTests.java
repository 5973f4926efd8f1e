package io.oncoaudit.api.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.RunManifest;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Issue 17, hole 2: a run loads whole or not at all. Seen failing before the fix: the folder with a
 * deleted findings file loaded (exit 0) and then blocked the complete run as "already loaded"; the copy
 * with one amount x1000 loaded under the genuine run's id.
 */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class RunIntegrityTests {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PrintStream LOG = new PrintStream(System.err, true);

    @Inject
    RunLoader loader;

    @Inject
    AgroalDataSource ds;

    @Test
    void aRunWithAMissingFindingsFileIsRefusedAndTheCompleteRunStillLoads() throws Exception {
        RunFixture.Run run = fixture("integrity-missing");
        Path copy = copy(run.dir());
        Path gone = firstParquet(copy.resolve("findings"));
        Files.delete(gone);
        long before = count("runs");
        LoadException e = assertThrows(LoadException.class, () -> loader.load(copy, "test", LOG));
        assertTrue(e.getMessage().contains(copy.relativize(gone).toString()) && e.getMessage().contains("missing"), e.getMessage());
        assertEquals(before, count("runs"), "nothing was written");
        LoadResult genuine = loader.load(run.dir(), "test", LOG);
        assertFalse(genuine.alreadyLoaded(), "the incomplete copy does not block the genuine run");
        assertEquals(run.findings().size(), genuine.findings());
        assertEquals(run.runId(), genuine.runId());
    }

    @Test
    void anAlteredAmountIsRefusedNamingTheFile() throws Exception {
        RunFixture.Run run = fixture("integrity-changed");
        Path copy = copy(run.dir());
        Path file = firstParquet(copy.resolve("findings"));
        multiplyAmounts(file, 1000);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(copy, "test", LOG));
        assertTrue(e.getMessage().contains(copy.relativize(file).toString()) && e.getMessage().contains("changed"), e.getMessage());
    }

    @Test
    void anAlteredCopyWithARewrittenManifestGetsItsOwnIdAndNeverTakesTheGenuineOne() throws Exception {
        RunFixture.Run run = fixture("integrity-forged");
        Path copy = copy(run.dir());
        multiplyAmounts(firstParquet(copy.resolve("findings")), 1000);
        ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readString(copy.resolve("manifest.json")));
        String forgedId = RunManifest.write(copy, manifest); // the forger recomputes every hash
        LoadResult forged = loader.load(copy, "test", LOG);
        assertFalse(forged.alreadyLoaded());
        assertEquals(forgedId, forged.runId());
        assertNotEquals(run.runId(), forged.runId(), "altered content is another run");
        LoadResult genuine = loader.load(run.dir(), "test", LOG);
        assertFalse(genuine.alreadyLoaded(), "the forged copy loaded first does not block the genuine run");
        assertEquals(run.runId(), genuine.runId());
        assertTrue(loader.load(run.dir(), "test", LOG).alreadyLoaded(), "loading again stays idempotent");
    }

    @Test
    void anExtraFileOrAWrongRowCountIsRefused() throws Exception {
        RunFixture.Run run = fixture("integrity-extra");
        Path copy = copy(run.dir());
        Path extra = copy.resolve("findings/payer_id=UHC/extra.parquet");
        Files.createDirectories(extra.getParent());
        Files.copy(firstParquet(copy.resolve("findings")), extra);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(copy, "test", LOG));
        assertTrue(e.getMessage().contains("findings/payer_id=UHC/extra.parquet") && e.getMessage().contains("not listed"), e.getMessage());

        Path rows = copy(run.dir());
        ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readString(rows.resolve("manifest.json")));
        for (var f : manifest.withArray("files")) {
            if (f.get("path").asText().endsWith(".parquet")) {
                ((ObjectNode) f).put("rows", f.get("rows").asLong() + 1);
                break;
            }
        }
        Files.writeString(rows.resolve("manifest.json"), JSON.writeValueAsString(manifest));
        LoadException r = assertThrows(LoadException.class, () -> loader.load(rows, "test", LOG));
        assertTrue(r.getMessage().contains("rows"), r.getMessage());

        Path old = copy(run.dir());
        ObjectNode noFiles = (ObjectNode) JSON.readTree(Files.readString(old.resolve("manifest.json")));
        noFiles.remove("files");
        Files.writeString(old.resolve("manifest.json"), JSON.writeValueAsString(noFiles));
        LoadException o = assertThrows(LoadException.class, () -> loader.load(old, "test", LOG));
        assertTrue(o.getMessage().contains("lists no files"), o.getMessage());
    }

    private static RunFixture.Run fixture(String name) throws Exception {
        Path dir = Files.createTempDirectory("oncoaudit-" + name);
        return RunFixture.write(dir, name + "-" + UUID.randomUUID().toString().substring(0, 8), "fp-" + name, 40, 5);
    }

    private static void multiplyAmounts(Path parquet, int factor) throws Exception {
        Path tmp = parquet.resolveSibling("altered.tmp");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("COPY (SELECT * REPLACE (amount * " + factor + " AS amount) FROM read_parquet('" + parquet
                    + "', hive_partitioning = false)) TO '" + tmp + "' (FORMAT PARQUET)");
        }
        Files.move(tmp, parquet, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path firstParquet(Path folder) throws Exception {
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(p -> p.toString().endsWith(".parquet")).sorted().findFirst().orElseThrow();
        }
    }

    private static Path copy(Path from) throws Exception {
        Path to = Files.createTempDirectory("oncoaudit-copy");
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return to;
    }

    private long count(String table) throws Exception {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

}
