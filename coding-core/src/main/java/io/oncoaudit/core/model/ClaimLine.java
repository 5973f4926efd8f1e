package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One billed claim line (contract section 1, claim_lines; the claim-level columns live on {@link Encounter}).
 * {@code revenueCode} is the institutional revenue code of the line (e.g. 0335, 0636), null on professional claims.
 */
public record ClaimLine(
        int lineNumber,
        String procedureCode,
        List<String> modifiers,
        BigDecimal units,
        String ndc,
        BigDecimal chargeAmount,
        BigDecimal allowedAmount,
        BigDecimal paidAmount,
        List<String> adjustmentReasonCodes,
        List<String> remarkCodes,
        String revenueCode) {

    public ClaimLine {
        modifiers = modifiers == null ? List.of() : List.copyOf(modifiers);
        adjustmentReasonCodes = adjustmentReasonCodes == null ? List.of() : List.copyOf(adjustmentReasonCodes);
        remarkCodes = remarkCodes == null ? List.of() : List.copyOf(remarkCodes);
    }

    /** A line without a revenue code (professional claims). */
    public ClaimLine(int lineNumber, String procedureCode, List<String> modifiers, BigDecimal units, String ndc,
                     BigDecimal chargeAmount, BigDecimal allowedAmount, BigDecimal paidAmount,
                     List<String> adjustmentReasonCodes, List<String> remarkCodes) {
        this(lineNumber, procedureCode, modifiers, units, ndc, chargeAmount, allowedAmount, paidAmount,
                adjustmentReasonCodes, remarkCodes, null);
    }

    public boolean hasModifier(String m) {
        for (int i = 0, n = modifiers.size(); i < n; i++) if (modifiers.get(i).equalsIgnoreCase(m)) return true;
        return false;
    }

    /** Whole billed units (the contract's units are whole numbers; a fraction is rounded up). */
    public int wholeUnits() {
        return units == null ? 0 : units.setScale(0, java.math.RoundingMode.CEILING).intValueExact();
    }

    /**
     * The payer denied the line: adjudicated with nothing allowed or paid and a contractual (CO) or
     * other (OA) adjustment. A patient-responsibility (PR) adjustment is not a denial.
     */
    public boolean denied() {
        boolean adjudicatedZero = (paidAmount != null && paidAmount.signum() == 0)
                && (allowedAmount == null || allowedAmount.signum() == 0);
        if (!adjudicatedZero) return false;
        for (String c : adjustmentReasonCodes) {
            String u = c.toUpperCase(java.util.Locale.ROOT);
            if (u.startsWith("CO") || u.startsWith("OA") || u.startsWith("PI")) return true;
        }
        return false;
    }
}
