package io.oncoaudit.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * An audit run folder for the dashboard tests, in the team brief's layout (manifest.json, summary.json,
 * findings/ Parquet partitioned by payer_id and service_month, encounters/ Parquet), written with DuckDB
 * like the api's RunFixture. What it adds for the browser: providers whose names are hostile text from
 * an extract ({@code <script>}, a spreadsheet formula), explanations with markup, and encounters with
 * billed lines that differ from the expected ones and IV push, IV infusion and SC administrations.
 */
public final class DashboardRun {
    public static final String SCRIPT_NAME = "<script>alert(1)</script>";
    public static final String FORMULA_NAME = "=HYPERLINK(\"http://x.example\",\"x\")";
    public static final String MARKUP_EXPLANATION = "<img src=x onerror=alert(2)> 96372 billed for an antineoplastic IM injection";

    /** Billing NPI -> provider name. The first two are the hostile ones. */
    public static final Map<String, String> PROVIDERS = new LinkedHashMap<>();

    static {
        PROVIDERS.put("4444444440", SCRIPT_NAME);
        PROVIDERS.put("5555555551", FORMULA_NAME);
        PROVIDERS.put("1234567893", "Riverside Oncology");
        PROVIDERS.put("2222222224", "Lakeside Cancer Center");
    }

    public static final List<String> PAYERS = List.of("MEDICARE", "UHC", "AETNA");
    public static final List<String> KINDS = List.of("DOWNCODED_TO_96372", "DRUG_UNITS", "WASTE_MODIFIER",
            "INFUSION_HOURS", "MISSING_ADMINISTRATION", "HORMONAL_CLASS_MISMATCH");
    /** Finding kind -> billed and expected code of its findings (null: no line on that side); two drug-line kinds. */
    public static final Map<String, String[]> CODES = Map.of(
            "DOWNCODED_TO_96372", new String[] {"96372", "96401"},
            "DRUG_UNITS", new String[] {"J9395", "J9395"},
            "WASTE_MODIFIER", new String[] {"J9045", "J9045"},
            "INFUSION_HOURS", new String[] {"96415", "96415"},
            "MISSING_ADMINISTRATION", new String[] {null, "96413"},
            "HORMONAL_CLASS_MISMATCH", new String[] {"96401", "96402"});
    public static final List<String> DIRECTIONS = List.of("UNDERPAYMENT", "OVERPAYMENT", "DENIAL");

    public record Finding(String claimId, int findingIndex, String patientId, LocalDate dos, String payerId,
                          String billingNpi, String kind, String direction, BigDecimal amount, String explanation) { }

    public record Run(Path dir, String runId, List<Finding> findings, List<String> patientIds, ObjectNode summary) {
        /** A claim whose billing provider has the {@code <script>} name. */
        public Finding scriptProviderFinding() {
            return findings.stream().filter(f -> SCRIPT_NAME.equals(PROVIDERS.get(f.billingNpi()))).findFirst().orElseThrow();
        }
    }

    private DashboardRun() { }

