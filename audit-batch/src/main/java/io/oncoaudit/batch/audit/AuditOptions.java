package io.oncoaudit.batch.audit;

import java.nio.file.Path;

/** Arguments of {@code audit} (contract section 3); null = not given. {@code ncci}: folder of CMS NCCI files (--ncci). */
public record AuditOptions(Path claims, Path administrations, Path out, Path feeSchedule, Path payerPolicies,
                           String master, Path ncci) {

    public AuditOptions(Path claims, Path administrations, Path out, Path feeSchedule, Path payerPolicies, String master) {
        this(claims, administrations, out, feeSchedule, payerPolicies, master, null);
    }
}
