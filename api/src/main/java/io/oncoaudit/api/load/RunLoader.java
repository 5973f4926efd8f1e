package io.oncoaudit.api.load;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.config.OncoauditConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * Imports one audit run (contract section 3, {@code load --run DIR}): findings and encounters are
 * streamed from Parquet into PostgreSQL with COPY, in one transaction, and the summary aggregates
 * (payer x provider x kind x month) are refreshed in the same transaction. Idempotent by the run's
 * fingerprint: a run already present is left untouched.
 */
@ApplicationScoped
public class RunLoader {
    /** Serialises loads across processes (load CLI and POST /api/runs), so one fingerprint is inserted once. */
    private static final long LOAD_LOCK_KEY = 0x0c0a0d17L;

    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final OncoauditConfig config;
    private final io.oncoaudit.api.query.SummaryRepository summaries;
    private final io.oncoaudit.api.query.DashboardRepository dashboard;
    private final io.oncoaudit.api.db.OwnerConnections owner;

    public RunLoader(AgroalDataSource dataSource, ObjectMapper json, OncoauditConfig config,
                     io.oncoaudit.api.query.SummaryRepository summaries, io.oncoaudit.api.query.DashboardRepository dashboard,
                     io.oncoaudit.api.db.OwnerConnections owner) {
        this.owner = owner;
        this.summaries = summaries;
        this.dashboard = dashboard;
        this.dataSource = dataSource;
        this.json = json;
        this.config = config;
    }

