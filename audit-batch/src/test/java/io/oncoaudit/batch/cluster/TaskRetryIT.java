package io.oncoaudit.batch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.BatchCli;
import io.oncoaudit.batch.spark.FailOnceLocalFileSystem;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that fails after writing its encounters file is run again by Spark: the run must publish each
 * encounter once (the failed attempt's complete-looking file is left out) and give the same summary as a
 * run without failure. Spark in local mode retries only with {@code local[N,F]}.
 */
class TaskRetryIT {
    @TempDir
    Path tmp;

    @Test
    void aFailedTaskAttemptPublishesNothingTwice() throws Exception {
        Path data = tmp.resolve("extract");
        assertEquals(0, cli(new StringBuilder(), "generate", "--encounters", "300", "--out", data.toString(), "--seed", "9",
                "--error-rate", "0.3"));
        String[] audit = {"audit", "--claims", data.resolve("claim_lines").toString(),
                "--administrations", data.resolve("administrations").toString()};
        assertEquals(0, cli(new StringBuilder(), concat(audit, "--out", tmp.resolve("run-clean").toString(), "--master", "local[2]")));

        Path marker = tmp.resolve("failed-once");
        StringBuilder err = new StringBuilder();
        FileSystem.closeAll(); // the cached file system of the first run must not be reused
        System.setProperty("spark.hadoop.fs.file.impl", FailOnceLocalFileSystem.class.getName());
        System.setProperty("oncoaudit.test.failOnce.under", "/_attempts/encounters/");
        System.setProperty("oncoaudit.test.failOnce.marker", marker.toString());
        int rc;
        try {
            rc = cli(err, concat(audit, "--out", tmp.resolve("run-retry").toString(), "--master", "local[2,3]"));
        } finally {
            System.clearProperty("spark.hadoop.fs.file.impl");
            System.clearProperty("oncoaudit.test.failOnce.under");
            System.clearProperty("oncoaudit.test.failOnce.marker");
            FileSystem.closeAll();
        }
        assertEquals(0, rc, err.toString());
        assertTrue(Files.exists(marker), "no task failure was injected");

        assertEquals(Files.readString(tmp.resolve("run-clean/summary.json")), Files.readString(tmp.resolve("run-retry/summary.json")));
        List<String> claims = encounterClaimIds(tmp.resolve("run-retry/encounters"));
        assertEquals(300, claims.size(), "encounters published");
        Set<String> distinct = new HashSet<>(claims);
        assertEquals(claims.size(), distinct.size(), "an encounter was published twice");
        try (Stream<Path> s = Files.list(tmp.resolve("run-retry"))) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith("_") || p.getFileName().toString().startsWith(".tmp")));
        }
    }

    private static List<String> encounterClaimIds(Path folder) throws Exception {
        List<String> ids = new java.util.ArrayList<>();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.toString().endsWith(".parquet")).toList();
        }
        for (Path f : files) {
            try (ParquetReader<Group> r = ParquetReader.builder(new GroupReadSupport(), new org.apache.hadoop.fs.Path(f.toUri()))
                    .withConf(new Configuration()).build()) {
                for (Group g = r.read(); g != null; g = r.read()) ids.add(g.getString("claim_id", 0));
            }
        }
        return ids;
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    private static int cli(StringBuilder errText, String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BatchCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        errText.append(err.toString(StandardCharsets.UTF_8));
        if (rc != 0) System.err.println(errText);
        return rc;
    }
}
