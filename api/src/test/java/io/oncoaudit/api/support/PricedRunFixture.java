package io.oncoaudit.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An audit run folder written with the audit's current findings schema (audit-batch Stage.FINDING_COLUMNS: the
 * pricing columns billed_price decimal(18,6), billed_value, expected_price, expected_charge_basis, expected_value,
 * table_version, pricing_note), COMPLIANCE findings (amount 0 and a note), NOT_PAYABLE_IN_SETTING and NDC kinds,
 * encounters with unclassified_drugs_json, and a manifest with tableVersions (issue 14). Payer ids carry the
 * fixture's {@code tag}, so tests scope every assertion to their own rows.
 */
public final class PricedRunFixture {
    private PricedRunFixture() { }

    /** One finding row: the keys, the money and the pricing columns (null = not written). */
    public record F(String claimId, int index, String payerId, String npi, LocalDate dos, String pos, String kind,
                    String direction, BigDecimal amount, String billedCode, String expectedCode, Integer billedUnits,
                    Integer expectedUnits, BigDecimal billedPrice, BigDecimal billedValue, BigDecimal expectedPrice,
                    BigDecimal chargeBasis, BigDecimal expectedValue, String tableVersion, String note) { }

    /** One encounter: its claim, payer, provider, date, billed lines JSON and unclassified drugs JSON. */
    public record E(String claimId, String payerId, String npi, LocalDate dos, String pos, String billedLinesJson,
                    String unclassifiedDrugsJson) { }

    public record Run(Path dir, String runId, String medicare, String commercial, List<F> findings, List<E> encounters,
                      Map<String, String> tableVersions) { }

    public static final String NPI_A = "1234567893", NPI_B = "1111111112";

    private static BigDecimal d(String v) { return v == null ? null : new BigDecimal(v); }

