package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One drug given, from the medication administration record (contract section 1, administrations).
 * {@code accessSite} is an extension: the IV access used, when documented (two overlapping infusions
 * through different sites are two initial services, not one concurrent infusion).
 */
public record Administration(
        String administrationId,
        String drugCode,
        String drugName,
        BigDecimal dose,
        DoseUnit doseUnit,
        Route route,
        LocalDateTime startTime,
        LocalDateTime endTime,
        boolean pump,
        BigDecimal wasted,
        Integer lesionCount,
        String accessSite) {

    /** Documented minutes between start and end; -1 when either time is missing. */
    public long minutes() {
        if (startTime == null || endTime == null) return -1;
        return startTime.until(endTime, java.time.temporal.ChronoUnit.MINUTES);
    }

    public BigDecimal wastedOrZero() { return wasted == null ? BigDecimal.ZERO : wasted; }
}
