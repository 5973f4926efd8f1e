package io.oncoaudit.batch.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.batch.BatchCli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One generated extract audited in local mode and on a two-worker standalone cluster started by
 * infra/spark/start-cluster.sh from the project's own jars: the summaries must be identical (issue 4, section 2).
 * Runs in {@code verify} (failsafe), after {@code package} has built the job jar and target/lib.
 */
class StandaloneClusterIT {
    @TempDir
    Path tmp;

    private static final Path MODULE = Path.of(System.getProperty("oncoaudit.module.dir", ".")).toAbsolutePath().normalize();
    private static final Path ROOT = MODULE.getParent();

    @Test
    void localAndTwoWorkerClusterGiveIdenticalSummaries() throws Exception {
        Path data = tmp.resolve("extract");
        assertEquals(0, cli("generate", "--encounters", "400", "--out", data.toString(), "--seed", "3", "--error-rate", "0.3",
                "--part-size", "150"));
        // a bad row too, so rejects travel through the cluster as well
        Files.writeString(data.resolve("claim_lines/part-00009.csv"), String.join(",",
                io.oncoaudit.batch.input.Table.CLAIM_LINES.names()) + "\r\nBAD-1,x,P1,2026-01-05,1234567893,,,MEDICARE,,11,96372,,1,,C50.911,10.00,,,,\r\n");

        Map<String, String> env = Map.of(
                "SPARK_MASTER_PORT", Integer.toString(freePort()),
                "SPARK_MASTER_WEBUI_PORT", Integer.toString(freePort()),
                "SPARK_WORKER_WEBUI_PORT", Integer.toString(freePort()),
                "ONCOAUDIT_SPARK_STATE", tmp.resolve("spark").toString(),
                "ONCOAUDIT_DRIVER_HEAP", "768m");
        Path startLog = tmp.resolve("start.log");
        int started = script(env, startLog, 180, "infra/spark/start-cluster.sh");
        try {
            assertEquals(0, started, Files.readString(startLog));
            String master = Files.readString(startLog).lines().filter(l -> l.startsWith("spark://")).findFirst().orElseThrow();
            Path submitLog = tmp.resolve("submit.log");
            int rc = script(env, submitLog, 600, "infra/spark/submit.sh", "audit",
                    "--claims", data.resolve("claim_lines").toString(),
                    "--administrations", data.resolve("administrations").toString(),
                    "--out", tmp.resolve("run-cluster").toString());
            assertEquals(0, rc, Files.readString(submitLog));
            String manifest = Files.readString(tmp.resolve("run-cluster/manifest.json"));
            assertTrue(manifest.contains("\"master\":\"" + master + "\""), manifest);
        } finally {
            script(env, tmp.resolve("stop.log"), 60, "infra/spark/stop-cluster.sh");
        }

        assertEquals(0, cli("audit", "--claims", data.resolve("claim_lines").toString(),
                "--administrations", data.resolve("administrations").toString(),
                "--out", tmp.resolve("run-local").toString(), "--master", "local[2]"));

        String local = Files.readString(tmp.resolve("run-local/summary.json"));
        assertEquals(local, Files.readString(tmp.resolve("run-cluster/summary.json")));
        assertTrue(local.contains("\"encounters\": 400"), local);
        assertTrue(local.contains("\"rejectedRows\": 1"), local);
    }

    private static int cli(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = BatchCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        if (rc != 0) System.err.println(err.toString(StandardCharsets.UTF_8));
        return rc;
    }

    private static int script(Map<String, String> env, Path log, long timeoutSeconds, String script, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("bash", ROOT.resolve(script).toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(ROOT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
