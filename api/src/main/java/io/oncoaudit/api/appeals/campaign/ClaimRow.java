package io.oncoaudit.api.appeals.campaign;

import io.oncoaudit.api.appeals.state.ClaimState;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * One campaign claim as stored. {@code amount} covers every selected finding; {@code claimed()} is what the
 * appeal asks back (underpayments and denials; overpayments are corrections in the payer's favour).
 */
public record ClaimRow(long campaignId, String claimId, long runPk, String runId, String payerId, String payerName,
                       String billingNpi, String providerName, LocalDate dateOfService, int findings,
                       BigDecimal amount, BigDecimal underpayment, BigDecimal overpayment, BigDecimal denial,
                       ClaimState state, OffsetDateTime stateChangedAt, String stateChangedBy,
                       LocalDate determinationDate, LocalDate submittedOn, LocalDate decidedOn,
                       BigDecimal amountRecovered, String note, String claimType) {

    public BigDecimal claimed() { return underpayment.add(denial); }

    /** The directions of the claim's selected findings that move money (its deadline routes follow them). */
    public java.util.Set<String> directions() {
        java.util.Set<String> d = new java.util.TreeSet<>();
        if (underpayment.signum() > 0) d.add("UNDERPAYMENT");
        if (overpayment.signum() > 0) d.add("OVERPAYMENT");
        if (denial.signum() > 0) d.add("DENIAL");
        return d;
    }
}
