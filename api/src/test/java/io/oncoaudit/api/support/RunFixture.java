package io.oncoaudit.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes an audit run folder in exactly the team brief's layout (manifest.json, summary.json,
 * findings/ Parquet Hive-partitioned by payer_id and service_month, encounters/ Parquet) with DuckDB,
 * so the api tests need no Spark. summary.json is computed here from the generated rows, as the
 * audit would, and the tests compare the API's answers with it.
 */
public final class RunFixture {
    public static final List<String> PAYERS = List.of("MEDICARE", "UHC", "AETNA");
    public static final List<String> NPIS = List.of("1234567893", "1111111112", "2222222224", "3333333336");
    public static final List<String> KINDS = List.of("DOWNCODED_TO_96372", "DRUG_UNITS", "WASTE_MODIFIER",
            "INFUSION_HOURS", "MISSING_ADMINISTRATION");
    public static final List<String> DIRECTIONS = List.of("UNDERPAYMENT", "OVERPAYMENT", "DENIAL");

    public record Finding(String claimId, int findingIndex, String patientId, LocalDate dos, String payerId,
                          String billingNpi, String kind, String direction, BigDecimal amount, String explanation,
                          String appealText) { }

    public record Run(Path dir, String runId, String fingerprint, List<Finding> findings, ObjectNode summary,
                      List<String> patientIds) { }

    private RunFixture() { }

