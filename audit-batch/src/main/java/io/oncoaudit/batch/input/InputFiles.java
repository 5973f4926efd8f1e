package io.oncoaudit.batch.input;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The data files behind one input path: the file itself, or the part files of a folder (names starting
 * with '.' or '_' are Spark/Hadoop bookkeeping and skipped), and their format (contract section 1:
 * "a path may be a file or a folder of part files").
 */
public record InputFiles(Path path, Format format, List<Path> files) {

    public enum Format { CSV, PARQUET }

    public static InputFiles of(String what, Path path) {
        if (!Files.exists(path)) throw new InputException(what + " '" + path + "' does not exist");
        if (!Files.isReadable(path)) throw new InputException(what + " '" + path + "' is not readable");
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                s.filter(Files::isRegularFile).filter(f -> isDataFile(path.relativize(f))).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new InputException(what + " folder '" + path + "' cannot be listed: " + e.getMessage(), e);
            }
            if (files.isEmpty()) throw new InputException(what + " folder '" + path + "' holds no data files");
        } else {
            files.add(path);
        }
        Format format = null;
        for (Path f : files) {
            if (!Files.isReadable(f)) throw new InputException(what + " file '" + f + "' is not readable");
            Format ff = detect(f);
            if (ff == null) {
                throw new InputException(what + " file '" + f + "': unknown format; use a .csv or .parquet file "
                        + "(or a folder of them)");
            }
            if (format != null && ff != format) {
                throw new InputException(what + " folder '" + path + "' mixes CSV and Parquet files ('" + f.getFileName()
                        + "'); keep one format per folder");
            }
            format = ff;
        }
        return new InputFiles(path, format, List.copyOf(files));
    }

    /** {@code relative}: the file's path below the input folder; hidden or bookkeeping names anywhere below are skipped. */
    private static boolean isDataFile(Path p) {
        for (Path part : p) {
            String n = part.toString();
            if (n.startsWith(".") || n.startsWith("_")) return false;
        }
        return true;
    }

    /** By extension; a part file without a known extension is recognised by the Parquet magic bytes. */
    static Format detect(Path f) {
        String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".parquet") || n.endsWith(".parq")) return Format.PARQUET;
        if (n.endsWith(".csv") || n.endsWith(".txt") || n.endsWith(".csv.gz")) return Format.CSV;
        try (InputStream in = Files.newInputStream(f)) {
            byte[] head = in.readNBytes(4);
            if (head.length == 4 && head[0] == 'P' && head[1] == 'A' && head[2] == 'R' && head[3] == '1') return Format.PARQUET;
        } catch (IOException e) {
            throw new InputException("file '" + f + "' is not readable: " + e.getMessage(), e);
        }
        return n.contains(".") ? null : Format.CSV;
    }

    /** The header record of a CSV file (RFC 4180, BOM skipped), names trimmed and lower-cased. */
    public static List<String> csvHeader(String what, Path f) {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = f.toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                     ? new java.util.zip.GZIPInputStream(raw) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            boolean quoted = false;
            boolean first = true;
            int c;
            while ((c = r.read()) != -1) {
                if (first) {
                    first = false;
                    if (c == '\uFEFF') continue;
                }
                if (quoted) {
                    if (c == '"') {
                        r.mark(1);
                        int n = r.read();
                        if (n == '"') cell.append('"');
                        else { quoted = false; if (n != -1) r.reset(); }
                    } else cell.append((char) c);
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    cells.add(cell.toString()); cell.setLength(0);
                } else if (c == '\n' || c == '\r') {
                    break;
                } else cell.append((char) c);
            }
            cells.add(cell.toString());
            List<String> names = new ArrayList<>();
            for (String s : cells) names.add(s.trim().toLowerCase(Locale.ROOT));
            if (names.size() == 1 && names.get(0).isEmpty()) {
                throw new InputException(what + " file '" + f + "' is empty: it needs a header row (contract section 1)");
            }
            return names;
        } catch (IOException e) {
            throw new InputException(what + " file '" + f + "' is not readable: " + e.getMessage(), e);
        }
    }

    /**
     * True when a quoted cell of the CSV file holds a line break (RFC 4180 allows it). Such a file must be read
     * in multi-line mode, by one task; any other file is read line by line, split across tasks. A byte scan
     * suffices: in UTF-8 the bytes of '"', CR and LF never occur inside a multi-byte character. A file with
     * broken quoting (an unterminated quote) is read line by line: see {@link QuoteScan} (issue 17).
     */
    public static boolean hasMultiLineCells(Path f) {
        try (InputStream raw = Files.newInputStream(f);
             InputStream in = new java.io.BufferedInputStream(f.toString().toLowerCase(Locale.ROOT).endsWith(".gz")
                     ? new java.util.zip.GZIPInputStream(raw) : raw, 1 << 16)) {
            return QuoteScan.scan(in) == QuoteScan.Result.MULTI_LINE;
        } catch (IOException e) {
            throw new InputException("file '" + f + "' is not readable: " + e.getMessage(), e);
        }
    }

    public long totalBytes() {
        long t = 0;
        for (Path f : files) {
            try { t += Files.size(f); } catch (IOException e) { /* size is only for progress estimates */ }
        }
        return t;
    }

    /** sha256 of a file's bytes, hex. */
    public static String sha256(Path f) {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new InputException("file '" + f + "' cannot be read for its checksum: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String sha256(String s) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
