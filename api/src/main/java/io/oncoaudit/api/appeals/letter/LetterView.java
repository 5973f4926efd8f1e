package io.oncoaudit.api.appeals.letter;

import io.quarkus.qute.TemplateData;
import java.util.List;

/**
 * What a letter template reads, as {@code {letter.<name>}} (Qute; every value is escaped when it is written into the
 * XHTML). Values are text already worded for the payer: money formatted, internal references stripped, and only the
 * characters XML allows. {@code @TemplateData} gives every member to templates edited at run time too.
 */
@TemplateData
public record LetterView(String letterDate, String subject, String requestType, String route, boolean asksForMoney,
                         String practiceName, String practiceAddress, String practicePhone, String practiceTin,
                         String practiceNpi, String practicePtan, String signatureName, String signatureTitle,
                         String signatureContact, String signature, String billingNpi, String renderingNpi,
                         String billingProviderName, String payerName, String payerId, String claimId,
                         String originalClaimReference, String payerClaimNumber, String memberId, String patientName,
                         String patientId, String dateOfService, String placeOfService, String diagnosisCodes,
                         String typeOfBill, String amountRequested, String overpaymentAmount, String amountSummary,
                         int findingCount, String campaignName, String feeSchedule, String introduction,
                         String overpaymentNote, String submission, boolean lineDetail, List<BilledRow> billedLines,
                         List<CorrectedRow> correctedLines, List<FindingRow> findings, List<String> enclosures) {

    /** A line as billed. */
    @TemplateData
    public record BilledRow(int lineNumber, String code, String modifiers, String units, String charge, String allowed,
                            String paid, String adjustment) { }

    /**
     * A line of the corrected claim: {@code feeSchedule} = price x units, {@code payable} = what the line can be paid
     * (the lesser of its charge basis and its price where that rule applies), {@code changed} false when as billed.
     */
    @TemplateData
    public record CorrectedRow(int lineNumber, String code, String modifiers, int units, String ndc, String feeSchedule,
                               String payable, boolean changed) { }

    /** One correction: what changes, what it is worth (capped at the corrected line's payable value), why, on what authority. */
    @TemplateData
    public record FindingRow(int number, String title, boolean payersFavour, String billed, String corrected, String amount,
                             String why, String appeal, List<String> authorities, String ruleId, Integer lineNumber) { }
}
