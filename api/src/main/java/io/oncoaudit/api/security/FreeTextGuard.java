package io.oncoaudit.api.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Issue 17: free text that people write (campaign names, claim notes, dismissal reasons) is shown to the
 * finance role, which never sees patient identifiers. So such text is refused on write, with a 400
 * naming the field, when it holds a patient id of a loaded run, or (once the encounters carry the
 * optional {@code patient_name} column) a patient's name ("LAST, FIRST": both parts as words, any order,
 * any case). Refusing on write keeps the stored text clean for every reader, exports included.
 * Limitation: text written before the run holding that patient was loaded is not re-checked.
 */
@ApplicationScoped
public class FreeTextGuard {
    private static final int MAX_TOKENS = 1000;
    private final AgroalDataSource ds;
    private volatile Boolean hasPatientNames;

    public FreeTextGuard(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Throws IllegalArgumentException("field: ...") (a 400 naming the field) when {@code text} names a patient. */
    public void check(String field, String text) {
        if (text == null || text.isBlank()) return;
        try (Connection c = ds.getConnection()) {
            if (holdsPatientId(c, text)) {
                throw new IllegalArgumentException(field + ": holds a patient identifier of a loaded run; this text is shown to"
                        + " finance users, who never see patient identifiers: refer to the claim id instead");
            }
            if (patientNames(c) && holdsPatientName(c, text)) {
                throw new IllegalArgumentException(field + ": holds a patient's name from a loaded run; this text is shown to"
                        + " finance users, who never see patient identifiers: refer to the claim id instead");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check " + field + " for patient identifiers: " + e.getMessage(), e);
        }
    }

    private static boolean holdsPatientId(Connection c, String text) throws SQLException {
        Set<String> tokens = new LinkedHashSet<>();
        for (String t : text.split("[^\\p{L}\\p{N}_\\-./]+")) {
            for (String v : new String[] {t, t.replaceAll("[.\\-/]+$", "")}) {
                if (v.length() >= 2 && tokens.size() < MAX_TOKENS) {
                    tokens.add(v);
                    tokens.add(v.toUpperCase(Locale.ROOT));
                }
            }
        }
        if (tokens.isEmpty()) return false;
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM encounters WHERE patient_id = ANY (?) LIMIT 1")) {
            Array a = c.createArrayOf("text", tokens.toArray());
            ps.setArray(1, a);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static boolean holdsPatientName(Connection c, String text) throws SQLException {
        String words = " " + text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]+", " ").trim() + " ";
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT 1 FROM (
                  SELECT DISTINCT trim(regexp_replace(lower(split_part(patient_name, ',', 1)), '[^[:alpha:]]+', ' ', 'g')) AS last_name,
                                  trim(regexp_replace(lower(split_part(patient_name, ',', 2)), '[^[:alpha:]]+', ' ', 'g')) AS first_name
                  FROM encounters WHERE patient_name IS NOT NULL) n
                WHERE length(n.last_name) >= 2 AND position(' ' || n.last_name || ' ' IN ?) > 0
                  AND (n.first_name = '' OR position(' ' || n.first_name || ' ' IN ?) > 0)
                LIMIT 1""")) {
            ps.setString(1, words);
            ps.setString(2, words);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private boolean patientNames(Connection c) throws SQLException {
        Boolean known = hasPatientNames;
        if (known == null || !known) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT 1 FROM information_schema.columns WHERE table_name = 'encounters' AND column_name = 'patient_name'");
                 ResultSet rs = ps.executeQuery()) {
                known = rs.next();
            }
            hasPatientNames = known;
        }
        return known;
    }
}
