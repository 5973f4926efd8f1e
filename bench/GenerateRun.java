import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;

/**
 * Writes a synthetic audit run folder (team brief layout: manifest.json, summary.json, findings/ and
 * encounters/ Parquet) with N findings, for the api load and query benchmark. No Spark needed:
 *   java -cp duckdb_jdbc.jar bench/GenerateRun.java OUT_DIR FINDINGS [RUN_ID]
 * Three findings per claim; 5 payers x 200 providers x 12 kinds x 12 months.
 */
public class GenerateRun {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]).toAbsolutePath();
        long n = Long.parseLong(args[1]);
        String runId = args.length > 2 ? args[2] : "bench-" + n;
        Files.createDirectories(out.resolve("encounters"));
        String o = out.toString().replace("'", "''");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement s = c.createStatement()) {
            s.execute("SET threads = 2");
            s.execute("""
                CREATE TABLE f AS SELECT
                  '%s' AS run_id, 'CLM' || lpad(CAST(i // 3 AS VARCHAR), 9, '0') AS claim_id, CAST(i %% 3 AS INTEGER) AS finding_index,
                  CAST(1 + i %% 3 AS INTEGER) AS line_number, 'PT' || CAST(100000 + (i // 3) %% 900000 AS VARCHAR) AS patient_id,
                  DATE '2025-01-01' + CAST((hash(i // 3) %% 365) AS INTEGER) AS date_of_service,
                  CAST(1000000000 + (hash(i // 3 + 7) %% 200) AS VARCHAR) AS billing_npi,
                  CAST(1000000000 + (hash(i // 3 + 7) %% 200) AS VARCHAR) AS rendering_npi,
                  'Clinic ' || CAST(hash(i // 3 + 7) %% 200 AS VARCHAR) AS provider_name,
                  ['Medicare','UnitedHealthcare','Aetna','Cigna','Humana'][1 + CAST(hash(i // 3 + 3) %% 5 AS INTEGER)] AS payer_name,
                  '11' AS place_of_service,
                  ['DOWNCODED_TO_96372','HORMONAL_CLASS_MISMATCH','NON_CHEMO_BILLED_AS_CHEMO','CHEMO_BILLED_AS_THERAPEUTIC',
                   'DUPLICATE_INITIAL','ADDON_WITHOUT_PRIMARY','INFUSION_HOURS','COMBINATION_PRODUCT_SPLIT','DRUG_UNITS',
                   'WASTE_MODIFIER','MISSING_ADMINISTRATION','MISSING_DISTINCT_MODIFIER'][1 + CAST(hash(i) %% 12 AS INTEGER)] AS kind,
                  'R-' || CAST(hash(i) %% 12 AS VARCHAR) AS rule_id, '96372' AS billed_code, '96401' AS expected_code,
                  1 AS billed_units, 1 AS expected_units,
                  ['UNDERPAYMENT','OVERPAYMENT','DENIAL'][1 + CAST(hash(i + 1) %% 3 AS INTEGER)] AS direction,
                  CAST(CAST(hash(i + 2) %% 50000 AS DECIMAL(12,2)) / 100 AS DECIMAL(12,2)) AS amount,
                  'The documented administration supports a different code than the one billed.' AS explanation,
                  '["CMS Transmittal 129","Noridian A52953"]' AS citations,
                  'Please reprocess the claim with the corrected administration code.' AS appeal_text,
                  ['MEDICARE','UHC','AETNA','CIGNA','HUMANA'][1 + CAST(hash(i // 3 + 3) %% 5 AS INTEGER)] AS payer_id
                FROM range(%d) t(i)""".formatted(runId.replace("'", "''"), n));
            s.execute("ALTER TABLE f ADD COLUMN service_month VARCHAR");
            s.execute("UPDATE f SET service_month = strftime(date_of_service, '%Y-%m')");
            s.execute("COPY f TO '" + o + "/findings' (FORMAT PARQUET, PARTITION_BY (payer_id, service_month), OVERWRITE_OR_IGNORE)");
            s.execute("""
                COPY (SELECT run_id, claim_id, any_value(patient_id) patient_id, any_value(date_of_service) date_of_service,
                        any_value(service_month) service_month, any_value(billing_npi) billing_npi, any_value(rendering_npi) rendering_npi,
                        any_value(provider_name) provider_name, any_value(payer_id) payer_id, any_value(payer_name) payer_name,
                        '11' place_of_service, '["C50.911"]' diagnosis_codes, 2 line_count, 1 administration_count,
                        CAST(count(*) AS INTEGER) finding_count, CAST(100.00 AS DECIMAL(12,2)) billed_amount,
                        CAST(120.00 AS DECIMAL(12,2)) expected_amount, CAST(20.00 AS DECIMAL(12,2)) net_impact,
                        '[{"lineNumber":1,"procedureCode":"96372","modifiers":[],"units":1}]' billed_lines_json,
                        '[{"administrationId":"A1","drugCode":"J9395","dose":500,"doseUnit":"mg","route":"IM"}]' administrations_json,
                        '[{"procedureCode":"96401","units":1,"modifiers":[]}]' expected_lines_json, '[]' warnings_json
                      FROM f GROUP BY run_id, claim_id) TO '""" + o + "/encounters/part-00000.parquet' (FORMAT PARQUET)");
            StringBuilder js = new StringBuilder("{");
            try (ResultSet rs = s.executeQuery("SELECT count(*), count(DISTINCT claim_id),"
                    + " coalesce(sum(amount) FILTER (direction='UNDERPAYMENT'),0), coalesce(sum(amount) FILTER (direction='OVERPAYMENT'),0),"
                    + " coalesce(sum(amount) FILTER (direction='DENIAL'),0) FROM f")) {
                rs.next();
                js.append("\"inputLines\":").append(rs.getLong(2) * 2).append(",\"inputAdministrations\":").append(rs.getLong(2))
                  .append(",\"encounters\":").append(rs.getLong(2)).append(",\"rejectedRows\":0,\"findings\":").append(rs.getLong(1))
                  .append(",\"underpayment\":").append(rs.getBigDecimal(3)).append(",\"overpayment\":").append(rs.getBigDecimal(4))
                  .append(",\"denial\":").append(rs.getBigDecimal(5));
            }
            for (String[] g : new String[][] {{"byPayer", "payer_id", "payerId"}, {"byProvider", "billing_npi", "billingNpi"}, {"byKind", "kind", "kind"}}) {
                js.append(",\"").append(g[0]).append("\":[");
                try (ResultSet rs = s.executeQuery("SELECT " + g[1] + ", count(*), coalesce(sum(amount) FILTER (direction='UNDERPAYMENT'),0),"
                        + " coalesce(sum(amount) FILTER (direction='OVERPAYMENT'),0), coalesce(sum(amount) FILTER (direction='DENIAL'),0), sum(amount)"
                        + " FROM f GROUP BY 1 ORDER BY 1")) {
                    boolean first = true;
                    while (rs.next()) {
                        if (!first) js.append(',');
                        first = false;
                        js.append("{\"").append(g[2]).append("\":\"").append(rs.getString(1)).append("\",\"findings\":").append(rs.getLong(2));
                        if (g[0].equals("byKind")) js.append(",\"amount\":").append(rs.getBigDecimal(6));
                        else js.append(",\"underpayment\":").append(rs.getBigDecimal(3)).append(",\"overpayment\":").append(rs.getBigDecimal(4))
                                .append(",\"denial\":").append(rs.getBigDecimal(5));
                        js.append('}');
                    }
                }
                js.append(']');
            }
            js.append('}');
            Files.writeString(out.resolve("summary.json"), js.toString());
            Files.writeString(out.resolve("manifest.json"), String.format(Locale.ROOT,
                    "{\"run_id\":\"%s\",\"fingerprint\":\"bench-%s-%d\",\"rowCounts\":{\"findings\":%d}}", runId, runId, n, n));
        }
        System.err.println("wrote " + n + " findings to " + out);
    }
}
