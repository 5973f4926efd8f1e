package io.oncoaudit.batch.input;

import java.util.List;

/**
 * The two extract tables of contract section 1, with their columns in contract order.
 * {@code source} is the name written into rejects ("claim_lines" | "administrations").
 */
public enum Table {
    CLAIM_LINES("claim_lines", List.of(
            Column.req("claim_id"), Column.req("line_number"), Column.req("patient_id"), Column.req("date_of_service"),
            Column.req("billing_npi"), Column.opt("rendering_npi"), Column.opt("provider_name"), Column.req("payer_id"),
            Column.opt("payer_name"), Column.req("place_of_service"), Column.req("procedure_code"), Column.opt("modifiers"),
            Column.req("units"), Column.opt("ndc"), Column.req("diagnosis_codes"), Column.req("charge_amount"),
            Column.opt("allowed_amount"), Column.opt("paid_amount"), Column.opt("adjustment_reason_codes"),
            Column.opt("remark_codes"), Column.opt("claim_type"), Column.opt("bill_type"), Column.opt("revenue_code"),
            Column.opt("member_id"), Column.opt("patient_name"), Column.opt("payer_claim_number"))),
    ADMINISTRATIONS("administrations", List.of(
            Column.req("claim_id"), Column.req("administration_id"), Column.req("drug_code"), Column.opt("drug_name"),
            Column.req("dose"), Column.req("dose_unit"), Column.req("route"), Column.opt("start_time"),
            Column.opt("end_time"), Column.opt("pump"), Column.opt("wasted"), Column.opt("lesion_count"),
            // extension of the core model: the IV access used (two infusions through two sites = two initials)
            Column.opt("access_site"), Column.opt("pump_owner"), Column.opt("separate_site_reason")));

    /** One contract column; {@code required} = the column must exist in the file header (contract "req"). */
    public record Column(String name, boolean required) {
        static Column req(String n) { return new Column(n, true); }
        static Column opt(String n) { return new Column(n, false); }
    }

    private final String source;
    private final List<Column> columns;

    Table(String source, List<Column> columns) {
        this.source = source;
        this.columns = columns;
    }

    public String source() { return source; }

    public List<Column> columns() { return columns; }

    public List<String> names() { return columns.stream().map(Column::name).toList(); }

    public int index(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        throw new IllegalArgumentException(source + " has no column " + column);
    }

    /** Columns that must be present in a file's header. start_time/end_time are conditionally required per row. */
    public List<String> requiredNames() { return columns.stream().filter(Column::required).map(Column::name).toList(); }
}
