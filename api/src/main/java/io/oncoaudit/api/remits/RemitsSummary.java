package io.oncoaudit.api.remits;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * GET /api/summary/remits: what the payers' remittances (X12 835) say, over the loaded remittance lines that match
 * the filters. Denials on remittance (a payer's decision) and the rules' predicted denial exposure are separate
 * figures and never added together.
 */
@Schema(description = "Denials and underpayment on remittance (X12 835), beside the rules' predicted denial exposure")
public record RemitsSummary(
        @Schema(description = "money the rules predict a payer would deny (findings of direction DENIAL): a prediction, not a payer's decision")
        BigDecimal predictedDenialExposure,
        @Schema(description = "remittance service lines in scope") long remittanceLines,
        @Schema(description = "paid on those lines") BigDecimal paid,
        @Schema(description = "lines the payer paid 0 with a CO, OA or PI adjustment (denied or rejected); amount: their expected value")
        Figure deniedOnRemittance,
        @Schema(description = "paid lines whose allowed amount is below the line's fee-schedule value; amount: the shortfall")
        Figure paidBelowExpected,
        @Schema(description = "the revenue-cycle split: denial, rejection, zero-pay, underpayment, paid") List<Category> revenueCycle,
        @Schema(description = "adjusted lines and adjustment amounts per CAS group and reason code, largest first") List<Carc> byCarc,
        @Schema(description = "per payer of the extract (payerId null: remittance claims the extract does not hold)") List<Payer> byPayer) {

    public record Figure(long lines, BigDecimal amount) { }

    public record Category(@Schema(enumeration = {"denial", "rejection", "zero-pay", "underpayment", "paid"}) String category,
                           String remitStatus, long lines, BigDecimal paid, BigDecimal expectedValue,
                           @Schema(description = "left unpaid against the expected value: all of it for denial, rejection and zero-pay, the shortfall for underpayment, 0 for paid")
                           BigDecimal amount) { }

    public record Carc(String group, String carc, long lines, BigDecimal amount,
                       @Schema(description = "of those lines, the ones denied or rejected") long deniedLines) { }

    public record Payer(String payerId, String remitPayerName, long remittanceLines, long deniedLines, BigDecimal deniedAmount,
                        long paidBelowExpectedLines, BigDecimal paidBelowExpectedAmount, BigDecimal paid) { }
}
