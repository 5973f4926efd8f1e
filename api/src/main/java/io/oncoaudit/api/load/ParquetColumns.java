package io.oncoaudit.api.load;

import java.util.List;

/**
 * The Parquet columns of the audit output (team brief, "Audit run output layout") and the PostgreSQL
 * columns they are copied into, in COPY order. A column marked required must exist in the files;
 * an optional one missing from the files is loaded as null (or derived, for service_month).
 */
final class ParquetColumns {
    private ParquetColumns() { }

    record Column(String name, boolean required) { }

    private static Column req(String n) { return new Column(n, true); }

    private static Column opt(String n) { return new Column(n, false); }

    /**
     * How each finding was priced (contract section 10; audit-batch Stage, FindingPricing; Flyway V30): runs written
     * before these columns load them as null.
     */
    static final List<Column> PRICING = List.of(opt("billed_price"), opt("billed_value"), opt("expected_price"),
            opt("expected_charge_basis"), opt("expected_value"), opt("table_version"), opt("pricing_note"));

    private static List<Column> concat(List<Column> a, List<Column> b) {
        List<Column> all = new java.util.ArrayList<>(a);
        all.addAll(b);
        return List.copyOf(all);
    }

    static final List<Column> FINDINGS = concat(List.of(
            req("claim_id"), req("finding_index"), opt("line_number"), opt("patient_id"), req("date_of_service"),
            opt("service_month"), req("payer_id"), opt("payer_name"), req("billing_npi"), opt("rendering_npi"),
            opt("provider_name"), opt("place_of_service"), req("kind"), opt("rule_id"), opt("billed_code"),
            opt("expected_code"), opt("billed_units"), opt("expected_units"), req("direction"), req("amount"),
            opt("explanation"), opt("citations"), opt("appeal_text"),
            // audit --remits (contract section 11): what the remittance says about the finding's line (null without)
            opt("remit_status"), opt("remit_paid"), opt("remit_allowed"), opt("remit_carc"), opt("remit_rarc"),
            opt("remit_claim_status"), opt("remit_payer_claim_number")), PRICING);

    static final List<Column> ENCOUNTERS = List.of(
            req("claim_id"), opt("patient_id"), req("date_of_service"), opt("service_month"), req("billing_npi"),
            opt("rendering_npi"), opt("provider_name"), req("payer_id"), opt("payer_name"), opt("place_of_service"),
            opt("diagnosis_codes"), opt("line_count"), opt("administration_count"), opt("finding_count"),
            opt("billed_amount"), opt("expected_amount"), opt("net_impact"), opt("billed_lines_json"),
            opt("administrations_json"), opt("expected_lines_json"), opt("warnings_json"),
            // contract section 1 optional claim columns and the unclassified drugs (older runs lack them: left null)
            opt("claim_type"), opt("bill_type"), opt("member_id"), opt("patient_name"), opt("payer_claim_number"),
            opt("unclassified_drugs_json"));

    /** DIR/remits/lines (and remits/unmatched, its rows without a billed line) of audit --remits; nested values as JSON. */
    static final List<Column> REMIT_LINES = List.of(
            opt("file"), opt("segment_position"), req("claim_id"), opt("payer_key"), opt("payer_name"), opt("claim_status"),
            opt("payer_claim_number"), req("claim_matched"), req("is_line"), req("line_number"), opt("procedure_code"),
            opt("modifiers"), opt("adjudicated_code"), opt("adjudicated_modifiers"), opt("revenue_code"),
            opt("date_of_service"), opt("units"), opt("charge"), req("paid"), opt("allowed"), opt("allowed_basis"),
            opt("patient_responsibility"), req("adjustments"), opt("carc"), opt("rarc"), req("remit_status"),
            opt("expected_price"), opt("expected_value"), opt("shortfall"), opt("note"));
}
