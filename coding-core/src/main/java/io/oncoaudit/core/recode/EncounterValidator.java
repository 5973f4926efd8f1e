package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ValidationError;
import java.math.BigDecimal;
import java.util.List;

/**
 * Semantic checks on one encounter (contract sections 1 and 5). The first problem found is returned,
 * naming the field by its JSON path so a person can find it; null when the encounter can be audited.
 */
public final class EncounterValidator {
    private static final BigDecimal MAX_UNITS = new BigDecimal("100000");
    /** No drug is given in a billion of any unit (mg, mcg, g, units, mL): a larger dose is a data error (issue 17). */
    private static final BigDecimal MAX_DOSE = new BigDecimal("1000000000");

    private EncounterValidator() { }

    public static ValidationError validate(Encounter e) {
        if (blank(e.claimId())) return err("claimId", "is required");
        if (blank(e.patientId())) return err("patientId", "is required");
        if (e.dateOfService() == null) return err("dateOfService", "is required (YYYY-MM-DD)");
        if (blank(e.billingNpi())) return err("billingNpi", "is required");
        if (!Chars.digits(e.billingNpi().trim(), 10, 10)) return err("billingNpi", "'" + e.billingNpi() + "' is not a 10-digit NPI");
        if (blank(e.payerId())) return err("payerId", "is required");
        if (blank(e.placeOfService())) return err("placeOfService", "is required");
        if (!Chars.digits(e.placeOfService().trim(), 1, 2)) return err("placeOfService", "'" + e.placeOfService() + "' is not a CMS place-of-service code (two digits)");
        if (e.diagnosisCodes().isEmpty()) return err("diagnosisCodes", "at least one ICD-10-CM code is required");
        for (int i = 0; i < e.diagnosisCodes().size(); i++) {
            String dx = e.diagnosisCodes().get(i);
            if (!Chars.icd10(dx)) {
                return err("diagnosisCodes[" + i + "]", "'" + dx + "' is not an ICD-10-CM code");
            }
        }
        if (e.lines().isEmpty()) return err("lines", "at least one claim line is required");
        List<ClaimLine> lines = e.lines();
        for (int i = 0; i < lines.size(); i++) {
            ValidationError le = validateLine(i, lines);
            if (le != null) return le;
        }
        List<Administration> admins = e.administrations();
        for (int i = 0; i < admins.size(); i++) {
            ValidationError ae = validateAdministration(i, admins);
            if (ae != null) return ae;
        }
        return null;
    }

    /** Field paths are built only on failure: the happy path allocates nothing. */
    private static ValidationError validateLine(int i, List<ClaimLine> lines) {
        ClaimLine l = lines.get(i);
        if (l.lineNumber() < 1) return err(path("lines", i, ".lineNumber"), "must be 1 or more");
        for (int j = 0; j < i; j++) {
            if (lines.get(j).lineNumber() == l.lineNumber()) return err(path("lines", i, ".lineNumber"), "duplicate line number " + l.lineNumber() + " in the claim");
        }
        if (blank(l.procedureCode())) return err(path("lines", i, ".procedureCode"), "is required");
        if (!Chars.alnum(l.procedureCode().trim(), 5, 5)) return err(path("lines", i, ".procedureCode"), "'" + l.procedureCode() + "' is not a 5-character CPT/HCPCS code");
        if (l.units() == null) return err(path("lines", i, ".units"), "is required");
        if (l.units().signum() < 0) return err(path("lines", i, ".units"), "must not be negative (got " + l.units().toPlainString() + ")");
        if (l.units().compareTo(MAX_UNITS) > 0) return err(path("lines", i, ".units"), "is implausibly large (" + l.units().toPlainString() + ")");
        if (l.chargeAmount() == null) return err(path("lines", i, ".chargeAmount"), "is required");
        if (l.chargeAmount().signum() < 0) return err(path("lines", i, ".chargeAmount"), "must not be negative");
        if (l.allowedAmount() != null && l.allowedAmount().signum() < 0) return err(path("lines", i, ".allowedAmount"), "must not be negative");
        if (l.modifiers().size() > 4) return err(path("lines", i, ".modifiers"), "at most 4 modifiers per line (got " + l.modifiers().size() + ")");
        for (int m = 0; m < l.modifiers().size(); m++) {
            String mod = l.modifiers().get(m);
            if (mod == null || !Chars.alnum(mod.trim(), 2, 2)) return err(path("lines", i, ".modifiers[") + m + "]", "'" + mod + "' is not a 2-character modifier");
        }
        return null;
    }

    private static ValidationError validateAdministration(int i, List<Administration> admins) {
        Administration a = admins.get(i);
        if (blank(a.administrationId())) return err(path("administrations", i, ".administrationId"), "is required");
        for (int j = 0; j < i; j++) {
            if (a.administrationId().equals(admins.get(j).administrationId())) {
                return err(path("administrations", i, ".administrationId"), "duplicate administration id '" + a.administrationId() + "' in the claim");
            }
        }
        if (blank(a.drugCode())) return err(path("administrations", i, ".drugCode"), "is required");
        if (a.dose() == null) return err(path("administrations", i, ".dose"), "is required");
        if (a.dose().signum() <= 0) return err(path("administrations", i, ".dose"), "must be greater than 0 (got " + a.dose().toPlainString() + ")");
        if (a.dose().compareTo(MAX_DOSE) > 0) return err(path("administrations", i, ".dose"), "is implausibly large (" + a.dose().toPlainString() + ")");
        if (a.doseUnit() == null) return err(path("administrations", i, ".doseUnit"), "is required");
        if (a.route() == null) return err(path("administrations", i, ".route"), "is required");
        if (a.route().timed()) {
            if (a.startTime() == null) return err(path("administrations", i, ".startTime"), "is required for route " + a.route());
            if (a.endTime() == null) return err(path("administrations", i, ".endTime"), "is required for route " + a.route());
        }
        if (a.startTime() != null && a.endTime() != null && a.endTime().isBefore(a.startTime())) {
            return err(path("administrations", i, ".endTime"), "is before startTime (" + a.endTime() + " < " + a.startTime() + ")");
        }
        if (a.startTime() != null && a.endTime() != null && !a.endTime().toLocalDate().equals(a.startTime().toLocalDate())
                && a.minutes() > 7 * 24 * 60) { // the same day is never more than 7 days
            return err(path("administrations", i, ".endTime"), "is more than 7 days after startTime");
        }
        if (a.wasted() != null && a.wasted().signum() < 0) return err(path("administrations", i, ".wasted"), "must not be negative");
        if (a.wasted() != null && a.wasted().compareTo(MAX_DOSE) > 0) return err(path("administrations", i, ".wasted"), "is implausibly large (" + a.wasted().toPlainString() + ")");
        if (a.lesionCount() != null && a.lesionCount() < 1) return err(path("administrations", i, ".lesionCount"), "must be 1 or more");
        return null;
    }

    private static String path(String list, int i, String field) { return list + "[" + i + "]" + field; }

    private static boolean blank(String s) {
        return s == null || s.isEmpty() || (Chars.whitespace(s.charAt(0)) && s.isBlank()); // a first non-blank: not blank
    }

    private static ValidationError err(String field, String message) { return new ValidationError(field, message); }
}