    public static Run write(Path dir, String runId, String fingerprint, int claims, long seed) throws Exception {
        Random rnd = new Random(seed);
        List<String> npis = new ArrayList<>(PROVIDERS.keySet());
        List<Finding> findings = new ArrayList<>();
        List<String> patients = new ArrayList<>();
        LocalDate base = LocalDate.of(2026, 1, 1);
        for (int c = 0; c < claims; c++) {
            String claim = runId + "-C" + String.format("%04d", c);
            String patient = "PX" + (700000 + rnd.nextInt(200000));
            patients.add(patient);
            LocalDate dos = base.plusDays(rnd.nextInt(181));
            String payer = PAYERS.get(rnd.nextInt(PAYERS.size()));
            // every provider has claims, the hostile ones included
            String npi = npis.get(c % npis.size());
            int n = 1 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                String explanation = (i == 0 && c % 5 == 0 ? MARKUP_EXPLANATION : "96372 billed where the record documents a chemotherapy injection")
                        + " (line " + (i + 1) + ")";
                findings.add(new Finding(claim, i, patient, dos, payer, npi, KINDS.get(rnd.nextInt(KINDS.size())),
                        DIRECTIONS.get(rnd.nextInt(DIRECTIONS.size())), BigDecimal.valueOf(100 + rnd.nextInt(90_000), 2),
                        explanation));
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
        return new Run(dir, loadedId, findings, patients, summary);
    }

    private static void writeParquet(Path dir, String runId, List<Finding> findings) throws SQLException, java.io.IOException {
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
                    ps.setInt(i++, 1);
                    ps.setString(i++, f.patientId());
                    ps.setDate(i++, Date.valueOf(f.dos()));
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, PROVIDERS.get(f.billingNpi()));
                    ps.setString(i++, f.payerId() + " Health Plan");
                    ps.setString(i++, "11");
                    ps.setString(i++, f.kind());
                    ps.setString(i++, "OA-" + f.kind());
                    String[] codes = CODES.get(f.kind());
                    ps.setString(i++, codes[0]);
                    ps.setString(i++, codes[1]);
                    ps.setInt(i++, 1);
                    ps.setInt(i++, 1);
                    ps.setString(i++, f.direction());
                    ps.setBigDecimal(i++, f.amount());
                    ps.setString(i++, f.explanation());
                    ps.setString(i++, "[\"CPT 2026, Chemotherapy and other highly complex drug administration\",\"CMS Transmittal 129\"]");
                    ps.setString(i++, "Re: claim " + f.claimId() + ", date of service " + f.dos()
                            + ". Please reprocess line 1 as 96401: the record documents an antineoplastic injection.");
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
                    String d = f.dos().toString();
                    int i = 1;
                    ps.setString(i++, runId);
                    ps.setString(i++, f.claimId());
                    ps.setString(i++, f.patientId());
                    ps.setDate(i++, Date.valueOf(f.dos()));
                    ps.setString(i++, d.substring(0, 7));
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, f.billingNpi());
                    ps.setString(i++, PROVIDERS.get(f.billingNpi()));
                    ps.setString(i++, f.payerId());
                    ps.setString(i++, f.payerId() + " Health Plan");
                    ps.setString(i++, "11");
                    ps.setString(i++, "[\"C50.911\",\"Z51.11\"]");
                    ps.setInt(i++, 3);
                    ps.setInt(i++, 3);
                    ps.setInt(i++, fs.size());
                    ps.setBigDecimal(i++, new BigDecimal("1214.50"));
                    ps.setBigDecimal(i++, new BigDecimal("1298.75"));
                    ps.setBigDecimal(i++, new BigDecimal("84.25"));
                    ps.setString(i++, "[{\"lineNumber\":1,\"procedureCode\":\"96372\",\"modifiers\":[],\"units\":1,\"chargeAmount\":60.00,"
                            + "\"allowedAmount\":14.50,\"paidAmount\":11.60,\"adjustmentReasonCodes\":[],\"remarkCodes\":[]},"
                            + "{\"lineNumber\":2,\"procedureCode\":\"J9395\",\"modifiers\":[\"JZ\"],\"units\":20,\"chargeAmount\":2400.00,"
                            + "\"adjustmentReasonCodes\":[\"CO-16\"],\"remarkCodes\":[]},"
                            + "{\"lineNumber\":3,\"procedureCode\":\"96413\",\"modifiers\":[],\"units\":1,\"chargeAmount\":300.00,"
                            + "\"adjustmentReasonCodes\":[],\"remarkCodes\":[]}]");
                    ps.setString(i++, "[{\"administrationId\":\"A1\",\"drugCode\":\"J9395\",\"drugName\":\"fulvestrant\",\"dose\":500,"
                            + "\"doseUnit\":\"mg\",\"route\":\"IM\",\"pump\":false},"
                            + "{\"administrationId\":\"A2\",\"drugCode\":\"J9045\",\"drugName\":\"carboplatin\",\"dose\":450,\"doseUnit\":\"mg\","
                            + "\"route\":\"IV\",\"startTime\":\"" + d + "T09:00:00\",\"endTime\":\"" + d + "T10:32:00\",\"pump\":false},"
                            + "{\"administrationId\":\"A3\",\"drugCode\":\"J2405\",\"drugName\":\"ondansetron\",\"dose\":8,\"doseUnit\":\"mg\","
                            + "\"route\":\"IV\",\"startTime\":\"" + d + "T08:40:00\",\"endTime\":\"" + d + "T08:45:00\",\"pump\":false}]");
                    ps.setString(i++, "[{\"procedureCode\":\"96402\",\"units\":1,\"modifiers\":[]},"
                            + "{\"procedureCode\":\"J9395\",\"units\":20,\"modifiers\":[\"JZ\"]},"
                            + "{\"procedureCode\":\"96413\",\"units\":1,\"modifiers\":[]},"
                            + "{\"procedureCode\":\"96415\",\"units\":1,\"modifiers\":[]},"
                            + "{\"procedureCode\":\"96375\",\"units\":1,\"modifiers\":[]}]");
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
        s.put("inputLines", claims * 3);
        s.put("inputAdministrations", claims * 3);
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

    private static ArrayNode group(ObjectMapper json, List<Finding> findings, String key, Function<Finding, String> by, boolean kind) {
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
