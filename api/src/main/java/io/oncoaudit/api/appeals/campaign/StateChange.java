package io.oncoaudit.api.appeals.campaign;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** One kept change of a claim's state: who, when, from (null at creation), to. */
public record StateChange(long id, String claimId, String from, String to, String changedBy, OffsetDateTime changedAt,
                          BigDecimal amountRecovered, String note) { }
