package io.oncoaudit.api.rest;

import io.oncoaudit.api.query.FindingRow;
import java.io.IOException;
import java.io.Writer;

/**
 * RFC 4180 CSV of findings. A cell beginning with = + - @ (or tab / carriage return) gets a leading
 * apostrophe so a spreadsheet shows it as text instead of running it (OWASP "CSV Injection").
 */
public final class Csv {
    private Csv() { }

    static void header(Writer w, boolean patientLevel) throws IOException {
        w.write("run_id,claim_id,finding_index,line_number," + (patientLevel ? "patient_id," : "")
                + "date_of_service,payer_id,payer_name,billing_npi,rendering_npi,provider_name,place_of_service,kind,rule_id,"
                + "billed_code,expected_code,billed_units,expected_units,direction,amount,explanation,citations,appeal_text,status"
                + PricingColumns.csvHeader() + "," + REMIT_HEADER + "\r\n");
    }

    static void row(Writer w, FindingRow r, boolean patientLevel) throws IOException {
        cell(w, r.runId(), true);
        cell(w, r.claimId(), false);
        cell(w, Integer.toString(r.findingIndex()), false);
        cell(w, str(r.lineNumber()), false);
        if (patientLevel) cell(w, r.patientId(), false);
        cell(w, str(r.dateOfService()), false);
        cell(w, r.payerId(), false);
        cell(w, r.payerName(), false);
        cell(w, r.billingNpi(), false);
        cell(w, r.renderingNpi(), false);
        cell(w, r.providerName(), false);
        cell(w, r.placeOfService(), false);
        cell(w, r.kind(), false);
        cell(w, r.ruleId(), false);
        cell(w, r.billedCode(), false);
        cell(w, r.expectedCode(), false);
        cell(w, str(r.billedUnits()), false);
        cell(w, str(r.expectedUnits()), false);
        cell(w, r.direction(), false);
        cell(w, r.amount() == null ? null : r.amount().toPlainString(), false);
        cell(w, r.explanation(), false);
        cell(w, r.citations() == null ? null : r.citations().toString(), false);
        cell(w, r.appealText(), false);
        cell(w, r.status(), false);
        PricingColumns.csvCells(w, r);
        for (Object v : remitCells(r)) cell(w, v == null ? null : v instanceof java.math.BigDecimal b ? b.toPlainString() : v.toString(), false);
        w.write("\r\n");
    }

    /** The remittance columns of the findings exports (CSV and XLSX): what the payer's 835 said about the line. */
    static final String REMIT_HEADER = "remit_status,remit_paid,remit_allowed,remit_carc,remit_rarc,remit_claim_status,remit_payer_claim_number";

    static Object[] remitCells(FindingRow r) {
        io.oncoaudit.api.query.FindingRemittance m = r.remittance();
        if (m == null) return new Object[7];
        return new Object[] {m.status(), m.paid(), m.allowed(), m.carcText(), m.rarcText(), m.claimStatus(), m.payerClaimNumber()};
    }

    private static String str(Object o) { return o == null ? null : o.toString(); }

    /** Cells a spreadsheet would run as a formula get a leading quote (shared by the CSV export and the appeal packets). */
    public static String neutralise(String v) {
        if (v == null || v.isEmpty()) return v;
        char c = v.charAt(0);
        return (c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r') ? "'" + v : v;
    }

    public static void cell(Writer w, String value, boolean first) throws IOException {
        if (!first) w.write(',');
        String v = neutralise(value);
        if (v == null) return;
        boolean quote = v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0;
        if (!quote) {
            w.write(v);
            return;
        }
        w.write('"');
        w.write(v.replace("\"", "\"\""));
        w.write('"');
    }
}