    /** A run of {@code claims} claims with 1-3 findings each; some texts start with = + - @ and name the patient. */
    public static Run write(Path dir, String runId, String fingerprint, int claims, long seed) throws Exception {
        Random rnd = new Random(seed);
        List<Finding> findings = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        LocalDate base = LocalDate.of(2026, 1, 1);
        for (int c = 0; c < claims; c++) {
            String claim = runId + "-C" + c;
            String patient = "PT" + (100000 + rnd.nextInt(900000));
            patients.add(patient);
            LocalDate dos = base.plusDays(rnd.nextInt(150));
            String payer = PAYERS.get(rnd.nextInt(PAYERS.size()));
            String npi = NPIS.get(rnd.nextInt(NPIS.size()));
            int n = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                String prefix = switch (rnd.nextInt(6)) {
                    case 0 -> "=HYPERLINK(\"http://x\")";
                    case 1 -> "+1+1";
                    case 2 -> "-2+3";
                    case 3 -> "@SUM(A1)";
                    default -> "Billed";
                };
                findings.add(new Finding(claim, i, patient, dos, payer, npi, KINDS.get(rnd.nextInt(KINDS.size())),
                        DIRECTIONS.get(rnd.nextInt(DIRECTIONS.size())),
                        BigDecimal.valueOf(rnd.nextInt(500_00), 2),
                        prefix + " code differs from the documented administration, line " + i,
                        "Appeal for claim " + claim + " (patient " + patient + "): please reprocess, \"see\" notes"));
            }
        }
        Files.createDirectories(dir);
        writeParquet(dir, runId, findings);
        ObjectMapper json = new ObjectMapper();
        ObjectNode summary = summary(json, findings, claims);
        Files.writeString(dir.resolve("summary.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        ObjectNode manifest = json.createObjectNode();
        manifest.put("run_id", runId);
        manifest.put("fingerprint", fingerprint);
        manifest.putObject("rowCounts").put("findings", findings.size()).put("encounters", claims);
        // the loader identifies a run by its verified content (issue 17): the id it will give this folder
        String loadedId = io.oncoaudit.api.support.RunManifest.write(dir, manifest);
        return new Run(dir, loadedId, fingerprint, findings, summary, patients);
    }

    private static void writeParquet(Path dir, String runId, List<Finding> findings) throws SQLException, IOException {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("""
                    CREATE TABLE f (run_id VARCHAR, claim_id VARCHAR, finding_index INTEGER, line_number INTEGER,
                      patient_id VARCHAR, date_of_service DATE, billing_npi VARCHAR, rendering_npi VARCHAR,
                      provider_name VARCHAR, payer_name VARCHAR, place_of_service VARCHAR, kind VARCHAR, rule_id VARCHAR,
                      billed_code VARCHAR, expected_code VARCHAR, billed_units INTEGER, expected_units INTEGER,
                      direction VARCHAR, amount DECIMAL(12,2), explanation VARCHAR, citations VARCHAR, appeal_text VARCHAR,
                      payer_id VARCHAR, service_month VARCHAR)""");
            s.execute("""
                    CREATE TABLE e (run_id VARCHAR, claim_id VARCHAR, patient_id VARCHAR, date_of_service DATE,
                      service_month VARCHAR, billing_npi VARCHAR, rendering_npi VARCHAR, provider_name VARCHAR,
                      payer_id VARCHAR, payer_name VARCHAR, place_of_service VARCHAR, diagnosis_codes VARCHAR,
                      line_count INTEGER, administration_count INTEGER, finding_count INTEGER,
                      billed_amount DECIMAL(12,2), expected_amount DECIMAL(12,2), net_impact DECIMAL(12,2),
                      billed_lines_json VARCHAR, administrations_json VARCHAR, expected_lines_json VARCHAR, warnings_json VARCHAR)""");
            try (PreparedStatement ps = duck.prepareStatement("INSERT INTO f VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (Finding f : findings) {
                    int i = 1;
                    ps.setString(i++, runId);
                    ps.setString(i++, f.claimId());
                    ps.setInt(i++, f.findingIndex());
                    ps.setInt(i++, f.findingIndex() + 1);
                    ps.setString(i++, f.patientId());
                    ps.setDate(i++, Date.valueOf(f.dos()));
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, "Clinic " + f.billingNpi());
                    ps.setString(i++, f.payerId() + " Inc");
                    ps.setString(i++, "11");
                    ps.setString(i++, f.kind());
                    ps.setString(i++, "R-" + f.kind());
                    ps.setString(i++, "96372");
                    ps.setString(i++, "96401");
                    ps.setInt(i++, 1);
                    ps.setInt(i++, 1);
                    ps.setString(i++, f.direction());
                    ps.setBigDecimal(i++, f.amount());
                    ps.setString(i++, f.explanation());
                    ps.setString(i++, "[\"CMS Transmittal 129\",\"NOTES 1.1\"]");
                    ps.setString(i++, f.appealText());
                    ps.setString(i++, f.payerId());
                    ps.setString(i++, f.dos().toString().substring(0, 7));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            Map<String, List<Finding>> byClaim = new TreeMap<>();
            for (Finding f : findings) byClaim.computeIfAbsent(f.claimId(), k -> new ArrayList<>()).add(f);
            try (PreparedStatement ps = duck.prepareStatement("INSERT INTO e VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
                for (List<Finding> fs : byClaim.values()) {
                    Finding f = fs.get(0);
                    int i = 1;
                    ps.setString(i++, runId);
                    ps.setString(i++, f.claimId());
                    ps.setString(i++, f.patientId());
                    ps.setDate(i++, Date.valueOf(f.dos()));
                    ps.setString(i++, f.dos().toString().substring(0, 7));
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, "Clinic " + f.billingNpi());
                    ps.setString(i++, f.payerId());
                    ps.setString(i++, f.payerId() + " Inc");
                    ps.setString(i++, "11");
                    ps.setString(i++, "[\"C50.911\"]");
                    ps.setInt(i++, 2);
                    ps.setInt(i++, 1);
                    ps.setInt(i++, fs.size());
                    ps.setBigDecimal(i++, new BigDecimal("14.50"));
                    ps.setBigDecimal(i++, new BigDecimal("32.75"));
                    ps.setBigDecimal(i++, new BigDecimal("18.25"));
                    ps.setString(i++, "[{\"lineNumber\":1,\"procedureCode\":\"96372\",\"modifiers\":[],\"units\":1},"
                            + "{\"lineNumber\":2,\"procedureCode\":\"J9395\",\"modifiers\":[\"JZ\"],\"units\":20}]");
                    ps.setString(i++, "[{\"administrationId\":\"A1\",\"drugCode\":\"J9395\",\"dose\":500,\"doseUnit\":\"mg\","
                            + "\"route\":\"IM\",\"startTime\":\"" + f.dos() + "T09:00\",\"endTime\":\"" + f.dos() + "T09:05\"}]");
                    ps.setString(i++, "[{\"procedureCode\":\"96402\",\"units\":1,\"modifiers\":[]},"
                            + "{\"procedureCode\":\"J9395\",\"units\":20,\"modifiers\":[\"JZ\"]}]");
                    ps.setString(i++, "[]");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            String d = dir.toAbsolutePath().toString().replace("'", "''");
            s.execute("COPY f TO '" + d + "/findings' (FORMAT PARQUET, PARTITION_BY (payer_id, service_month))");
            Files.createDirectories(dir.resolve("encounters"));
            s.execute("COPY e TO '" + d + "/encounters/part-00000.parquet' (FORMAT PARQUET)");
        }
    }

    private static ObjectNode summary(ObjectMapper json, List<Finding> findings, int claims) {
        ObjectNode s = json.createObjectNode();
        s.put("inputLines", claims * 2);
        s.put("inputAdministrations", claims);
        s.put("encounters", claims);
        s.put("rejectedRows", 0);
        s.put("findings", findings.size());
        BigDecimal[] totals = money(findings);
        s.put("underpayment", totals[0]);
        s.put("overpayment", totals[1]);
        s.put("denial", totals[2]);
        s.set("byPayer", group(json, findings, "payerId", Finding::payerId, false));
        s.set("byProvider", group(json, findings, "billingNpi", Finding::billingNpi, false));
        s.set("byKind", group(json, findings, "kind", Finding::kind, true));
        return s;
    }

    private static ArrayNode group(ObjectMapper json, List<Finding> findings, String key,
                                   java.util.function.Function<Finding, String> by, boolean kind) {
        Map<String, List<Finding>> groups = new TreeMap<>();
        for (Finding f : findings) groups.computeIfAbsent(by.apply(f), k -> new ArrayList<>()).add(f);
        ArrayNode out = json.createArrayNode();
        groups.forEach((k, fs) -> {
            ObjectNode row = out.addObject();
            row.put(key, k);
            row.put("findings", fs.size());
            BigDecimal[] m = money(fs);
            if (kind) {
                row.put("amount", m[0].add(m[1]).add(m[2]));
            } else {
                row.put("underpayment", m[0]);
                row.put("overpayment", m[1]);
                row.put("denial", m[2]);
            }
        });
        return out;
    }

    private static BigDecimal[] money(List<Finding> fs) {
        BigDecimal[] m = {BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)};
        for (Finding f : fs) m[DIRECTIONS.indexOf(f.direction())] = m[DIRECTIONS.indexOf(f.direction())].add(f.amount());
        return m;
    }
}
