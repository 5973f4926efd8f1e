package io.oncoaudit.core.model;

import java.time.LocalDate;
import java.util.List;

/** One claim = one encounter on one date of service (contract sections 1 and 5). */
public record Encounter(
        String claimId,
        String patientId,
        LocalDate dateOfService,
        String billingNpi,
        String renderingNpi,
        String providerName,
        String payerId,
        String payerName,
        String placeOfService,
        List<String> diagnosisCodes,
        List<ClaimLine> lines,
        List<Administration> administrations) {

    public Encounter {
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
        lines = lines == null ? List.of() : List.copyOf(lines);
        administrations = administrations == null ? List.of() : List.copyOf(administrations);
    }

    /** Claims-only mode: no administration record, so drug lines are taken as billed (contract section 4). */
    public boolean claimsOnly() { return administrations.isEmpty(); }

    public Setting setting() { return Setting.ofPlaceOfService(placeOfService); }
}
