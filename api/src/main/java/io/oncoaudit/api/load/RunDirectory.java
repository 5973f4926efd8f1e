package io.oncoaudit.api.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One audit run's output folder (team brief, "Audit run output layout"): manifest.json, summary.json,
 * findings/ and encounters/ Parquet, rejects, and whatever else the audit wrote.
 *
 * <p>Integrity (issue 17): manifest.json lists every file of the run with its sha256 (and the row count
 * of each Parquet file). {@link #open} checks the folder against that list before anything is loaded:
 * a listed file that is missing, a file that is not listed, or a file whose sha256 differs is refused
 * with an error naming the file. The run's identity is derived from that verified content: its
 * {@link #fingerprint()} is the sha256 over the sorted list of (path, sha256, rows), and its
 * {@link #runId()} the first 32 hex digits of it. An altered copy therefore has another id and can
 * neither take a genuine run's id nor block its load; the same content from any folder is the same run.
 * The audit's own input fingerprint stays in the stored manifest ({@code runId} there).
 */
public final class RunDirectory {
    public static final String MANIFEST = "manifest.json";
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** One verified file of the run: path relative to the run folder ('/' separated), sha256, rows (null if none). */
    public record RunFile(String path, String sha256, Long rows) { }

    private final Path dir;
    private final String manifestText;
    private final String summaryText;
    private final List<RunFile> files;
    private final String fingerprint;

    private RunDirectory(Path dir, String manifestText, String summaryText, List<RunFile> files, String fingerprint) {
        this.dir = dir;
        this.manifestText = manifestText;
        this.summaryText = summaryText;
        this.files = files;
        this.fingerprint = fingerprint;
    }

    /** Reads manifest.json and verifies every file of the folder against it; throws a LoadException naming the first bad file. */
    public static RunDirectory open(Path dir, ObjectMapper json) {
        if (!Files.isDirectory(dir)) {
            throw new LoadException("run folder " + dir + " does not exist: pass the --out folder of an audit run");
        }
        Path manifestFile = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile, LinkOption.NOFOLLOW_LINKS)) {
            throw new LoadException(manifestFile + " is missing: is " + dir + " the --out folder of a finished audit run?");
        }
        String manifestText;
        JsonNode manifest;
        try {
            manifestText = Files.readString(manifestFile);
            manifest = json.readTree(manifestText);
        } catch (IOException e) {
            throw new LoadException("cannot read " + manifestFile + ": " + e.getMessage(), e);
        }
        if (manifest == null || !manifest.isObject()) {
            throw new LoadException(manifestFile + " must hold a JSON object");
        }
        Map<String, RunFile> listed = listed(manifestFile, manifest);
        verify(dir, listed);
        if (!listed.containsKey("summary.json")) {
            throw new LoadException("run folder " + dir + ": summary.json is not listed in manifest.json; the run is incomplete");
        }
        String summaryText;
        try {
            summaryText = Files.readString(dir.resolve("summary.json"));
            json.readTree(summaryText); // fail early on a broken summary
        } catch (IOException e) {
            throw new LoadException("cannot read " + dir.resolve("summary.json") + ": " + e.getMessage(), e);
        }
        List<RunFile> files = new ArrayList<>(listed.values());
        return new RunDirectory(dir, manifestText, summaryText, List.copyOf(files), contentHash(files));
    }

    /** The manifest's files list, checked for shape; the key is the relative path. */
    private static Map<String, RunFile> listed(Path manifestFile, JsonNode manifest) {
        JsonNode files = manifest.get("files");
        if (files == null || !files.isArray() || files.isEmpty()) {
            throw new LoadException(manifestFile + " lists no files (\"files\"): the run was written by an older audit"
                    + " or altered; re-run the audit with this version so its output can be verified");
        }
        Map<String, RunFile> out = new LinkedHashMap<>();
        int i = 0;
        for (JsonNode f : files) {
            String where = manifestFile + ": files[" + i++ + "]";
            String path = f.path("path").asText("");
            String sha = f.path("sha256").asText("");
            if (path.isEmpty() || path.startsWith("/") || path.contains("\\") || path.contains("\0")
                    || List.of(path.split("/")).stream().anyMatch(s -> s.isEmpty() || s.equals(".") || s.equals(".."))) {
                throw new LoadException(where + ": path '" + path + "' must be a relative path inside the run folder");
            }
            if (path.equals(MANIFEST)) throw new LoadException(where + ": manifest.json cannot list itself");
            if (!SHA256.matcher(sha).matches()) throw new LoadException(where + " (" + path + "): sha256 must be 64 lowercase hex digits");
            JsonNode rows = f.get("rows");
            Long n = null;
            if (rows != null && !rows.isNull()) {
                if (!rows.canConvertToLong() || rows.asLong() < 0) throw new LoadException(where + " (" + path + "): rows must be a count");
                n = rows.asLong();
            }
            if (out.put(path, new RunFile(path, sha, n)) != null) throw new LoadException(where + ": " + path + " is listed twice");
        }
        return out;
    }

    /** Every file on disk is listed, every listed file is on disk, and each has its listed sha256. */
    private static void verify(Path dir, Map<String, RunFile> listed) {
        TreeSet<String> onDisk = new TreeSet<>();
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                if (p.equals(dir) || Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) continue;
                String rel = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                if (rel.equals(MANIFEST)) continue;
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new LoadException("run folder " + dir + ": " + rel + " is not a regular file (a link?); refused");
                }
                onDisk.add(rel);
            }
        } catch (IOException e) {
            throw new LoadException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        for (String path : listed.keySet()) {
            if (!onDisk.contains(path)) {
                throw new LoadException("run folder " + dir + ": " + path + " is listed in manifest.json but missing;"
                        + " the run is incomplete and was not loaded");
            }
        }
        for (String path : onDisk) {
            if (!listed.containsKey(path)) {
                throw new LoadException("run folder " + dir + ": " + path + " is not listed in manifest.json (an extra"
                        + " or foreign file); the run was not loaded");
            }
        }
        for (RunFile f : listed.values()) {
            String actual = sha256(dir.resolve(f.path()));
            if (!actual.equals(f.sha256())) {
                throw new LoadException("run folder " + dir + ": " + f.path() + " has changed since the audit wrote it"
                        + " (sha256 " + actual + ", manifest.json says " + f.sha256() + "); the run was not loaded");
            }
        }
    }

    /** sha256 over the verified files list, sorted by path: the run's identity. */
    static String contentHash(List<RunFile> files) {
        StringBuilder b = new StringBuilder("oncoaudit-run-v1\n");
        files.stream().sorted(java.util.Comparator.comparing(RunFile::path)).forEach(f ->
                b.append(f.path()).append('\t').append(f.sha256()).append('\t').append(f.rows() == null ? "" : f.rows()).append('\n'));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new LoadException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    public Path dir() { return dir; }

    public String manifestText() { return manifestText; }

    public String summaryText() { return summaryText; }

    /** The verified files, in manifest order. */
    public List<RunFile> files() { return files; }

    /** The run's id: the first 32 hex digits of its content fingerprint. */
    public String runId() { return fingerprint.substring(0, 32); }

    /** sha256 over the verified files list (path, sha256, rows): the same content is the same run. */
    public String fingerprint() { return fingerprint; }

    /** Listed Parquet files under a sub-folder (e.g. "findings") with a row count. */
    public List<RunFile> parquetFiles(String folder) {
        return files.stream().filter(f -> f.path().startsWith(folder + "/") && f.path().endsWith(".parquet")).toList();
    }

    public Path findingsDir() { return dir.resolve("findings"); }

    public Path encountersDir() { return dir.resolve("encounters"); }

    public static boolean hasParquet(Path folder) {
        if (!Files.isDirectory(folder)) return false;
        try (Stream<Path> files = Files.walk(folder)) {
            return files.anyMatch(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".parquet"));
        } catch (IOException e) {
            throw new LoadException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
