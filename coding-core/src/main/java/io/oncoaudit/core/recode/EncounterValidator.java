package io.oncoaudit.core.recode;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.ValidationError;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Semantic checks on one encounter (contract sections 1 and 5). The first problem found is returned,
 * naming the field by its JSON path so a person can find it; null when the encounter can be audited.
 */
public final class EncounterValidator {
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
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < e.lines().size(); i++) {
            ValidationError le = validateLine("lines[" + i + "]", e.lines().get(i), numbers);
            if (le != null) return le;
        }
        Set<String> ids = new HashSet<>();
        List<Administration> admins = e.administrations();
        for (int i = 0; i < admins.size(); i++) {
            ValidationError ae = validateAdministration("administrations[" + i + "]", admins.get(i), ids);
            if (ae != null) return ae;
        }
        return null;
    }

    private static ValidationError validateLine(String p, ClaimLine l, Set<Integer> numbers) {
        if (l.lineNumber() < 1) return err(p + ".lineNumber", "must be 1 or more");
        if (!numbers.add(l.lineNumber())) return err(p + ".lineNumber", "duplicate line number " + l.lineNumber() + " in the claim");
        if (blank(l.procedureCode())) return err(p + ".procedureCode", "is required");
        if (!Chars.alnum(l.procedureCode().trim(), 5, 5)) return err(p + ".procedureCode", "'" + l.procedureCode() + "' is not a 5-character CPT/HCPCS code");
        if (l.units() == null) return err(p + ".units", "is required");
        if (l.units().signum() < 0) return err(p + ".units", "must not be negative (got " + l.units().toPlainString() + ")");
        if (l.units().compareTo(new BigDecimal("100000")) > 0) return err(p + ".units", "is implausibly large (" + l.units().toPlainString() + ")");
        if (l.chargeAmount() == null) return err(p + ".chargeAmount", "is required");
        if (l.chargeAmount().signum() < 0) return err(p + ".chargeAmount", "must not be negative");
        if (l.allowedAmount() != null && l.allowedAmount().signum() < 0) return err(p + ".allowedAmount", "must not be negative");
        if (l.modifiers().size() > 4) return err(p + ".modifiers", "at most 4 modifiers per line (got " + l.modifiers().size() + ")");
        for (int m = 0; m < l.modifiers().size(); m++) {
            String mod = l.modifiers().get(m);
            if (mod == null || !Chars.alnum(mod.trim(), 2, 2)) return err(p + ".modifiers[" + m + "]", "'" + mod + "' is not a 2-character modifier");
        }
        return null;
    }

    private static ValidationError validateAdministration(String p, Administration a, Set<String> ids) {
        if (blank(a.administrationId())) return err(p + ".administrationId", "is required");
        if (!ids.add(a.administrationId())) return err(p + ".administrationId", "duplicate administration id '" + a.administrationId() + "' in the claim");
        if (blank(a.drugCode())) return err(p + ".drugCode", "is required");
        if (a.dose() == null) return err(p + ".dose", "is required");
        if (a.dose().signum() <= 0) return err(p + ".dose", "must be greater than 0 (got " + a.dose().toPlainString() + ")");
        if (a.doseUnit() == null) return err(p + ".doseUnit", "is required");
        if (a.route() == null) return err(p + ".route", "is required");
        if (a.route().timed()) {
            if (a.startTime() == null) return err(p + ".startTime", "is required for route " + a.route());
            if (a.endTime() == null) return err(p + ".endTime", "is required for route " + a.route());
        }
        if (a.startTime() != null && a.endTime() != null && a.endTime().isBefore(a.startTime())) {
            return err(p + ".endTime", "is before startTime (" + a.endTime() + " < " + a.startTime() + ")");
        }
        if (a.startTime() != null && a.endTime() != null && a.minutes() > 7 * 24 * 60) {
            return err(p + ".endTime", "is more than 7 days after startTime");
        }
        if (a.wasted() != null && a.wasted().signum() < 0) return err(p + ".wasted", "must not be negative");
        if (a.lesionCount() != null && a.lesionCount() < 1) return err(p + ".lesionCount", "must be 1 or more");
        return null;
    }

    private static boolean blank(String s) { return s == null || s.isBlank(); }

    private static ValidationError err(String field, String message) { return new ValidationError(field, message); }
}
