package io.oncoaudit.api.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collection;

/**
 * Writes the access trail of patient-level reads. One row per claim shown (a findings page writes one
 * row per distinct claim, in one batch); an export writes one row naming its filter and row count.
 * A read whose trail cannot be written fails, so no patient data leaves without its row.
 */
@ApplicationScoped
public class AccessLog {
    private final AgroalDataSource ds;

    public AccessLog(AgroalDataSource ds) {
        this.ds = ds;
    }

    public void claims(String username, String action, Collection<String> claimIds, String detail) {
        if (claimIds.isEmpty()) return;
        write(username, action, claimIds, detail);
    }

    public void event(String username, String action, String detail) {
        write(username, action, java.util.Collections.singletonList(null), detail);
    }

    private void write(String username, String action, Collection<String> claimIds, String detail) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        String d = detail != null && detail.length() > 2000 ? detail.substring(0, 2000) : detail;
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO access_log (at, username, action, claim_id, detail) VALUES (?, ?, ?, ?, ?)")) {
            for (String claim : claimIds) {
                ps.setTimestamp(1, now);
                ps.setString(2, username);
                ps.setString(3, action);
                ps.setString(4, claim);
                ps.setString(5, d);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the access log: " + e.getMessage(), e);
        }
    }
}
