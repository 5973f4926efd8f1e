package io.oncoaudit.core.model;

import java.time.LocalDate;
import java.util.List;

/**
 * One claim = one encounter on one date of service (contract sections 1 and 5). The claim-level optional
 * columns of contract section 1 ({@code claimType}, {@code billType}, {@code memberId}, {@code patientName},
 * {@code payerClaimNumber}) may be null; {@code claimType} null means PROFESSIONAL.
 */
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
        List<Administration> administrations,
        ClaimType claimType,
        String billType,
        String memberId,
        String patientName,
        String payerClaimNumber) {

    public Encounter {
        diagnosisCodes = diagnosisCodes == null ? List.of() : List.copyOf(diagnosisCodes);
        lines = lines == null ? List.of() : List.copyOf(lines);
        administrations = administrations == null ? List.of() : List.copyOf(administrations);
        if (claimType == null) claimType = ClaimType.PROFESSIONAL;
    }

    /** A professional claim with none of the optional claim-level columns. */
    public Encounter(String claimId, String patientId, LocalDate dateOfService, String billingNpi, String renderingNpi,
                     String providerName, String payerId, String payerName, String placeOfService,
                     List<String> diagnosisCodes, List<ClaimLine> lines, List<Administration> administrations) {
        this(claimId, patientId, dateOfService, billingNpi, renderingNpi, providerName, payerId, payerName,
                placeOfService, diagnosisCodes, lines, administrations, ClaimType.PROFESSIONAL, null, null, null, null);
    }

    /** Claims-only mode: no administration record, so drug lines are taken as billed (contract section 4). */
    public boolean claimsOnly() { return administrations.isEmpty(); }

    public Setting setting() { return Setting.ofPlaceOfService(placeOfService); }

    /** A hospital outpatient institutional claim: INSTITUTIONAL with a type of bill 13x (OPPS, contract section 10). */
    public boolean hospitalOutpatient() {
        if (claimType != ClaimType.INSTITUTIONAL || billType == null) return false;
        String t = billType.strip(); // "13x" or "013x"
        int i = t.startsWith("0") ? 1 : 0;
        return t.startsWith("13", i);
    }

    /** The same encounter with other lines (a corrected claim, a claims-only view). */
    public Encounter withLines(List<ClaimLine> newLines) {
        return new Encounter(claimId, patientId, dateOfService, billingNpi, renderingNpi, providerName, payerId,
                payerName, placeOfService, diagnosisCodes, newLines, administrations, claimType, billType, memberId,
                patientName, payerClaimNumber);
    }
}
