package io.oncoaudit.core.pricing;

import io.oncoaudit.core.model.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Allowed amount per unit for a code (contract section 2). Implementations are immutable and
 * thread-safe; they are loaded once and shared by every encounter.
 */
public interface FeeSchedule {

    /** Allowed amount per unit, or null when the schedule has no price (the caller warns and uses 0). */
    BigDecimal perUnit(String payerId, String procedureCode, Setting setting, LocalDate dateOfService);

    /** A stable hash of the schedule's content, for run manifests. */
    String fingerprint();

    /** Where the prices come from, for people. */
    String description();
}
