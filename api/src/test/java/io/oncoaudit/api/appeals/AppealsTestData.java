package io.oncoaudit.api.appeals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** Test helpers: a hand-written run inserted with SQL (hostile text, chosen payers), ZIP entries, PDF text. */
public final class AppealsTestData {
    private AppealsTestData() { }

    /** One claim of a hand-written run. */
    record Claim(String claimId, String patientId, LocalDate dos, String payerId, String payerName, String providerName,
                 String explanation, String appealText, BigDecimal amount, String direction) { }

    /** Inserts a run holding the given claims (one finding each, billed 96372 -> expected 96401) and returns its run id. */
    static String insertRun(DataSource ds, String runId, Claim... claims) throws SQLException {
        try (Connection c = ds.getConnection()) {
            long runPk;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO runs (run_id, fingerprint, source_dir, manifest, findings_count, encounters_count)"
                    + " VALUES (?, ?, 'test', '{}'::jsonb, ?, ?) RETURNING id")) {
                ps.setString(1, runId);
                ps.setString(2, "fp-" + runId + "-" + UUID.randomUUID());
                ps.setInt(3, claims.length);
                ps.setInt(4, claims.length);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    runPk = rs.getLong(1);
                }
            }
            try (var s = c.createStatement()) {
                // findings and encounters are partitioned per run (the loader attaches one partition per load)
                s.execute("CREATE TABLE appeals_test_findings_" + runPk + " PARTITION OF findings FOR VALUES IN (" + runPk + ")");
                s.execute("CREATE TABLE appeals_test_encounters_" + runPk + " PARTITION OF encounters FOR VALUES IN (" + runPk + ")");
            }
            for (Claim cl : claims) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO findings (run_pk, claim_id, finding_index, line_number, patient_id, date_of_service, service_month,
                          payer_id, payer_name, billing_npi, rendering_npi, provider_name, place_of_service, kind, rule_id, billed_code,
                          expected_code, billed_units, expected_units, direction, amount, explanation, citations, appeal_text)
                        VALUES (?, ?, 0, 1, ?, ?, ?, ?, ?, '1234567893', '1234567893', ?, '11', 'DOWNCODED_TO_96372', 'R-TEST',
                          '96372', '96401', 1, 1, ?, ?, ?, ?, ?)""")) {
                    int i = 1;
                    ps.setLong(i++, runPk);
                    ps.setString(i++, cl.claimId());
                    ps.setString(i++, cl.patientId());
                    ps.setDate(i++, Date.valueOf(cl.dos()));
                    ps.setString(i++, cl.dos().toString().substring(0, 7));
                    ps.setString(i++, cl.payerId());
                    ps.setString(i++, cl.payerName());
                    ps.setString(i++, cl.providerName());
                    ps.setString(i++, cl.direction());
                    ps.setBigDecimal(i++, cl.amount());
                    ps.setString(i++, cl.explanation());
                    ps.setString(i++, "[\"CMS Transmittal 129 <b>&</b>\"]");
                    ps.setString(i++, cl.appealText());
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO encounters (run_pk, claim_id, patient_id, date_of_service, service_month, billing_npi, rendering_npi,
                          provider_name, payer_id, payer_name, place_of_service, diagnosis_codes, line_count, administration_count,
                          finding_count, billed_amount, expected_amount, net_impact, billed_lines_json, administrations_json,
                          expected_lines_json, warnings_json)
                        VALUES (?, ?, ?, ?, ?, '1234567893', '1234567893', ?, ?, ?, '11', '["C50.911"]', 1, 1, 1, 14.50, 32.75, 18.25,
                          '[{"lineNumber":1,"procedureCode":"96372","modifiers":[],"units":1,"chargeAmount":60.00,"allowedAmount":14.50,"paidAmount":11.60,"adjustmentReasonCodes":[],"remarkCodes":[]}]',
                          '[]', '[{"procedureCode":"96401","units":1,"modifiers":[]}]', '[]')""")) {
                    int i = 1;
                    ps.setLong(i++, runPk);
                    ps.setString(i++, cl.claimId());
                    ps.setString(i++, cl.patientId());
                    ps.setDate(i++, Date.valueOf(cl.dos()));
                    ps.setString(i++, cl.dos().toString().substring(0, 7));
                    ps.setString(i++, cl.providerName());
                    ps.setString(i++, cl.payerId());
                    ps.setString(i++, cl.payerName());
                    ps.executeUpdate();
                }
            }
            // the summary aggregate, as the loader writes it (the known payers and kinds are read from it)
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO summary_agg (run_pk, payer_id, billing_npi, kind, service_month, findings, underpayment, overpayment, denial, amount)
                    SELECT run_pk, payer_id, billing_npi, kind, service_month, count(*),
                           coalesce(sum(amount) FILTER (WHERE direction = 'UNDERPAYMENT'), 0),
                           coalesce(sum(amount) FILTER (WHERE direction = 'OVERPAYMENT'), 0),
                           coalesce(sum(amount) FILTER (WHERE direction = 'DENIAL'), 0), sum(amount)
                    FROM findings WHERE run_pk = ? GROUP BY run_pk, payer_id, billing_npi, kind, service_month""")) {
                ps.setLong(1, runPk);
                ps.executeUpdate();
            }
        }
        return runId;
    }

    /**
     * Archives every open campaign: a claim is in at most one open campaign, and the test classes share one
     * database, so each campaign test starts with none open.
     */
    public static void archiveOpenCampaigns(DataSource ds) throws SQLException {
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE appeal_campaigns SET archived_at = now(), archived_by = 'test set-up' WHERE archived_at IS NULL");
        }
    }

    /** ZIP entry name -> bytes, in order. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) out.put(e.getName(), in.readAllBytes());
        }
        return out;
    }

    static String pdfText(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    static String money(BigDecimal b) {
        return String.format(java.util.Locale.US, "$%,.2f", b);
    }
}
