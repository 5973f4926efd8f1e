package io.oncoaudit.core.pricing;

import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.Setting;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

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

    /**
     * The price of a code on this encounter's claim, or null when the schedule has none (the caller warns and uses 0).
     * A loaded schedule prices by payer, setting and date; the built-in CMS default also by claim type (contract
     * section 10).
     */
    default Quote quote(Encounter encounter, String code) {
        BigDecimal p = perUnit(encounter.payerId(), code, encounter.setting(), encounter.dateOfService());
        return p == null ? null : new Quote(p, Quote.Source.FEE_SCHEDULE, versionLabel(), null, null, null);
    }

    /** The version named in each finding's pricing, e.g. "fee schedule contracts-2026.csv". */
    default String versionLabel() { return "fee schedule " + fingerprint().substring(0, Math.min(12, fingerprint().length())); }

    /**
     * True for the built-in CMS default (contract section 10): Medicare's lesser of charge and price applies to
     * professional claims, institutional claims are priced on OPPS. A loaded schedule replaces all of it.
     */
    default boolean cmsDefault() { return false; }

    /** A charge master's charge per unit for the code (the charge basis of an expected line), or null. */
    default BigDecimal chargePerUnit(String code) { return null; }

    /** The table versions this schedule can use, name -> source (for run manifests). */
    default Map<String, String> tableVersions() { return Map.of("fee schedule", description()); }
}
