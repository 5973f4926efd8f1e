package io.oncoaudit.batch.audit;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * Arguments of {@code audit} (contract section 3); null = not given.
 * {@code remits}: X12 835 files or a folder of them (contract section 11);
 * {@code asp}: a folder of newer CMS ASP quarter files; {@code tablesAsOf}: price with the tables in force on this date
 * instead of each date of service; {@code chargeMaster}: charges per unit, the charge basis of expected lines (built-in
 * default only); {@code ncci}: a folder of CMS NCCI PTP / MUE files.
 */
public record AuditOptions(Path claims, Path administrations, Path out, Path feeSchedule, Path payerPolicies,
                           String master, Path remits, Path asp, LocalDate tablesAsOf, Path chargeMaster, Path ncci) {

    public AuditOptions(Path claims, Path administrations, Path out, Path feeSchedule, Path payerPolicies, String master) {
        this(claims, administrations, out, feeSchedule, payerPolicies, master, null, null, null, null, null);
    }

    public AuditOptions withRemits(Path p) {
        return new AuditOptions(claims, administrations, out, feeSchedule, payerPolicies, master, p, asp, tablesAsOf,
                chargeMaster, ncci);
    }

    public AuditOptions withTables(Path aspFolder, LocalDate asOf, Path chargeMasterFile) {
        return new AuditOptions(claims, administrations, out, feeSchedule, payerPolicies, master, remits, aspFolder, asOf,
                chargeMasterFile, ncci);
    }

    public AuditOptions withNcci(Path p) {
        return new AuditOptions(claims, administrations, out, feeSchedule, payerPolicies, master, remits, asp, tablesAsOf,
                chargeMaster, p);
    }
}
