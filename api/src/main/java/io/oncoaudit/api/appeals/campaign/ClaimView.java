package io.oncoaudit.api.appeals.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.oncoaudit.api.appeals.deadline.Deadline;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A campaign claim as shown: its money, state and appeal clock. {@code claimed} is what the appeal asks
 * back (underpayment + denial); {@code recoverable} is that amount while the claim can still be won
 * (open and not past its deadline), else 0. {@code pastDeadline}: not yet submitted and every route closed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(String claimId, String runId, String payerId, String payerName, String billingNpi,
                        String providerName, LocalDate dateOfService, int findings, BigDecimal amount,
                        BigDecimal claimed, BigDecimal underpayment, BigDecimal overpayment, BigDecimal denial,
                        String state, List<String> nextStates, OffsetDateTime stateChangedAt, String stateChangedBy,
                        LocalDate determinationDate, LocalDate submittedOn, LocalDate decidedOn,
                        BigDecimal amountRecovered, String note, Deadline deadline, boolean pastDeadline,
                        BigDecimal recoverable, List<StateChange> history) { }
