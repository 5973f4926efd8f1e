package io.oncoaudit.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.oncoaudit.api.load.LoadException;
import io.oncoaudit.api.load.RunLoader;
import io.oncoaudit.api.support.Fixtures;
import io.oncoaudit.api.support.RemitFixture;
import io.oncoaudit.api.support.RunFixture;
import io.oncoaudit.api.support.RunManifest;
import io.oncoaudit.api.support.ZonkyDatabase;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** load of a run written by audit --remits (contract section 11): remits/lines, remits/unmatched, remit_* finding columns. */
@QuarkusTest
@QuarkusTestResource(value = ZonkyDatabase.class, restrictToAnnotatedClass = false)
class RemittanceLoadTests {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    RunLoader loader;

    @Inject
    AgroalDataSource ds;

    @Test
    void remittanceLinesAndFindingColumnsAreLoadedAndReconcileWithSummaryJson() throws Exception {
        RemitFixture.RemitRun run = RemitFixture.loaded(loader, "remit-load", 40, 21);
        String id = run.runId();
        assertEquals(run.lines().size(), num("SELECT count(*) FROM remit_lines l JOIN runs r ON r.id = l.run_pk WHERE r.run_id = ?", id).longValue());
        assertEquals(run.lines().size(), num("SELECT remit_lines_count FROM runs WHERE run_id = ?", id).longValue());
        long unmatched = run.lines().stream().filter(l -> l.lineNumber() == null).count();
        assertTrue(unmatched >= 2);
        assertEquals(unmatched, num("SELECT count(*) FROM remit_lines l JOIN runs r ON r.id = l.run_pk WHERE r.run_id = ? AND l.line_number IS NULL", id).longValue());
        // the loaded figures are summary.json's remits block
        JsonNode remits = JSON.readTree(Files.readString(run.run().dir().resolve("summary.json"))).get("remits");
        assertEquals(remits.path("denied").path("lines").asLong(), num("SELECT count(*) FROM remit_lines l JOIN runs r ON r.id = l.run_pk"
                + " WHERE r.run_id = ? AND l.is_line AND l.remit_status IN ('DENIED','REJECTED')", id).longValue());
        assertEquals(0, remits.path("paidBelowExpected").path("amount").decimalValue().compareTo(num("SELECT sum(shortfall) FROM remit_lines l"
                + " JOIN runs r ON r.id = l.run_pk WHERE r.run_id = ? AND l.remit_status = 'UNDERPAID'", id)));
        Map<String, String> carcs = new TreeMap<>();
        for (JsonNode c : remits.get("byCarc")) carcs.put(c.get("group").asText() + "-" + c.get("carc").asText(), c.get("lines").asText());
        Map<String, String> loaded = new TreeMap<>();
        for (List<String> r : rows("SELECT a.grp || '-' || a.carc, a.lines::text FROM remit_carc_agg a JOIN runs r ON r.id = a.run_pk WHERE r.run_id = ?", id)) {
            loaded.put(r.get(0), r.get(1));
        }
        assertEquals(carcs, loaded);
        assertTrue(loaded.containsKey("CO-50") && loaded.containsKey("PR-1"), loaded.toString());
        // the extract's payer and provider of the claim; none for the claim the extract does not hold
        RunFixture.Finding first = run.run().findings().get(0);
        assertEquals(List.of(first.payerId(), first.billingNpi()), rows("SELECT DISTINCT l.payer_id, l.billing_npi FROM remit_lines l JOIN runs r"
                + " ON r.id = l.run_pk WHERE r.run_id = ? AND l.claim_id = '" + first.claimId() + "'", id).get(0));
        assertEquals(1, rows("SELECT l.payer_id FROM remit_lines l JOIN runs r ON r.id = l.run_pk WHERE r.run_id = ? AND l.claim_id = '"
                + run.unmatchedClaimId() + "' AND l.payer_id IS NULL AND NOT l.claim_matched", id).size());
        // adjustments with their amounts
        assertEquals("60.00", rows("SELECT (a->>'amount')::numeric(12,2)::text FROM remit_lines l JOIN runs r ON r.id = l.run_pk,"
                + " jsonb_array_elements(l.adjustments) a WHERE r.run_id = ? AND l.claim_id = '" + first.claimId() + "' AND l.line_number = 1", id).get(0).get(0));
        // the finding on the denied line 1 of claim 0 carries the remittance
        List<List<String>> f = rows("SELECT f.remit_status, f.remit_paid::text, f.remit_carc, f.remit_rarc, f.remit_claim_status, f.remit_payer_claim_number"
                + " FROM findings f JOIN runs r ON r.id = f.run_pk WHERE r.run_id = ? AND f.claim_id = '" + first.claimId() + "' AND f.line_number = 1", id);
        assertEquals(List.of("DENIED", "0.00", "CO-50", "N115", "PROCESSED_PRIMARY", "PCN-" + first.claimId()), f.get(0));
    }

