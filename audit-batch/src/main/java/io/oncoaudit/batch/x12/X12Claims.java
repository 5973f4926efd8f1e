package io.oncoaudit.batch.x12;

import io.oncoaudit.batch.input.InputException;
import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Json;
import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * {@code --claims P} given as X12 837P / 837I (contract section 11): recognised by content (an ISA header),
 * whatever the file names. The claims stream through {@link Claim837Reader} into one claim_lines CSV (the
 * contract's columns plus {@code x12_file} and {@code x12_segment}, the LX position of each line) that the audit
 * then reads like any extract, so an 837 gives the same audit as the equivalent CSV. Unreadable segments and
 * claims are collected as rejects (file, segment position, reason).
 */
public final class X12Claims {
    public static final List<String> EXTRA_COLUMNS = List.of("x12_file", "x12_segment");

    /** The converted extract and what reading the 837s found. */
    public record Converted(Path folder, Path csv, List<Path> sources, long transactions, long claims, long lines,
                            long rejectedClaims, List<RemitRecord.Reject> rejects) {
        public String toJson() {
            return Json.object().field("files", sources.size()).field("transactions", transactions)
                    .field("claims", claims).field("lines", lines).field("rejectedSegments", rejects.size())
                    .field("rejectedClaims", rejectedClaims).toString();
        }
    }

    private X12Claims() { }

    /** True when {@code path} (a file, or every visible file of a folder) is X12; a folder mixing X12 and other files is an error. */
    public static boolean isX12(Path path) {
        if (!Files.exists(path)) return false;
        List<Path> files = files(path);
        List<String> x12 = new ArrayList<>(), other = new ArrayList<>();
        for (Path f : files) (X12Reader.isX12(f) ? x12 : other).add(f.getFileName().toString());
        if (x12.isEmpty()) return false;
        if (!other.isEmpty()) {
            throw new InputException("claims folder '" + path + "' mixes X12 files (" + String.join(", ", x12)
                    + ") with other files (" + String.join(", ", other) + "); keep one format per folder");
        }
        return true;
    }

    private static List<Path> files(Path path) {
        if (!Files.isDirectory(path)) return List.of(path);
        try (Stream<Path> s = Files.walk(path)) {
            return s.filter(Files::isRegularFile).filter(f -> {
                for (Path part : path.relativize(f)) {
                    String n = part.toString();
                    if (n.startsWith(".") || n.startsWith("_")) return false;
                }
                return true;
            }).sorted().toList();
        } catch (IOException e) {
            throw new InputException("claims folder '" + path + "' cannot be listed: " + e.getMessage(), e);
        }
    }

    /** Converts every 837 under {@code path} into {@code workDir/.x12-claims-<uuid>/claim_lines.csv}. */
    public static Converted convert(Path path, Path workDir) {
        List<Path> sources = files(path);
        try {
            Files.createDirectories(workDir);
            Path folder = Files.createDirectory(workDir.resolve(".x12-claims-" + UUID.randomUUID()));
            Path csv = folder.resolve("claim_lines.csv");
            List<RemitRecord.Reject> rejects = new ArrayList<>();
            long transactions = 0, claims = 0, lines = 0, rejectedClaims = 0;
            List<String> header = new ArrayList<>(Table.CLAIM_LINES.names());
            header.addAll(EXTRA_COLUMNS);
            try (BufferedWriter w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                w.write(String.join(",", header));
                w.write('\n');
                for (Path f : sources) {
                    String name = f.toAbsolutePath().toString();
                    Claim837Reader reader = new Claim837Reader(name, new Claim837Reader.Sink() {
                        @Override
                        public void claim(List<Map<String, String>> rows) {
                            try {
                                for (Map<String, String> r : rows) {
                                    for (int i = 0; i < header.size(); i++) {
                                        if (i > 0) w.write(',');
                                        String v = r.get(header.get(i));
                                        if (v != null) w.write(cell(v));
                                    }
                                    w.write('\n');
                                }
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }

                        @Override
                        public void reject(int position, String tag, String claimId, String reason, String segment) {
                            rejects.add(new RemitRecord.Reject(name, position, tag, claimId, reason, segment));
                        }
                    });
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
                        X12Reader.read(in, reader);
                    }
                    reader.end();
                    transactions += reader.transactions;
                    claims += reader.claims;
                    lines += reader.lines;
                    rejectedClaims += reader.rejectedClaims;
                }
            }
            return new Converted(folder, csv, sources, transactions, claims, lines, rejectedClaims, List.copyOf(rejects));
        } catch (IOException e) {
            throw new InputException("claims '" + path + "' cannot be read as X12: " + e.getMessage(), e);
        }
    }

    static String cell(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
