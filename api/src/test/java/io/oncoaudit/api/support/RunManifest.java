package io.oncoaudit.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.load.RunDirectory;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes a run folder's manifest.json the way audit-batch does (issue 17): every file of the folder but
 * the manifest itself, with its sha256, bytes and (Parquet) rows. Test fixtures use it; integrity tests
 * alter folders after it.
 */
public final class RunManifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RunManifest() { }

    /** Adds the files list to {@code manifest}, writes manifest.json and returns the run id the loader derives. */
    public static String write(Path dir, ObjectNode manifest) throws Exception {
        manifest.set("files", files(dir));
        Files.writeString(dir.resolve("manifest.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest));
        return RunDirectory.open(dir, JSON).runId();
    }

    public static ArrayNode files(Path dir) throws Exception {
        ArrayNode out = JSON.createArrayNode();
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).filter(p -> !dir.relativize(p).toString().equals("manifest.json"))
                    .sorted().toList();
        }
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:")) {
            for (Path f : files) {
                ObjectNode o = out.addObject();
                o.put("path", dir.relativize(f).toString().replace('\\', '/'));
                o.put("sha256", sha256(f));
                o.put("bytes", Files.size(f));
                if (f.toString().endsWith(".parquet")) o.put("rows", parquetRows(duck, f));
            }
        }
        return out;
    }

    public static String sha256(Path f) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) >= 0) md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static long parquetRows(Connection duck, Path f) throws Exception {
        try (PreparedStatement ps = duck.prepareStatement("SELECT count(*) FROM read_parquet(?)")) {
            ps.setString(1, f.toAbsolutePath().toString());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