    @Test
    void aRunWithoutRemittancesLoadsNoRemittanceAndNullColumns() throws Exception {
        RunFixture.Run run = Fixtures.run(loader, "remit-none", 30, 5);
        assertEquals(0, num("SELECT count(*) FROM remit_lines l JOIN runs r ON r.id = l.run_pk WHERE r.run_id = ?", run.runId()).longValue());
        assertEquals(0, num("SELECT count(*) FROM findings f JOIN runs r ON r.id = f.run_pk WHERE r.run_id = ? AND f.remit_status IS NOT NULL",
                run.runId()).longValue());
        assertEquals(run.findings().size(), num("SELECT findings_count FROM runs WHERE run_id = ?", run.runId()).longValue());
    }

    @Test
    void aSummaryThatDisagreesWithTheRemittanceLinesIsRefusedAndNothingIsWritten() throws Exception {
        Path dir = Files.createTempDirectory("remit-mismatch");
        RemitFixture.RemitRun run = RemitFixture.write(dir, "remit-mismatch", 12, 3);
        ObjectNode summary = (ObjectNode) JSON.readTree(Files.readString(dir.resolve("summary.json")));
        ObjectNode denied = (ObjectNode) summary.get("remits").get("denied");
        denied.put("lines", denied.get("lines").asLong() + 1);
        Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(summary));
        ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readString(dir.resolve("manifest.json")));
        manifest.remove("files");
        String runId = RunManifest.write(dir, manifest);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(dir, "test", new PrintStream(System.err, true)));
        assertTrue(e.getMessage().contains("remits.denied.lines"), e.getMessage());
        assertEquals(0, num("SELECT count(*) FROM runs WHERE run_id = ?", runId).longValue());
        org.junit.jupiter.api.Assertions.assertNotEquals(run.run().runId(), runId, "the altered folder is another run");
    }

    @Test
    void unmatchedRemittancesThatAreNotTheLinesWithoutABilledLineAreRefused() throws Exception {
        Path dir = Files.createTempDirectory("remit-unmatched");
        RemitFixture.write(dir, "remit-unmatched", 12, 4);
        try (Connection duck = java.sql.DriverManager.getConnection("jdbc:duckdb:"); java.sql.Statement s = duck.createStatement()) {
            Path u = dir.resolve("remits/unmatched/part-00000.parquet");
            String p = u.toAbsolutePath().toString();
            s.execute("CREATE TABLE u AS SELECT * FROM read_parquet('" + p + "') LIMIT 1");
            Files.delete(u);
            s.execute("COPY u TO '" + p + "' (FORMAT PARQUET)");
        }
        ObjectNode manifest = (ObjectNode) JSON.readTree(Files.readString(dir.resolve("manifest.json")));
        manifest.remove("files");
        String runId = RunManifest.write(dir, manifest);
        LoadException e = assertThrows(LoadException.class, () -> loader.load(dir, "test", new PrintStream(System.err, true)));
        assertTrue(e.getMessage().contains("remits/unmatched holds 1 rows"), e.getMessage());
        assertEquals(0, num("SELECT count(*) FROM runs WHERE run_id = ?", runId).longValue());
    }

    private BigDecimal num(String sql, String runId) throws Exception {
        List<List<String>> r = rows(sql, runId);
        return r.isEmpty() || r.get(0).get(0) == null ? BigDecimal.ZERO : new BigDecimal(r.get(0).get(0));
    }

    private List<List<String>> rows(String sql, String runId) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, runId);
            try (ResultSet rs = ps.executeQuery()) {
                List<List<String>> out = new ArrayList<>();
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= n; i++) row.add(rs.getString(i));
                    out.add(row);
                }
                return out;
            }
        }
    }
}
