package io.oncoaudit.core.model;

/** Which claim form the encounter was billed on (contract section 1, claim_type). */
public enum ClaimType {
    /** 837P / CMS-1500: the physician's or practice's claim, priced on the PFS. The default. */
    PROFESSIONAL,
    /** 837I / UB-04: the hospital's claim; type of bill 13x is hospital outpatient, priced under OPPS. */
    INSTITUTIONAL;

    /** Parses the contract spelling (case-insensitive); blank = PROFESSIONAL. */
    public static ClaimType parse(String field, String raw) {
        if (raw == null || raw.isBlank()) return PROFESSIONAL;
        String norm = raw.trim().toUpperCase(java.util.Locale.ROOT);
        for (ClaimType t : values()) if (t.name().equals(norm)) return t;
        throw new InvalidFieldException(field, "unknown claim type '" + raw + "'; expected PROFESSIONAL or INSTITUTIONAL");
    }
}
