package io.oncoaudit.batch.audit;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Arguments of {@code audit} (contract section 3); null = not given. {@code asp}: a folder of newer CMS ASP quarter
 * files; {@code tablesAsOf}: price with the tables in force on this date instead of each date of service;
 * {@code chargeMaster}: charges per unit, the charge basis of expected lines (built-in default only).
 */
public record AuditOptions(Path claims, Path administrations, Path out, Path feeSchedule, Path payerPolicies,
                           String master, Path asp, LocalDate tablesAsOf, Path chargeMaster) {

    public AuditOptions(Path claims, Path administrations, Path out, Path feeSchedule, Path payerPolicies, String master) {
        this(claims, administrations, out, feeSchedule, payerPolicies, master, null, null, null);
    }
}