    /**
     * The run: {@code dos1} and {@code dos2} are the two dates of service (give recent dates for campaigns, whose
     * claims must be within their appeal deadline); {@code complianceAmount} "0.00" as the contract says, anything
     * else to test that the load refuses it.
     */
    public static Run write(Path dir, String tag, LocalDate dos1, LocalDate dos2, String complianceAmount) throws Exception {
        String mcr = "MCR" + tag, com = "COM" + tag;
        String pfsAsp = "PFS 2025 October; ASP 2025-10";
        List<F> fs = List.of(
                // lesser of: 12 units x 55.730 = 668.76, but the charge basis is 600.00 -> 600.00 - 557.30 = 42.70
                new F(tag + "-C1", 1, mcr, NPI_A, dos1, "11", "DRUG_UNITS", "UNDERPAYMENT", d("42.70"), "J9271", "J9271", 10, 12,
                        d("55.730000"), d("557.30"), d("55.730000"), d("600.00"), d("600.00"), pfsAsp, null),
                new F(tag + "-C1", 2, mcr, NPI_A, dos1, "11", "NOT_PAYABLE_IN_SETTING", "COMPLIANCE", d(complianceAmount), "96413", null, 1, 0,
                        d("136.200000"), d("136.20"), null, null, d("0.00"), "PFS 2025 October",
                        "PFS 2025 October: 96413 has no facility price (NA): not paid on a professional claim at place of service 22"),
                new F(tag + "-C2", 1, mcr, NPI_B, dos2, "22", "ADMINISTRATION_CODE_MISMATCH", "COMPLIANCE", d("0.00"), "96401", "96372", 1, 1,
                        d("331.690000"), d("331.69"), d("331.690000"), null, d("331.69"), "OPPS 2025-10",
                        "OPPS 2025-10: 96401 and 96372 are both in APC 5692"),
                new F(tag + "-C3", 1, com, NPI_A, dos1, "11", "NDC_HCPCS_MISMATCH", "DENIAL", d("250.00"), "J9035", "J9035", 10, 10,
                        d("25.000000"), d("0.00"), d("25.000000"), d("300.00"), d("250.00"), "ASP 2025-10", null),
                new F(tag + "-C3", 2, com, NPI_A, dos1, "11", "DOWNCODED_TO_96372", "OVERPAYMENT", d("12.34"), "96401", "96372", 1, 1,
                        d("72.340000"), d("72.34"), d("60.000000"), null, d("60.00"), "PFS 2025 October", null),
                new F(tag + "-C5", 1, mcr, NPI_A, dos2, "11", "NDC_FORMAT", "UNDERPAYMENT", d("20.00"), "J9045", "J9045", 1, 1,
                        d("10.000000"), d("10.00"), d("30.000000"), null, d("30.00"), "ASP 2025-10", null));
        List<E> es = List.of(
                new E(tag + "-C1", mcr, NPI_A, dos1, "11", lines("J9271", "0006-3026-02"), "[]"),
                new E(tag + "-C2", mcr, NPI_B, dos2, "22", lines("96401", null), null),
                new E(tag + "-C3", com, NPI_A, dos1, "11", lines("J9035", null), "[]"),
                new E(tag + "-C4", com, NPI_B, dos2, "11", "[{\"lineNumber\":1,\"procedureCode\":\"96413\",\"units\":1},"
                        + "{\"lineNumber\":2,\"procedureCode\":\"J9999\",\"units\":5,\"ndc\":\"12345-6789-01\"},"
                        + "{\"lineNumber\":3,\"procedureCode\":\"J3490\",\"units\":1}]",
                        "[{\"administrationId\":\"A1\",\"drugCode\":\"J9999\",\"reason\":\"not otherwise classified antineoplastic: no class from a public source\"},"
                                + "{\"administrationId\":\"A2\",\"drugCode\":\"J3490\",\"drugName\":\"Unclassified drugs\",\"reason\":\"unclassified drug code\"}]"),
                new E(tag + "-C5", mcr, NPI_A, dos2, "11", lines("J9045", "1234-5678-90"),
                        "[{\"administrationId\":\"A9\",\"drugCode\":\"J9045\",\"drugName\":\"carboplatin\",\"reason\":\"unknown drug for this date of service\"}]"));
        Files.createDirectories(dir);
        writeParquet(dir, fs, es);
        ObjectMapper json = new ObjectMapper();
        Files.writeString(dir.resolve("summary.json"), "{\"findings\": " + fs.size() + ", \"encounters\": " + es.size() + "}");
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("PFS 2025 October", "shipped PPRRVU2025_Oct.csv (national)");
        versions.put("ASP 2025-10", "shipped asp/2025-10.csv");
        versions.put("OPPS 2025-10", "shipped addendum-b-2025-10.csv");
        ObjectNode manifest = json.createObjectNode();
        manifest.put("runId", "audit-" + tag);
        manifest.set("tableVersions", json.valueToTree(versions));
        manifest.putNull("tablesAsOf");
        String runId = RunManifest.write(dir, manifest);
        return new Run(dir, runId, mcr, com, fs, es, versions);
    }

    private static String lines(String code, String ndc) {
        return "[{\"lineNumber\":1,\"procedureCode\":\"" + code + "\",\"units\":1" + (ndc == null ? "" : ",\"ndc\":\"" + ndc + "\"") + "}]";
    }

