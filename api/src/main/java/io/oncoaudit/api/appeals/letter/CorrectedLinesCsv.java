package io.oncoaudit.api.appeals.letter;

import io.oncoaudit.api.appeals.letter.LetterData.CorrectedLine;
import io.oncoaudit.api.rest.Csv;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Locale;

/**
 * {@code corrected-lines.csv} of a packet: the replacement claims, one row per corrected line, with claim
 * frequency code 7 (replacement of a prior claim) and the original claim's reference (837P CLM05-3 /
 * CMS-1500 box 22; the last digit of the type of bill, e.g. 137, on an institutional claim); for Medicare Part B no
 * frequency code: the lines go with the reopening or redetermination request ({@link LetterRoute}). Columns after the
 * first two are the claim extract's (contract section 1), so
 * the file can be re-audited. RFC 4180; a cell starting with = + - @ (or tab / carriage return) gets a
 * leading apostrophe so a spreadsheet shows it as text instead of running it (OWASP CSV injection).
 */
public final class CorrectedLinesCsv {
    public static final String HEADER = "claim_frequency_code,original_claim_id,claim_id,line_number,patient_id,date_of_service,"
            + "billing_npi,rendering_npi,provider_name,payer_id,payer_name,place_of_service,procedure_code,modifiers,units,ndc,"
            + "diagnosis_codes,charge_amount,charge_source,fee_schedule_amount,changed,submission_note,type_of_bill";
    /** A payer whose professional claims are corrected by reopening, never by a frequency-7 replacement. */
    public static boolean correctsByReopening(String payerId) {
        return LetterRoute.medicare(payerId);
    }

    private CorrectedLinesCsv() { }

    public static void header(Writer w) throws IOException {
        w.write(HEADER);
        w.write("\r\n");
    }

    /** Rows of one claim; none when the run holds no line detail for it. */
    public static int rows(Writer w, LetterData d) throws IOException {
        if (!d.lineDetail()) return 0;
        // the route decides the claim form's codes (LetterRoute): frequency 7 replaces a claim where the payer takes
        // replacements (type of bill xx7 for an institutional claim), none for a Medicare Part B reopening or
        // redetermination, 1 (a new claim) for a claim returned as unprocessable
        LetterRoute route = LetterRoute.of(d);
        String note = route.csvNote();
        int n = 0;
        for (CorrectedLine l : d.correctedLines()) {
            cell(w, route.frequencyCode(), true);
            cell(w, d.claimId(), false);
            cell(w, d.claimId(), false);
            cell(w, Integer.toString(l.lineNumber()), false);
            cell(w, d.patientId(), false);
            cell(w, str(d.dateOfService()), false);
            cell(w, d.billingNpi(), false);
            cell(w, d.renderingNpi(), false);
            cell(w, d.providerName(), false);
            cell(w, d.payerId(), false);
            cell(w, d.payerName(), false);
            cell(w, d.placeOfService(), false);
            cell(w, l.procedureCode(), false);
            cell(w, String.join("|", l.modifiers()), false);
            cell(w, Integer.toString(l.units()), false);
            cell(w, l.ndc(), false);
            cell(w, String.join("|", d.diagnosisCodes()), false);
            cell(w, plain(l.chargeAmount()), false);
            cell(w, l.chargeAmount() == null ? "none: enter your charge" : l.chargeFromBill() ? "billed charge per unit"
                    : "fee schedule: replace with your charge", false);
            cell(w, plain(l.feeScheduleAmount()), false);
            cell(w, Boolean.toString(l.changed()).toLowerCase(Locale.ROOT), false);
            cell(w, note, false);
            cell(w, route.typeOfBill(), false);
            w.write("\r\n");
            n++;
        }
        return n;
    }

    public static String neutralise(String v) { return Csv.neutralise(v); }

    static void cell(Writer w, String value, boolean first) throws IOException { Csv.cell(w, value, first); }

    private static String plain(BigDecimal b) { return b == null ? null : b.toPlainString(); }

    private static String str(Object o) { return o == null ? null : o.toString(); }
}
