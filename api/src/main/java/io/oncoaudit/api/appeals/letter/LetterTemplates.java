package io.oncoaudit.api.appeals.letter;

import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.appeals.AppealsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where each payer's letter template (Qute, XHTML) comes from: a template edited in the product (table
 * appeal_templates) wins over a file {@code <PAYER_ID>.html} in {@code oncoaudit.appeals.template-dir}, which wins over
 * the built-in default ({@code templates/appeals/letter.html}, checked against {@link LetterView} at build time).
 * {@link LetterComposer} renders them.
 */
@ApplicationScoped
public class LetterTemplates {
    public static final String DEFAULT_RESOURCE = "/templates/appeals/letter.html";
    /** The built-in template's id in the Qute engine. */
    public static final String BUILT_IN_ID = "appeals/letter.html";
    static final Pattern PAYER = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private final AgroalDataSource ds;
    private final AppealsConfig config;
    private final String builtIn;

    public LetterTemplates(AgroalDataSource ds, AppealsConfig config) {
        this.ds = ds;
        this.config = config;
        try (InputStream in = LetterTemplates.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) throw new IllegalStateException("the built-in letter template " + DEFAULT_RESOURCE + " is missing from the jar");
            this.builtIn = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template and where it came from: "database", "folder" or "built-in". */
    public record Template(String payerId, String source, String body, String updatedBy, OffsetDateTime updatedAt) { }

    public Template forPayer(String payerId) {
        if (payerId != null && PAYER.matcher(payerId).matches()) {
            Optional<Template> db = fromDatabase(payerId);
            if (db.isPresent()) return db.get();
            Optional<Template> file = fromFolder(payerId);
            if (file.isPresent()) return file.get();
        }
        return new Template(payerId, "built-in", builtIn, null, null);
    }

    public String builtIn() { return builtIn; }

    /** The payers with their own template, from the database and the folder. */
    public List<Template> overrides() {
        List<Template> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT payer_id, body, updated_by, updated_at FROM appeal_templates ORDER BY payer_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(new Template(rs.getString(1), "database", rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)));
        } catch (SQLException e) {
            throw new IllegalStateException("template query failed: " + e.getMessage(), e);
        }
        config.templateDir().filter(Files::isDirectory).ifPresent(dir -> {
            try (var files = Files.list(dir)) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".html")).sorted().forEach(n -> {
                    String payer = n.substring(0, n.length() - 5);
                    if (PAYER.matcher(payer).matches() && out.stream().noneMatch(t -> t.payerId().equalsIgnoreCase(payer))) {
                        fromFolder(payer).ifPresent(out::add);
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list the template folder " + dir + ": " + e.getMessage(), e);
            }
        });
        return out;
    }

    public void save(String payerId, String body, String user) {
        checkPayer(payerId);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO appeal_templates (payer_id, body, updated_by, updated_at) VALUES (?, ?, ?, now())
                ON CONFLICT (payer_id) DO UPDATE SET body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()""")) {
            ps.setString(1, payerId);
            ps.setString(2, body);
            ps.setString(3, user);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("template save failed: " + e.getMessage(), e);
        }
    }

    public boolean delete(String payerId) {
        checkPayer(payerId);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("DELETE FROM appeal_templates WHERE payer_id = ?")) {
            ps.setString(1, payerId);
            return ps.executeUpdate() > 0;
        } catch (SQLException e) {
            throw new IllegalStateException("template delete failed: " + e.getMessage(), e);
        }
    }

    static void checkPayer(String payerId) {
        if (payerId == null || !PAYER.matcher(payerId).matches()) {
            throw new IllegalArgumentException("payerId: use 1-100 letters, digits or . _ - (the payer key, e.g. MEDICARE)");
        }
    }

    private Optional<Template> fromDatabase(String payerId) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT payer_id, body, updated_by, updated_at FROM appeal_templates WHERE payer_id = ?")) {
            ps.setString(1, payerId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next()
                        ? Optional.of(new Template(rs.getString(1), "database", rs.getString(2), rs.getString(3), rs.getObject(4, OffsetDateTime.class)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("template query failed: " + e.getMessage(), e);
        }
    }

    private Optional<Template> fromFolder(String payerId) {
        Optional<Path> dir = config.templateDir();
        if (dir.isEmpty()) return Optional.empty();
        Path file = dir.get().resolve(payerId + ".html");
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            // a file written before letters moved to Qute is converted as migration V40 converted the stored templates
            return Optional.of(new Template(payerId, "folder", LegacyPlaceholders.convert(Files.readString(file, StandardCharsets.UTF_8)), null, null));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the letter template " + file + ": " + e.getMessage(), e);
        }
    }
}
