package io.oncoaudit.api.appeals.letter;

import io.oncoaudit.api.appeals.deadline.Deadline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * Everything one appeal letter and its replacement lines say about a claim. {@code patientId} is null
 * for readers without patient-level access (finance); their texts are scrubbed of it as well.
 * {@code lineDetail} is false when the run holds no encounter row for the claim (findings only).
 */
public record LetterData(long campaignId, String campaignName, LocalDate letterDate, String claimId, String runId,
                         String patientId, LocalDate dateOfService, String placeOfService, List<String> diagnosisCodes,
                         String providerName, String billingNpi, String renderingNpi, String payerId, String payerName,
                         boolean lineDetail, List<BilledLine> billedLines, List<CorrectedLine> correctedLines,
                         List<LetterFinding> findings, Deadline deadline, Beneficiary beneficiary,
                         String administrationsJson, String claimType, String billType) {

    /** The letter of a claim without the claim form columns (a professional claim). */
    public LetterData(long campaignId, String campaignName, LocalDate letterDate, String claimId, String runId,
                      String patientId, LocalDate dateOfService, String placeOfService, List<String> diagnosisCodes,
                      String providerName, String billingNpi, String renderingNpi, String payerId, String payerName,
                      boolean lineDetail, List<BilledLine> billedLines, List<CorrectedLine> correctedLines,
                      List<LetterFinding> findings, Deadline deadline, Beneficiary beneficiary, String administrationsJson) {
        this(campaignId, campaignName, letterDate, claimId, runId, patientId, dateOfService, placeOfService, diagnosisCodes,
                providerName, billingNpi, renderingNpi, payerId, payerName, lineDetail, billedLines, correctedLines, findings,
                deadline, beneficiary, administrationsJson, null, null);
    }

    /** The letter without the extract's beneficiary columns. */
    public LetterData(long campaignId, String campaignName, LocalDate letterDate, String claimId, String runId,
                      String patientId, LocalDate dateOfService, String placeOfService, List<String> diagnosisCodes,
                      String providerName, String billingNpi, String renderingNpi, String payerId, String payerName,
                      boolean lineDetail, List<BilledLine> billedLines, List<CorrectedLine> correctedLines,
                      List<LetterFinding> findings, Deadline deadline) {
        this(campaignId, campaignName, letterDate, claimId, runId, patientId, dateOfService, placeOfService, diagnosisCodes,
                providerName, billingNpi, renderingNpi, payerId, payerName, lineDetail, billedLines, correctedLines, findings,
                deadline, Beneficiary.NONE, null, null, null);
    }

    /**
     * The extract's optional member_id, patient_name and payer_claim_number (contract section 1), null when the
     * extract had none; member id and name are withheld (null) for readers without patient-level access.
     */
    public record Beneficiary(String memberId, String patientName, String payerClaimNumber) {
        public static final Beneficiary NONE = new Beneficiary(null, null, null);
    }

    public record BilledLine(int lineNumber, String procedureCode, List<String> modifiers, BigDecimal units, String ndc,
                             BigDecimal chargeAmount, BigDecimal allowedAmount, BigDecimal paidAmount,
                             List<String> adjustmentReasonCodes, List<String> remarkCodes) { }

    /** Remark code of a claim returned as unprocessable (no initial determination, so no appeal rights). */
    public static final String UNPROCESSABLE = "MA130";

    /**
     * The payer returned the claim as unprocessable (a billed line carries remark code MA130, usually with CO-16): there is no
     * initial determination to appeal; the claim is corrected and submitted again as a new claim
     * (CMS Pub 100-04 Ch.1 \u00a780.3.2).
     */
    public boolean unprocessable() {
        for (BilledLine l : billedLines) {
            for (List<String> codes : java.util.Arrays.asList(l.remarkCodes(), l.adjustmentReasonCodes())) {
                if (codes == null) continue;
                // "MA130", or written with its claim adjustment as "CO-16/MA130" / "CO-16:MA130"
                for (String r : codes) if (r != null && r.toUpperCase(java.util.Locale.ROOT).matches("(?:.*[^A-Z0-9])?MA130")) return true;
            }
        }
        return false;
    }

    /** A line of the replacement claim; {@code chargeFromBill} false when the charge is the fee-schedule amount. */
    public record CorrectedLine(int lineNumber, String procedureCode, List<String> modifiers, int units, String ndc,
                                BigDecimal feeScheduleAmount, BigDecimal chargeAmount, boolean chargeFromBill, boolean changed) { }

    /**
     * A finding of the letter. {@code lineValue}: what its corrected line can be paid (the audit's priced value of the
     * expected line, else the billed line's charge per unit x the expected units), null when unknown; {@code requested}:
     * what the letter asks for it, never above {@code lineValue} (several findings on one corrected line share it).
     */
    public record LetterFinding(int findingIndex, Integer lineNumber, String kind, String ruleId, String billedCode,
                                Integer billedUnits, String expectedCode, Integer expectedUnits, String direction,
                                BigDecimal amount, String explanation, List<String> citations, String appealText,
                                BigDecimal lineValue, BigDecimal requested) {
        public LetterFinding(int findingIndex, Integer lineNumber, String kind, String ruleId, String billedCode,
                             Integer billedUnits, String expectedCode, Integer expectedUnits, String direction,
                             BigDecimal amount, String explanation, List<String> citations, String appealText) {
            this(findingIndex, lineNumber, kind, ruleId, billedCode, billedUnits, expectedCode, expectedUnits, direction, amount,
                    explanation, citations, appealText, null, amount);
        }

        /** Asks money back (an underpayment or a denial). */
        public boolean asksBack() {
            return !"OVERPAYMENT".equals(direction) && !"COMPLIANCE".equals(direction);
        }
    }

    /**
     * What the letter asks for each finding: its amount, but a corrected line is never asked for more than it can be
     * paid: the findings asking money back on one corrected line (same billed line and expected code), in finding order,
     * share its value.
     * The campaign's claim amounts are capped the same way (CampaignRepository, in SQL).
     */
    public static List<LetterFinding> capped(List<LetterFinding> findings) {
        java.util.Map<String, BigDecimal> used = new java.util.HashMap<>();
        List<LetterFinding> out = new java.util.ArrayList<>(findings.size());
        for (LetterFinding f : findings) {
            BigDecimal requested = f.amount();
            if (f.asksBack() && f.lineValue() != null && requested != null) {
                String key = f.lineNumber() + "/" + f.expectedCode();
                BigDecimal before = used.getOrDefault(key, BigDecimal.ZERO);
                BigDecimal room = f.lineValue().subtract(before).max(BigDecimal.ZERO);
                requested = requested.min(room);
                used.put(key, before.add(requested));
            }
            out.add(new LetterFinding(f.findingIndex(), f.lineNumber(), f.kind(), f.ruleId(), f.billedCode(), f.billedUnits(),
                    f.expectedCode(), f.expectedUnits(), f.direction(), f.amount(), f.explanation(), f.citations(), f.appealText(),
                    f.lineValue(), requested == null ? null : requested.setScale(2, java.math.RoundingMode.HALF_EVEN)));
        }
        return out;
    }

    /** What the letter asks back: underpayments and denials. */
    public BigDecimal amountRequested() {
        return sum(false);
    }

    /** Corrections in the payer's favour that the replacement claim also carries. */
    public BigDecimal overpaymentAmount() {
        return sum(true);
    }

    private BigDecimal sum(boolean overpayment) {
        BigDecimal s = BigDecimal.ZERO.setScale(2);
        for (LetterFinding f : findings) {
            if ("OVERPAYMENT".equals(f.direction()) == overpayment) s = s.add(overpayment ? f.amount() : f.requested());
        }
        return s;
    }
}
