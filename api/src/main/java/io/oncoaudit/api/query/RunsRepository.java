package io.oncoaudit.api.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Loaded runs: the list and one run with its manifest and summary.json. */
@ApplicationScoped
public class RunsRepository {
    private static final String COLUMNS = "id, run_id, fingerprint, source_dir, loaded_at, loaded_by, findings_count, encounters_count, load_millis,"
            + " (manifest -> 'tableVersions')::text, manifest ->> 'tablesAsOf'";

    private final AgroalDataSource ds;
    private final ObjectMapper json;

    public RunsRepository(AgroalDataSource ds, ObjectMapper json) {
        this.ds = ds;
        this.json = json;
    }

    public List<ObjectNode> list() {
        List<ObjectNode> out = new ArrayList<>();
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM runs ORDER BY id DESC");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(run(rs));
        } catch (SQLException e) {
            throw new IllegalStateException("runs query failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** By run id (the newest load of it) or by fingerprint. */
    public Optional<ObjectNode> find(String runIdOrFingerprint) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", manifest::text, summary::text FROM runs"
                     + " WHERE run_id = ? OR fingerprint = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, runIdOrFingerprint);
            ps.setString(2, runIdOrFingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                ObjectNode run = run(rs);
                run.set("manifest", json.readTree(rs.getString(12)));
                String summary = rs.getString(13);
                run.set("summary", summary == null ? json.nullNode() : json.readTree(summary));
                return Optional.of(run);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("run query failed: " + e.getMessage(), e);
        }
    }

    private ObjectNode run(ResultSet rs) throws SQLException {
        ObjectNode n = json.createObjectNode();
        n.put("runId", rs.getString(2));
        n.put("fingerprint", rs.getString(3));
        n.put("sourceDir", rs.getString(4));
        n.put("loadedAt", rs.getObject(5, java.time.OffsetDateTime.class).toString());
        n.put("loadedBy", rs.getString(6));
        n.put("findings", rs.getLong(7));
        n.put("encounters", rs.getLong(8));
        long ms = rs.getLong(9);
        if (!rs.wasNull()) n.put("loadMillis", ms);
        tableVersions(n, rs.getString(10), rs.getString(11));
        return n;
    }

    /**
     * Issue 14: the reference tables the run was priced on (the manifest's {@code tableVersions}: table version ->
     * where it came from, e.g. "ASP 2025-10" -> "shipped ..."), and {@code tablesAsOf} when the audit priced every
     * line as of one date; a run written before them has neither (an empty object, null).
     */
    private void tableVersions(ObjectNode n, String versions, String asOf) throws SQLException {
        try {
            com.fasterxml.jackson.databind.JsonNode v = versions == null ? null : json.readTree(versions);
            n.set("tableVersions", v != null && v.isObject() ? v : json.createObjectNode());
        } catch (IOException e) {
            throw new SQLException("manifest tableVersions is not JSON: " + e.getMessage(), e);
        }
        n.put("tablesAsOf", asOf);
    }
}
