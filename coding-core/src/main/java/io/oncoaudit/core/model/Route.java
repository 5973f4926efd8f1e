package io.oncoaudit.core.model;

/** Administration route as documented in the medication administration record (contract section 1). */
public enum Route {
    IV, SC, IM, INTRALESIONAL, INTRATHECAL, INTRA_ARTERIAL, INTRAPLEURAL, INTRAPERITONEAL, INTRAVESICAL, IMPLANT, ORAL;

    /** Parses the contract spelling (case-insensitive, '-' or ' ' accepted for '_'). */
    public static Route parse(String field, String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidFieldException(field, "is required");
        String norm = raw.trim().toUpperCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Route r : values()) if (r.name().equals(norm)) return r;
        throw new InvalidFieldException(field, "unknown route '" + raw + "'; expected one of IV, SC, IM, "
                + "INTRALESIONAL, INTRATHECAL, INTRA_ARTERIAL, INTRAPLEURAL, INTRAPERITONEAL, INTRAVESICAL, IMPLANT, ORAL");
    }

    /** Routes whose administrations need start and end times (contract section 1). */
    public boolean timed() { return this == IV || this == INTRA_ARTERIAL; }

    public boolean subcutaneousOrIntramuscular() { return this == SC || this == IM; }
}
