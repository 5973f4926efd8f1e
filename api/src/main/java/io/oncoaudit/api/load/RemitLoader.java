package io.oncoaudit.api.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;
import org.postgresql.copy.PGCopyOutputStream;

/**
 * The remittances of a run (audit --remits, contract section 11), loaded in the run's transaction: every row
 * of DIR/remits/lines into {@code remit_lines} (with the extract's payer and provider of the claim), the
 * per-run CARC counts into {@code remit_carc_agg}; DIR/remits/unmatched must be exactly the lines without a
 * billed line. The loaded figures must equal summary.json's {@code remits} block (claims, matched, lines,
 * denied, paid below expected, byCarc), else the load is refused and rolled back. A run without remittances
 * (no remits/ folder, no remits block) loads nothing here.
 */
final class RemitLoader {
    static final String LINES = "remits/lines";
    static final String UNMATCHED = "remits/unmatched";

    private RemitLoader() { }

    /** Loads the run's remittance lines; returns their count (0 without remittances). */
    static long load(Connection c, ParquetReader parquet, RunDirectory run, long runPk, ObjectMapper json,
                     PrintStream progress) throws Exception {
        JsonNode remits = json.readTree(run.summaryText()).get("remits");
        boolean hasLines = !run.parquetFiles(LINES).isEmpty();
        if (!hasLines) {
            if (remits != null && remits.path("claims").asLong(0) > 0) {
                throw new LoadException("run folder " + run.dir() + ": summary.json reports " + remits.path("claims").asLong()
                        + " remittance claims but " + LINES + " holds no Parquet files; the run was not loaded");
            }
            return 0;
        }
        long lines = copy(c, parquet, run.dir().resolve(LINES), runPk);
        long listed = run.parquetFiles(LINES).stream().mapToLong(f -> f.rows() == null ? 0 : f.rows()).sum();
        if (lines != listed) {
            throw new LoadException("run folder " + run.dir() + ": " + lines + " " + LINES + " rows read, manifest.json lists "
                    + listed + "; the run was not loaded");
        }
        long unmatchedFiles = run.parquetFiles(UNMATCHED).stream().mapToLong(f -> f.rows() == null ? 0 : f.rows()).sum();
        long unmatched = scalar(c, "SELECT count(*) FROM remit_lines WHERE run_pk = ? AND line_number IS NULL", runPk).longValue();
        if (unmatched != unmatchedFiles) {
            throw new LoadException("run folder " + run.dir() + ": " + UNMATCHED + " holds " + unmatchedFiles + " rows but "
                    + LINES + " has " + unmatched + " rows without a billed line; the run was not loaded");
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE remit_lines l SET payer_id = e.payer_id, billing_npi = e.billing_npi,"
                + " provider_name = e.provider_name FROM " + RunLoader.partition("encounters", runPk) + " e"
                + " WHERE l.run_pk = ? AND e.claim_id = l.claim_id")) {
            ps.setLong(1, runPk);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO remit_carc_agg (run_pk, grp, carc, lines, amount)
                SELECT l.run_pk, a->>'group', a->>'carc', count(*), coalesce(sum((a->>'amount')::numeric), 0)
                FROM remit_lines l, jsonb_array_elements(l.adjustments) a
                WHERE l.run_pk = ? AND l.is_line GROUP BY l.run_pk, a->>'group', a->>'carc'""")) {
            ps.setLong(1, runPk);
            ps.executeUpdate();
        }
        if (remits != null) reconcile(c, run, runPk, remits);
        progress.printf("load: remittances: %d lines (%d without a billed line)%n", lines, unmatched);
        return lines;
    }

    private static long copy(Connection c, ParquetReader parquet, Path folder, long runPk) throws Exception {
        String cols = "run_pk, row_number, " + ParquetColumns.REMIT_LINES.stream().map(ParquetColumns.Column::name)
                .collect(Collectors.joining(", "));
        PGConnection pg = c.unwrap(PGConnection.class);
        String runKey = Long.toString(runPk);
        long[] n = {0};
        try (Writer out = new BufferedWriter(new OutputStreamWriter(
                new PGCopyOutputStream(pg, "COPY remit_lines (" + cols + ") FROM STDIN", 1 << 16), StandardCharsets.UTF_8), 1 << 16)) {
            parquet.stream(folder, ParquetColumns.REMIT_LINES, row -> {
                CopyText.field(out, runKey, true);
                CopyText.field(out, Long.toString(++n[0]), false);
                for (String v : row) CopyText.field(out, v, false);
                out.write('\n');
            });
        }
        return n[0];
    }

    /** The loaded lines give summary.json's remits figures (contract section 11), else the load is refused. */
    private static void reconcile(Connection c, RunDirectory run, long runPk, JsonNode remits) throws SQLException {
        Map<String, BigDecimal> loaded = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT count(DISTINCT (claim_id, coalesce(payer_key, ''))),
                       count(DISTINCT (claim_id, coalesce(payer_key, ''))) FILTER (WHERE claim_matched),
                       count(*) FILTER (WHERE is_line AND line_number IS NOT NULL),
                       count(*) FILTER (WHERE is_line AND line_number IS NULL),
                       count(*) FILTER (WHERE is_line AND remit_status IN ('DENIED', 'REJECTED')),
                       coalesce(sum(coalesce(expected_value, 0)) FILTER (WHERE is_line AND remit_status IN ('DENIED', 'REJECTED')), 0),
                       count(*) FILTER (WHERE is_line AND remit_status = 'UNDERPAID'),
                       coalesce(sum(shortfall) FILTER (WHERE is_line AND remit_status = 'UNDERPAID'), 0)
                FROM remit_lines WHERE run_pk = ?""")) {
            ps.setLong(1, runPk);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                String[] keys = {"claims", "claimsMatched", "linesMatched", "linesUnmatched", "denied.lines", "denied.amount",
                        "paidBelowExpected.lines", "paidBelowExpected.amount"};
                for (int i = 0; i < keys.length; i++) loaded.put(keys[i], rs.getBigDecimal(i + 1));
            }
        }
        loaded.put("claimsUnmatched", loaded.get("claims").subtract(loaded.get("claimsMatched")));
        for (Map.Entry<String, BigDecimal> e : loaded.entrySet()) {
            String[] path = e.getKey().split("\\.");
            JsonNode v = path.length == 1 ? remits.get(path[0]) : remits.path(path[0]).get(path[1]);
            if (v != null && v.isNumber() && v.decimalValue().compareTo(e.getValue()) != 0) {
                throw new LoadException("run folder " + run.dir() + ": summary.json remits." + e.getKey() + " is "
                        + v.decimalValue().toPlainString() + " but " + LINES + " gives " + e.getValue().toPlainString()
                        + "; the run was not loaded");
            }
        }
        JsonNode byCarc = remits.get("byCarc");
        if (byCarc == null || !byCarc.isArray()) return;
        Map<String, String> expected = new TreeMap<>();
        for (JsonNode r : byCarc) {
            expected.put(r.path("group").asText() + "-" + r.path("carc").asText(),
                    r.path("lines").asLong() + " lines, " + r.path("amount").decimalValue().setScale(2).toPlainString());
        }
        Map<String, String> actual = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT grp, carc, lines, amount FROM remit_carc_agg WHERE run_pk = ?")) {
            ps.setLong(1, runPk);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    actual.put(rs.getString(1) + "-" + rs.getString(2), rs.getLong(3) + " lines, "
                            + rs.getBigDecimal(4).setScale(2).toPlainString());
                }
            }
        }
        if (!expected.equals(actual)) {
            throw new LoadException("run folder " + run.dir() + ": summary.json remits.byCarc " + expected + " differs from "
                    + LINES + " " + actual + "; the run was not loaded");
        }
    }

    private static BigDecimal scalar(Connection c, String sql, long runPk) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, runPk);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBigDecimal(1);
            }
        }
    }
}
