package io.oncoaudit.api.rest;

import io.oncoaudit.api.query.FindingRow;
import io.oncoaudit.api.query.PricingView;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * The pricing columns of the findings exports (issue 14, contract section 10), appended after the CSV's and the
 * workbook's other columns: the same names and values in both. Empty for a finding of a run without pricing.
 */
final class PricingColumns {
    private PricingColumns() { }

    static final List<String> NAMES = List.of("billed_price", "billed_value", "expected_price", "charge_basis",
            "charge_basis_source", "expected_value", "charge_limited", "table_version", "pricing_note");

    /** Typed values in {@link #NAMES} order (BigDecimal money and prices, text, Boolean as text), nulls when unpriced. */
    static Object[] values(FindingRow r) {
        PricingView p = r.pricing();
        if (p == null) return new Object[NAMES.size()];
        return new Object[] {p.billedPrice(), p.billedValue(), p.expectedPrice(), p.chargeBasis(), p.chargeBasisSource(),
                p.expectedValue(), p.chargeLimited() == null ? null : p.chargeLimited().toString(), p.tableVersion(), p.note()};
    }

    static String csvHeader() { return "," + String.join(",", NAMES); }

    static void csvCells(java.io.Writer w, FindingRow r) throws java.io.IOException {
        for (Object v : values(r)) Csv.cell(w, v == null ? null : v instanceof BigDecimal b ? b.toPlainString() : v.toString(), false);
    }

    /** Workbook columns: prices as plain numbers (CMS publishes 3 decimals), values in the currency format. */
    static List<Xlsx.Column> xlsxColumns() {
        return List.of(Xlsx.Column.count("billed_price"), Xlsx.Column.money("billed_value"), Xlsx.Column.count("expected_price"),
                Xlsx.Column.money("charge_basis"), Xlsx.Column.text("charge_basis_source", 30), Xlsx.Column.money("expected_value"),
                Xlsx.Column.text("charge_limited", 10), Xlsx.Column.text("table_version", 26), Xlsx.Column.text("pricing_note", 50));
    }

    static List<Object> xlsxValues(FindingRow r) { return Arrays.asList(values(r)); }
}
