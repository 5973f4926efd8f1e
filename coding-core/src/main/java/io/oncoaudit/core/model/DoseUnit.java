package io.oncoaudit.core.model;

import java.math.BigDecimal;

/** Unit of an administered dose, and of a HCPCS billing unit. Mass units convert to milligrams. */
public enum DoseUnit {
    MG("mg", BigDecimal.ONE), MCG("mcg", new BigDecimal("0.001")), G("g", new BigDecimal("1000")),
    UNITS("units", null), ML("mL", null);

    private final String label;
    private final BigDecimal milligrams;

    DoseUnit(String label, BigDecimal milligrams) { this.label = label; this.milligrams = milligrams; }

    public String label() { return label; }

    public boolean isMass() { return milligrams != null; }

    /** Converts an amount in this unit to {@code target}; null when the units are not convertible. */
    public BigDecimal convert(BigDecimal amount, DoseUnit target) {
        if (this == target) return amount;
        if (!isMass() || !target.isMass()) return null;
        return amount.multiply(milligrams).divide(target.milligrams, java.math.MathContext.DECIMAL64);
    }

    public static DoseUnit parse(String field, String raw) {
        if (raw == null || raw.isBlank()) throw new InvalidFieldException(field, "is required");
        String t = raw.trim();
        for (DoseUnit u : values()) if (u.label.equalsIgnoreCase(t) || u.name().equalsIgnoreCase(t)) return u;
        if (t.equalsIgnoreCase("unit") || t.equalsIgnoreCase("u")) return UNITS;
        if (t.equalsIgnoreCase("ug") || t.equalsIgnoreCase("µg") || t.equalsIgnoreCase("microgram")) return MCG;
        if (t.equalsIgnoreCase("ml") || t.equalsIgnoreCase("cc")) return ML;
        throw new InvalidFieldException(field, "unknown dose unit '" + raw + "'; expected mg, mcg, g, units or mL");
    }
}
