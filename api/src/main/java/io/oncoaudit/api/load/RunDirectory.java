package io.oncoaudit.api.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * One audit run's output folder (team brief, "Audit run output layout"): manifest.json, summary.json,
 * findings/ and encounters/ Parquet. The run is identified by its fingerprint from the manifest
 * ({@code fingerprint}, else {@code runId}, which audit-batch computes as the fingerprint); a manifest
 * with neither falls back to a hash of the output files, never the folder name.
 */
public final class RunDirectory {
    private final Path dir;
    private final JsonNode manifest;
    private final String manifestText;
    private final String summaryText;

    private RunDirectory(Path dir, JsonNode manifest, String manifestText, String summaryText) {
        this.dir = dir;
        this.manifest = manifest;
        this.manifestText = manifestText;
        this.summaryText = summaryText;
    }

    public static RunDirectory open(Path dir, ObjectMapper json) {
        if (!Files.isDirectory(dir)) {
            throw new LoadException("run folder " + dir + " does not exist: pass the --out folder of an audit run");
        }
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.isRegularFile(manifestFile)) {
            throw new LoadException(manifestFile + " is missing: is " + dir + " the --out folder of a finished audit run?");
        }
        try {
            String manifestText = Files.readString(manifestFile);
            JsonNode manifest = json.readTree(manifestText);
            if (manifest == null || !manifest.isObject()) {
                throw new LoadException(manifestFile + " must hold a JSON object");
            }
            Path summaryFile = dir.resolve("summary.json");
            String summaryText = Files.isRegularFile(summaryFile) ? Files.readString(summaryFile) : null;
            if (summaryText != null) json.readTree(summaryText); // fail early on a broken summary
            return new RunDirectory(dir, manifest, manifestText, summaryText);
        } catch (IOException e) {
            throw new LoadException("cannot read " + manifestFile + " or summary.json: " + e.getMessage(), e);
        }
    }

    public Path dir() { return dir; }

    public String manifestText() { return manifestText; }

    public String summaryText() { return summaryText; }

    public String runId() {
        String id = text("run_id", "runId", "id");
        return id != null ? id : fingerprint().substring(0, 16);
    }

    private String fingerprint;

    public String fingerprint() {
        if (fingerprint == null) {
            // audit-batch's runId IS the run fingerprint (sha256 over input checksums, tables, fees, code version)
            String f = text("fingerprint", "runFingerprint", "run_fingerprint", "runId", "run_id");
            fingerprint = f != null ? f : "sha256-of-output:" + hashOfOutput();
        }
        return fingerprint;
    }

    public Path findingsDir() { return dir.resolve("findings"); }

    public Path encountersDir() { return dir.resolve("encounters"); }

    public static boolean hasParquet(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(RunDirectory::isParquet);
        } catch (IOException e) {
            throw new LoadException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }

    private static boolean isParquet(Path p) {
        return Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet");
    }

    private String text(String... keys) {
        for (String k : keys) {
            JsonNode n = manifest.get(k);
            if (n != null && n.isValueNode() && !n.asText().isBlank()) return n.asText();
        }
        return null;
    }

    /** sha256 over summary.json and every Parquet file, in relative-path order (content only, not the folder name). */
    private String hashOfOutput() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            List<Path> files;
            try (Stream<Path> all = Files.walk(dir)) {
                files = all.filter(p -> isParquet(p) || p.equals(dir.resolve("summary.json")))
                        .sorted().toList();
            }
            byte[] buf = new byte[1 << 16];
            for (Path f : files) {
                md.update(dir.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = new DigestInputStream(Files.newInputStream(f), md)) {
                    while (in.read(buf) >= 0) { /* digest */ }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LoadException("cannot fingerprint " + dir + ": " + e.getMessage(), e);
        }
    }
}
