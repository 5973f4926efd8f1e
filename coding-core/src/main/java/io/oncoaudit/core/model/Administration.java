package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * One drug given, from the medication administration record (contract section 1, administrations).
 * {@code accessSite} is an extension: the IV access used, when documented (two overlapping infusions
 * through different sites are two initial services, not one concurrent infusion, only with a documented
 * {@code separateSiteReason}). {@code pumpOwner} null = unknown (contract section 1, pump_owner).
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
        String accessSite,
        PumpOwner pumpOwner,
        String separateSiteReason) {

    /** An administration without pump owner or separate-site reason (both unknown). */
    public Administration(String administrationId, String drugCode, String drugName, BigDecimal dose, DoseUnit doseUnit,
                          Route route, LocalDateTime startTime, LocalDateTime endTime, boolean pump, BigDecimal wasted,
                          Integer lesionCount, String accessSite) {
        this(administrationId, drugCode, drugName, dose, doseUnit, route, startTime, endTime, pump, wasted, lesionCount,
                accessSite, null, null);
    }

    /** Documented minutes between start and end; -1 when either time is missing. */
    public long minutes() {
        if (startTime == null || endTime == null) return -1;
        // complete minutes, as startTime.until(endTime, MINUTES), without its general-purpose unit dispatch
        long seconds = endTime.toEpochSecond(java.time.ZoneOffset.UTC) - startTime.toEpochSecond(java.time.ZoneOffset.UTC);
        if (Math.abs(seconds) > 1L << 40) return startTime.until(endTime, java.time.temporal.ChronoUnit.MINUTES);
        long nanos = seconds * 1_000_000_000L + (endTime.getNano() - startTime.getNano());
        return nanos / 60_000_000_000L;
    }

    public BigDecimal wastedOrZero() { return wasted == null ? BigDecimal.ZERO : wasted; }
}