    public LoadResult load(Path dir, String loadedBy, PrintStream progress) {
        long t0 = System.nanoTime();
        // issue 17: every file is checked against manifest.json (presence, sha256, Parquet row counts) before anything is written
        RunDirectory run = RunDirectory.open(dir.toAbsolutePath().normalize(), json);
        verifyParquetRows(run);
        String fingerprint = run.fingerprint();
        // as the schema's owner: a load creates and attaches partitions (the app's own role has DML only)
        try (Connection c = owner.open()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT pg_advisory_xact_lock(" + LOAD_LOCK_KEY + ")");
                }
                Long existing = existingRun(c, fingerprint);
                if (existing != null) {
                    c.rollback();
                    progress.printf("load: run %s (fingerprint %s) is already loaded; nothing changed%n", run.runId(), fingerprint);
                    return new LoadResult(existing, run.runId(), fingerprint, true, 0, 0, millisSince(t0));
                }
                long runPk = insertRun(c, run, loadedBy);
                long findings;
                long encounters;
                long remitLines;
                try (ParquetReader parquet = new ParquetReader()) {
                    findings = copy(c, parquet, run.findingsDir(), "findings", ParquetColumns.FINDINGS, runPk, progress);
                    encounters = copy(c, parquet, run.encountersDir(), "encounters", ParquetColumns.ENCOUNTERS, runPk, progress);
                    remitLines = RemitLoader.load(c, parquet, run, runPk, json, progress);
                }
                expectRows(run, "findings", findings);
                expectRows(run, "encounters", encounters);
                refreshAggregates(c, runPk);
                DashboardAggregates.refresh(c, runPk, encounters);
                long attachStart = System.nanoTime();
                attach(c, "findings", runPk);
                attach(c, "encounters", runPk);
                progress.printf("load: indexes built and partitions attached in %.1f s%n", (System.nanoTime() - attachStart) / 1e9);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE runs SET findings_count = ?, encounters_count = ?, load_millis = ?, remit_lines_count = ? WHERE id = ?")) {
                    ps.setLong(1, findings);
                    ps.setLong(2, encounters);
                    ps.setLong(3, millisSince(t0));
                    ps.setLong(4, remitLines);
                    ps.setLong(5, runPk);
                    ps.executeUpdate();
                }
                c.commit();
                summaries.invalidate();
                dashboard.invalidate();
                long ms = millisSince(t0);
                progress.printf("load: run %s loaded: %d findings, %d encounters in %.1f s%n",
                        run.runId(), findings, encounters, ms / 1000.0);
                return new LoadResult(runPk, run.runId(), fingerprint, false, findings, encounters, ms);
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } catch (LoadException e) {
            throw e;
        } catch (SQLException e) {
            throw new LoadException("loading " + dir + " failed in the database and was rolled back: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new LoadException("loading " + dir + " failed and was rolled back: " + e.getMessage(), e);
        }
    }

    /** Each listed Parquet file holds the rows manifest.json says (its footer; no data read). */
    private static void verifyParquetRows(RunDirectory run) {
        try (ParquetReader parquet = new ParquetReader()) {
            for (RunDirectory.RunFile f : run.files()) {
                if (!f.path().endsWith(".parquet")) continue;
                if (f.rows() == null) {
                    throw new LoadException("run folder " + run.dir() + ": manifest.json gives no row count for " + f.path());
                }
                long actual = parquet.fileRows(run.dir().resolve(f.path()));
                if (actual != f.rows()) {
                    throw new LoadException("run folder " + run.dir() + ": " + f.path() + " holds " + actual
                            + " rows, manifest.json says " + f.rows() + "; the run was not loaded");
                }
            }
        } catch (SQLException e) {
            throw new LoadException("run folder " + run.dir() + ": cannot read a Parquet footer: " + e.getMessage(), e);
        }
    }

    /** The rows copied from a folder equal the manifest's rows for its files (else the load rolls back). */
    private static void expectRows(RunDirectory run, String folder, long copied) {
        long listed = run.parquetFiles(folder).stream().mapToLong(f -> f.rows() == null ? 0 : f.rows()).sum();
        if (listed != copied) {
            throw new LoadException("run folder " + run.dir() + ": " + copied + " " + folder + " rows read, manifest.json lists "
                    + listed + "; the run was not loaded");
        }
    }

    private static Long existingRun(Connection c, String fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM runs WHERE fingerprint = ?")) {
            ps.setString(1, fingerprint);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : null;
            }
        }
    }

    private static long insertRun(Connection c, RunDirectory run, String loadedBy) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO runs (run_id, fingerprint, source_dir, loaded_by, manifest, summary, findings_count, encounters_count)"
                        + " VALUES (?, ?, ?, ?, ?::jsonb, ?::jsonb, 0, 0) RETURNING id")) {
            ps.setString(1, run.runId());
            ps.setString(2, run.fingerprint());
            ps.setString(3, run.dir().toString());
            ps.setString(4, loadedBy);
            ps.setString(5, run.manifestText());
            ps.setString(6, run.summaryText());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long copy(Connection c, ParquetReader parquet, Path folder, String table,
                      List<ParquetColumns.Column> columns, long runPk, PrintStream progress) throws Exception {
        String partition = partition(table, runPk);
        try (Statement s = c.createStatement()) {
            // a fresh table without indexes: COPY appends only; the indexes are built by ATTACH in one sort
            s.execute("CREATE TABLE " + partition + " (LIKE " + table + " INCLUDING DEFAULTS)");
            s.execute("ALTER TABLE " + partition + " ADD CONSTRAINT " + partition + "_run CHECK (run_pk = " + runPk + ")");
        }
        if (!RunDirectory.hasParquet(folder)) {
            progress.printf("load: %s: no Parquet files under %s, 0 rows%n", table, folder);
            return 0;
        }
        String cols = "run_pk, " + columns.stream().map(ParquetColumns.Column::name).collect(Collectors.joining(", "));
        PGConnection pg = c.unwrap(PGConnection.class);
        String runKey = Long.toString(runPk);
        int every = Math.max(1, config.load().progressEvery());
        long started = System.nanoTime();
        long rows;
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(pg, "COPY " + partition + " (" + cols + ") FROM STDIN (FREEZE)", 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            long[] n = {0};
            rows = parquet.stream(folder, columns, row -> {
                CopyText.field(out, runKey, true);
                for (String v : row) CopyText.field(out, v, false);
                out.write('\n');
                if (++n[0] % every == 0) {
                    double s = (System.nanoTime() - started) / 1e9;
                    progress.printf("load: %s: %d rows (%.0f rows/s)%n", table, n[0], n[0] / Math.max(s, 1e-3));
                }
            });
        }
        progress.printf("load: %s: %d rows copied in %.1f s%n", table, rows, (System.nanoTime() - started) / 1e9);
        return rows;
    }

    private static void refreshAggregates(Connection c, long runPk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO summary_agg (run_pk, payer_id, billing_npi, kind, service_month,
                                         findings, underpayment, overpayment, denial, amount, compliance)
                SELECT run_pk, payer_id, billing_npi, kind, service_month, count(*),
                       coalesce(sum(amount) FILTER (WHERE direction = 'UNDERPAYMENT'), 0),
                       coalesce(sum(amount) FILTER (WHERE direction = 'OVERPAYMENT'), 0),
                       coalesce(sum(amount) FILTER (WHERE direction = 'DENIAL'), 0),
                       sum(amount), count(*) FILTER (WHERE direction = 'COMPLIANCE')
                FROM\s""" + partition("findings", runPk) + " GROUP BY run_pk, payer_id, billing_npi, kind, service_month")) {
            ps.executeUpdate();
        }
        expectNoMoneyOnCompliance(c, runPk);
    }

    /**
     * Contract section 4: a COMPLIANCE finding moves no money (amount 0). Checked on the aggregates (a group whose
     * amount is more than its three money directions holds money in another direction), then the first such
     * finding is named; the load rolls back.
     */
    private static void expectNoMoneyOnCompliance(Connection c, long runPk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM summary_agg WHERE run_pk = ? AND compliance > 0"
                + " AND amount <> underpayment + overpayment + denial LIMIT 1")) {
            ps.setLong(1, runPk);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT claim_id, finding_index, amount FROM " + partition("findings", runPk)
                + " WHERE direction = 'COMPLIANCE' AND amount <> 0 ORDER BY claim_id, finding_index LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                throw new LoadException("findings: claim " + rs.getString(1) + " finding " + rs.getInt(2) + ": field amount is "
                        + rs.getBigDecimal(3).toPlainString() + " on a COMPLIANCE finding, which moves no money (amount 0,"
                        + " contract section 4); the run was not loaded");
            }
        }
    }

    /** Builds the partition's primary key and indexes (ATTACH creates the parent's) and makes its rows visible in the parent. */
    private static void attach(Connection c, String table, long runPk) throws SQLException {
        String partition = partition(table, runPk);
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL maintenance_work_mem = '512MB'");
            s.execute("ALTER TABLE " + table + " ATTACH PARTITION " + partition + " FOR VALUES IN (" + runPk + ")");
            // fresh statistics, so the first queries after a big load pick the right indexes
            s.execute("ANALYZE " + partition);
        }
    }

    /** The partition table of one loaded run; runPk is a number we generated, so the name is safe. */
    static String partition(String table, long runPk) { return table + "_r" + runPk; }

    private static long millisSince(long t0) { return (System.nanoTime() - t0) / 1_000_000; }
}
