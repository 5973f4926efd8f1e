package io.oncoaudit.api.appeals.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * A campaign with its totals. {@code claims}/{@code amount} are the contract's (every selected finding);
 * {@code claimed} the underpayments and denials asked back; {@code recoverable} leaves out claims past their
 * deadline and closed ones; {@code appealed} counts submitted and decided claims; {@code recovered} what
 * payers paid. {@code claimList} only in the detail, most urgent first. {@code archivedAt}/{@code archivedBy}
 * once archived (absent while the campaign is open).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(long id, String name, String owner, OffsetDateTime createdAt, Map<String, Object> filter,
                           String filterDescription, int claims, BigDecimal amount, BigDecimal claimed,
                           BigDecimal recoverable, int pastDeadlineClaims, BigDecimal pastDeadlineAmount,
                           int appealedClaims, BigDecimal appealed, BigDecimal recovered, Map<String, Integer> states,
                           NextDeadline nextDeadline, List<ClaimView> claimList, OffsetDateTime archivedAt,
                           String archivedBy) {

    /** The most urgent open claim: what to work on first. */
    public record NextDeadline(String claimId, LocalDate due, String route, long daysLeft, boolean estimated) { }
}
