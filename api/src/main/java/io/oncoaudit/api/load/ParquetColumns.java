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

    static final List<Column> FINDINGS = List.of(
            req("claim_id"), req("finding_index"), opt("line_number"), opt("patient_id"), req("date_of_service"),
            opt("service_month"), req("payer_id"), opt("payer_name"), req("billing_npi"), opt("rendering_npi"),
            opt("provider_name"), opt("place_of_service"), req("kind"), opt("rule_id"), opt("billed_code"),
            opt("expected_code"), opt("billed_units"), opt("expected_units"), req("direction"), req("amount"),
            opt("explanation"), opt("citations"), opt("appeal_text"),
            // how the amount was priced (contract section 10; older runs lack them: left null)
            opt("billed_price"), opt("billed_value"), opt("expected_price"), opt("expected_charge_basis"),
            opt("expected_value"), opt("table_version"), opt("pricing_note"));

    static final List<Column> ENCOUNTERS = List.of(
            req("claim_id"), opt("patient_id"), req("date_of_service"), opt("service_month"), req("billing_npi"),
            opt("rendering_npi"), opt("provider_name"), req("payer_id"), opt("payer_name"), opt("place_of_service"),
            opt("diagnosis_codes"), opt("line_count"), opt("administration_count"), opt("finding_count"),
            opt("billed_amount"), opt("expected_amount"), opt("net_impact"), opt("billed_lines_json"),
            opt("administrations_json"), opt("expected_lines_json"), opt("warnings_json"),
            // contract section 1 optional claim columns and the unclassified drugs (older runs lack them: left null)
            opt("claim_type"), opt("bill_type"), opt("member_id"), opt("patient_name"), opt("payer_claim_number"),
            opt("unclassified_drugs_json"));
}
