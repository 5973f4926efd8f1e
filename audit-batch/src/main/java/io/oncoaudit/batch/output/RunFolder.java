package io.oncoaudit.batch.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The output folder of a run, written atomically: everything goes to DIR/.tmp-UUID/ first and is moved
 * into place only when complete, summary.json last, so a folder with summary.json is a complete run and
 * an interrupted run leaves only a hidden .tmp-* folder (removed by the next run).
 */
public final class RunFolder {
    public static final String SUMMARY = "summary.json";
    public static final String MANIFEST = "manifest.json";
    private final Path dir;
    private final Path tmp;

    public RunFolder(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.dir);
            try (DirectoryStream<Path> old = Files.newDirectoryStream(this.dir, ".tmp-*")) {
                for (Path p : old) deleteRecursively(p);
            }
            this.tmp = Files.createDirectory(this.dir.resolve(".tmp-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new UncheckedIOException("output folder '" + dir + "' cannot be prepared: " + e.getMessage(), e);
        }
    }

    public Path dir() { return dir; }

    public Path tmp() { return tmp; }

    /**
     * Every file the run writes, for manifest.json (issue 17): a JSON array of {path, sha256, bytes, rows},
     * one per regular file under the temporary folder except manifest.json itself, sorted by path ('/'
     * separated, relative to the run folder). Generic on purpose: whatever a later change writes into the
     * folder before the manifest is covered, and {@code load} refuses a missing, extra or changed file.
     * rows: the record count of a Parquet file (its footer) or a CSV file (records after the header).
     */
    public String manifestFiles() {
        try (Stream<Path> all = Files.walk(tmp)) {
            List<Path> files = all.filter(Files::isRegularFile)
                    .filter(f -> !tmp.relativize(f).toString().equals(MANIFEST))
                    .sorted(Comparator.comparing(f -> relative(f))).toList();
            StringBuilder b = new StringBuilder("[");
            for (Path f : files) {
                if (b.length() > 1) b.append(",\n    ");
                Json.ObjectWriter o = Json.object().field("path", relative(f))
                        .field("sha256", io.oncoaudit.batch.input.InputFiles.sha256(f)).field("bytes", Files.size(f));
                Long rows = OutputRows.count(f);
                if (rows != null) o.field("rows", rows.longValue());
                b.append(o);
            }
            return b.append(']').toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the run's files in '" + tmp + "': " + e.getMessage(), e);
        }
    }

    private String relative(Path f) {
        return tmp.relativize(f).toString().replace(java.io.File.separatorChar, '/');
    }

    /** Moves every entry of the temporary folder into place (whatever the run wrote), summary.json last. */
    public void publishAll() {
        try (Stream<Path> entries = Files.list(tmp)) {
            publish(entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(SUMMARY)).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list '" + tmp + "': " + e.getMessage(), e);
        }
    }

    /** Moves the named entries of the temporary folder into place, replacing an earlier run; summary.json last. */
    public void publish(List<String> entries) {
        try {
            Files.deleteIfExists(dir.resolve(SUMMARY));
            for (String e : entries) move(e);
            move(SUMMARY);
            deleteRecursively(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the run into '" + dir + "': " + e.getMessage(), e);
        }
    }

    private void move(String name) throws IOException {
        Path target = dir.resolve(name);
        if (Files.exists(target)) deleteRecursively(target);
        try {
            Files.move(tmp.resolve(name), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp.resolve(name), target);
        }
    }

    /** Best effort after a failure: nothing half-written stays behind. */
    public void discard() {
        try {
            deleteRecursively(tmp);
        } catch (IOException | UncheckedIOException ignored) {
            // the next run removes stale .tmp-* folders
        }
    }

    public static void deleteRecursively(Path p) throws IOException {
        if (!Files.exists(p)) return;
        try (Stream<Path> s = Files.walk(p)) {
            for (Path x : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(x);
        }
    }
}
