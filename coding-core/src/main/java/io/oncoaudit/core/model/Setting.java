package io.oncoaudit.core.model;

/** Fee-schedule setting derived from the place of service (contract section 2). */
public enum Setting {
    FACILITY, NONFACILITY;

    /** POS 19, 21, 22, 23 and 24 are FACILITY; every other is NONFACILITY (contract section 2). */
    public static Setting ofPlaceOfService(String pos) {
        if (pos == null) return NONFACILITY;
        String p = pos.trim();
        if (p.length() == 1) p = "0" + p;
        return switch (p) {
            case "19", "21", "22", "23", "24" -> FACILITY;
            default -> NONFACILITY;
        };
    }
}
