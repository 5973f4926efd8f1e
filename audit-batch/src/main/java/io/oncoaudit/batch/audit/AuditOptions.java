package io.oncoaudit.batch.audit;

import java.nio.file.Path;

/** Arguments of {@code audit} (contract section 3); null = not given. */
public record AuditOptions(Path claims, Path administrations, Path out, Path feeSchedule, Path payerPolicies,
                           String master) { }
