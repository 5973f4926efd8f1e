package io.oncoaudit.api.query;

import io.agroal.api.AgroalDataSource;
import io.oncoaudit.core.model.FindingKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;

/**
 * The payer ids and finding kinds a filter may name: the payers with findings loaded (summary_agg) and
 * the kinds coding-core can report plus any kind a loaded run holds. A filter naming any other value is
 * refused with this list rather than answered with an empty page (a misspelt payer is not "no findings").
 * Re-read when the set of loaded runs changes (checked at most once a second, and before refusing a value).
 */
@ApplicationScoped
public class KnownValues {
    private static final long VERSION_CHECK_MILLIS = 1000;

    private final AgroalDataSource ds;
    private volatile String version = "";
    private volatile long checkedAt;
    private volatile Set<String> payers = Set.of();
    private volatile Set<String> kinds = Set.of();
    private volatile Set<String> carcs = Set.of();

    /** The statuses of a remittance line (audit --remits, contract section 11: the revenue-cycle split). */
    public static final Set<String> REMIT_STATUSES = java.util.Collections.unmodifiableSet(
            new TreeSet<>(Set.of("DENIED", "REJECTED", "ZERO_PAY", "UNDERPAID", "PAID")));

    /** CAS group and reason code ("CO-16") of every adjustment on the loaded remittance lines, sorted. */
    public Set<String> carcs() {
        refresh();
        return carcs;
    }

    /** The CARCs, re-read first when {@code carc} ("CO-16" or "16") is not among them. */
    public Set<String> carcsFor(String carc) {
        if (carc != null && !carcKnown(carc)) invalidate();
        return carcs();
    }

    /** "CO-16" is known when loaded with that group; "16" when loaded with any group. */
    public boolean carcKnown(String carc) {
        if (carc.contains("-")) return carcs().contains(carc);
        return carcs().stream().anyMatch(k -> k.endsWith("-" + carc));
    }

    public KnownValues(AgroalDataSource ds) {
        this.ds = ds;
    }

    /** Payer ids with findings in any loaded run, sorted. */
    public Set<String> payers() {
        refresh();
        return payers;
    }

    /** Finding kinds coding-core reports and any kind a loaded run holds, sorted. */
    public Set<String> kinds() {
        refresh();
        return kinds;
    }

    /** A load in this process or another: the next answer reads the database (called before refusing a value). */
    public void invalidate() {
        checkedAt = 0;
    }

    /** The payers, re-read first when {@code payerId} is not among them (a run loaded in the last second). */
    public Set<String> payersFor(String payerId) {
        if (payerId != null && !payers().contains(payerId)) invalidate();
        return payers();
    }

    /** The kinds, re-read first when {@code kind} is not among them. */
    public Set<String> kindsFor(String kind) {
        if (kind != null && !kinds().contains(kind)) invalidate();
        return kinds();
    }

    private synchronized void refresh() {
        long now = System.currentTimeMillis();
        if (now - checkedAt < VERSION_CHECK_MILLIS) return;
        try (Connection c = ds.getConnection()) {
            String v;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*), coalesce(max(id), 0), coalesce(sum(findings_count), 0) FROM runs");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                v = rs.getLong(1) + ":" + rs.getLong(2) + ":" + rs.getLong(3);
            }
            if (!v.equals(version)) {
                Set<String> p = new TreeSet<>();
                Set<String> k = new TreeSet<>();
                for (FindingKind fk : FindingKind.values()) k.add(fk.name());
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT payer_id, kind FROM summary_agg");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        p.add(rs.getString(1));
                        k.add(rs.getString(2));
                    }
                }
                Set<String> cs = new TreeSet<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT grp || '-' || carc FROM remit_carc_agg");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) cs.add(rs.getString(1));
                }
                carcs = java.util.Collections.unmodifiableSet(cs);
                payers = java.util.Collections.unmodifiableSet(p);
                kinds = java.util.Collections.unmodifiableSet(k);
                version = v;
            }
            checkedAt = now;
        } catch (SQLException e) {
            throw new IllegalStateException("known values query failed: " + e.getMessage(), e);
        }
    }
}
