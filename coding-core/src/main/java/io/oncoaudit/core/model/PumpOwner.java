package io.oncoaudit.core.model;

/**
 * Who supplied the portable pump of a prolonged infusion (contract section 1, pump_owner; NOTES decision 8).
 * Unknown (blank) is {@code null} on the administration.
 */
public enum PumpOwner {
    /** The practice supplies the pump: Medicare G0498. */
    PRACTICE,
    /** Another party (e.g. a home-infusion supplier or the hospital) supplies it. */
    OTHER;

    /** Parses the contract spelling (case-insensitive); blank = unknown = null. */
    public static PumpOwner parse(String field, String raw) {
        if (raw == null || raw.isBlank()) return null;
        String norm = raw.trim().toUpperCase(java.util.Locale.ROOT);
        for (PumpOwner o : values()) if (o.name().equals(norm)) return o;
        throw new InvalidFieldException(field, "unknown pump owner '" + raw + "'; expected PRACTICE, OTHER or blank");
    }
}
