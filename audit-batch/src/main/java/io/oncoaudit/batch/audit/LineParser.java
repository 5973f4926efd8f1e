package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.Table;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import java.time.LocalDate;
import java.util.List;

/** Converts a claim_lines row to typed values (contract section 1); throws InvalidFieldException naming the column. */
final class LineParser {
    private static final Table T = Table.CLAIM_LINES;
    private static final int LINE_NUMBER = T.index("line_number"), PATIENT = T.index("patient_id"),
            DOS = T.index("date_of_service"), BILLING = T.index("billing_npi"), RENDERING = T.index("rendering_npi"),
            PROVIDER = T.index("provider_name"), PAYER = T.index("payer_id"), PAYER_NAME = T.index("payer_name"),
            POS = T.index("place_of_service"), CODE = T.index("procedure_code"), MODIFIERS = T.index("modifiers"),
            UNITS = T.index("units"), NDC = T.index("ndc"), DX = T.index("diagnosis_codes"), CHARGE = T.index("charge_amount"),
            ALLOWED = T.index("allowed_amount"), PAID = T.index("paid_amount"), CARC = T.index("adjustment_reason_codes"),
            RARC = T.index("remark_codes"), CLAIM_TYPE = T.index("claim_type"), BILL_TYPE = T.index("bill_type"),
            REVENUE = T.index("revenue_code"), MEMBER = T.index("member_id"), PATIENT_NAME = T.index("patient_name"),
            PAYER_CLAIM = T.index("payer_claim_number");

    private LineParser() { }

    /** Claim-level values carried on every line (they must agree across the lines of one claim). */
    record ClaimFields(String patientId, LocalDate dateOfService, String billingNpi, String renderingNpi,
                       String providerName, String payerId, String payerName, String placeOfService,
                       List<String> diagnosisCodes, ClaimType claimType, String billType, String memberId,
                       String patientName, String payerClaimNumber) { }

    record ParsedLine(SourceRow source, ClaimFields claim, ClaimLine line) { }

    static ParsedLine parse(SourceRow src) {
        Cells c = new Cells(src.cells());
        // Order = contract column order, so the first problem reported is the leftmost one.
        int lineNumber = c.integer(LINE_NUMBER, "line_number", true, 1);
        String patient = c.required(PATIENT, "patient_id");
        LocalDate dos = c.date(DOS, "date_of_service");
        String billing = c.required(BILLING, "billing_npi");
        String payer = c.required(PAYER, "payer_id");
        String pos = c.required(POS, "place_of_service");
        String code = c.required(CODE, "procedure_code");
        var units = c.nonNegative(UNITS, "units", true);
        List<String> dx = c.list(DX);
        if (dx.isEmpty()) throw new io.oncoaudit.core.model.InvalidFieldException("diagnosis_codes", "is required but blank");
        var charge = c.money(CHARGE, "charge_amount", true);
        var allowed = c.money(ALLOWED, "allowed_amount", false);
        var paid = c.money(PAID, "paid_amount", false);
        ClaimType claimType = ClaimType.parse("claim_type", c.text(CLAIM_TYPE));
        ClaimFields claim = new ClaimFields(patient, dos, billing, c.text(RENDERING), c.text(PROVIDER), payer,
                c.text(PAYER_NAME), pos, dx, claimType, c.text(BILL_TYPE), c.text(MEMBER), c.text(PATIENT_NAME),
                c.text(PAYER_CLAIM));
        ClaimLine line = new ClaimLine(lineNumber, code, c.list(MODIFIERS), units, c.text(NDC), charge, allowed, paid,
                c.list(CARC), c.list(RARC), c.text(REVENUE));
        return new ParsedLine(src, claim, line);
    }
}
