package io.oncoaudit.core.tables;

import java.time.LocalDate;
import java.util.List;

/**
 * One drug-administration code (CPT 96360-96549, HCPCS G0498) from {@code admin-codes.csv}.
 * {@code primaries}: for an add-on, the codes it may be reported with (CPT parenthetical instructions), in the
 * table's order (explanations list them in that order, the same on every run).
 */
public record AdminCode(
        String code,
        String descriptor,
        AdminFamily family,
        AdminRole role,
        AdminSlot slot,
        List<String> primaries,
        boolean hourUnits,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        String citation) {

    public boolean isAddOn() { return role == AdminRole.ADD_ON; }

    public boolean isInitial() { return role == AdminRole.INITIAL; }

    public boolean effectiveOn(LocalDate d) {
        return (effectiveFrom == null || !d.isBefore(effectiveFrom)) && (effectiveTo == null || !d.isAfter(effectiveTo));
    }
}