    private static void writeParquet(Path dir, List<F> fs, List<E> es) throws Exception {
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            // Stage.FINDING_COLUMNS, with the audit's types
            s.execute("""
                    CREATE TABLE f (claim_id VARCHAR, finding_index INTEGER, line_number INTEGER, patient_id VARCHAR,
                      date_of_service DATE, billing_npi VARCHAR, rendering_npi VARCHAR, provider_name VARCHAR, payer_name VARCHAR,
                      place_of_service VARCHAR, kind VARCHAR, rule_id VARCHAR, billed_code VARCHAR, expected_code VARCHAR,
                      billed_units INTEGER, expected_units INTEGER, direction VARCHAR, amount DECIMAL(12,2), explanation VARCHAR,
                      citations VARCHAR, appeal_text VARCHAR, payer_id VARCHAR, service_month VARCHAR,
                      billed_price DECIMAL(18,6), billed_value DECIMAL(12,2), expected_price DECIMAL(18,6),
                      expected_charge_basis DECIMAL(12,2), expected_value DECIMAL(12,2), table_version VARCHAR, pricing_note VARCHAR)""");
            s.execute("""
                    CREATE TABLE e (claim_id VARCHAR, patient_id VARCHAR, date_of_service DATE, service_month VARCHAR,
                      billing_npi VARCHAR, rendering_npi VARCHAR, provider_name VARCHAR, payer_id VARCHAR, payer_name VARCHAR,
                      place_of_service VARCHAR, diagnosis_codes VARCHAR, line_count INTEGER, administration_count INTEGER,
                      finding_count INTEGER, billed_amount DECIMAL(12,2), expected_amount DECIMAL(12,2), net_impact DECIMAL(12,2),
                      billed_lines_json VARCHAR, administrations_json VARCHAR, expected_lines_json VARCHAR, warnings_json VARCHAR,
                      claim_type VARCHAR, bill_type VARCHAR, member_id VARCHAR, patient_name VARCHAR, payer_claim_number VARCHAR,
                      unclassified_drugs_json VARCHAR)""");
            try (PreparedStatement ps = duck.prepareStatement("INSERT INTO f VALUES (" + "?,".repeat(29) + "?)")) {
                for (F f : fs) {
                    Object[] v = {f.claimId(), f.index(), f.index(), "PT" + Math.abs(f.claimId().hashCode() % 100000), Date.valueOf(f.dos()),
                            f.npi(), f.npi(), "Clinic " + f.npi(), f.payerId() + " plan", f.pos(), f.kind(), "R-" + f.kind(),
                            f.billedCode(), f.expectedCode(), f.billedUnits(), f.expectedUnits(), f.direction(), f.amount(),
                            f.kind() + " on " + f.billedCode(), "[\"CPT 2025\"]", "Please reprocess claim " + f.claimId(),
                            f.payerId(), f.dos().toString().substring(0, 7), f.billedPrice(), f.billedValue(), f.expectedPrice(),
                            f.chargeBasis(), f.expectedValue(), f.tableVersion(), f.note()};
                    for (int i = 0; i < v.length; i++) ps.setObject(i + 1, v[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = duck.prepareStatement("INSERT INTO e VALUES (" + "?,".repeat(26) + "?)")) {
                for (E e : es) {
                    long n = fs.stream().filter(f -> f.claimId().equals(e.claimId())).count();
                    Object[] v = {e.claimId(), "PT" + Math.abs(e.claimId().hashCode() % 100000), Date.valueOf(e.dos()),
                            e.dos().toString().substring(0, 7), e.npi(), e.npi(), "Clinic " + e.npi(), e.payerId(), e.payerId() + " plan",
                            e.pos(), "[\"C50.911\"]", 1, 1, (int) n, new BigDecimal("100.00"), new BigDecimal("100.00"),
                            new BigDecimal("0.00"), e.billedLinesJson(), "[]", e.billedLinesJson(), "[]",
                            "22".equals(e.pos()) ? "INSTITUTIONAL" : "PROFESSIONAL", "22".equals(e.pos()) ? "131" : null, null, null, null,
                            e.unclassifiedDrugsJson()};
                    for (int i = 0; i < v.length; i++) ps.setObject(i + 1, v[i]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            String p = dir.toAbsolutePath().toString().replace("'", "''");
            s.execute("COPY f TO '" + p + "/findings' (FORMAT PARQUET, PARTITION_BY (payer_id, service_month))");
            Files.createDirectories(dir.resolve("encounters"));
            s.execute("COPY e TO '" + p + "/encounters/part-00000.parquet' (FORMAT PARQUET)");
        }
    }

    /** The findings of a run as a list of claims ids (for assertions). */
    public static List<String> claims(List<F> fs) {
        List<String> out = new ArrayList<>();
        for (F f : fs) if (!out.contains(f.claimId())) out.add(f.claimId());
        return out;
    }
}
