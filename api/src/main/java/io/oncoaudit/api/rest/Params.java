package io.oncoaudit.api.rest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Query-parameter parsing that names the parameter at fault (problem+json 400). */
final class Params {
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    private Params() { }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    static LocalDate date(String name, String value) {
        if (text(value) == null) return null;
        try {
            LocalDate d = LocalDate.parse(value.trim());
            if (d.getYear() < 1900 || d.getYear() > 2200) {
                throw ProblemException.badRequest(name, name + " must be a date between 1900 and 2200, got '" + value + "'");
            }
            return d;
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, name + " must be a date YYYY-MM-DD, got '" + value + "'");
        }
    }

    static BigDecimal amount(String name, String value) {
        if (text(value) == null) return null;
        try {
            BigDecimal v = new BigDecimal(value.trim());
            // amounts are numeric(12,2): a filter beyond that range or precision is a mistake (1e308 was a 500)
            if (v.abs().compareTo(MAX_AMOUNT) > 0 || v.stripTrailingZeros().scale() > 2) {
                throw ProblemException.badRequest(name, name + " must be an amount from -9999999999.99 to 9999999999.99"
                        + " with at most 2 decimals, got '" + value + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, name + " must be a decimal amount such as 100.00, got '" + value + "'");
        }
    }

    static int integer(String name, String value, int dflt, int min, int max) {
        if (text(value) == null) return dflt;
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) throw new NumberFormatException();
            return v;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest(name, name + " must be a whole number from " + min + " to " + max + ", got '" + value + "'");
        }
    }

    static boolean bool(String name, String value) {
        String v = text(value);
        if (v == null) return false;
        if (v.equalsIgnoreCase("true")) return true;
        if (v.equalsIgnoreCase("false")) return false;
        throw ProblemException.badRequest(name, name + " must be true or false, got '" + value + "'");
    }

    static String direction(String value) {
        String d = text(value);
        if (d == null) return null;
        d = d.toUpperCase(Locale.ROOT);
        if (!io.oncoaudit.api.query.FindingFilter.DIRECTIONS.contains(d)) {
            throw ProblemException.badRequest("direction", "direction must be " + io.oncoaudit.api.query.FindingFilter.directionsText()
                    + ", got '" + value + "'");
        }
        return d;
    }

    static String kind(String value) {
        String k = text(value);
        if (k == null) return null;
        k = k.toUpperCase(Locale.ROOT);
        if (!k.matches("[A-Z0-9_]{1,60}")) {
            throw ProblemException.badRequest("kind", "kind must be a finding kind such as DOWNCODED_TO_96372, got '" + value + "'");
        }
        return k;
    }

    static void range(String lowName, Comparable<?> low, String highName, Comparable<?> high) {
        if (low != null && high != null && compare(low, high) > 0) {
            throw ProblemException.badRequest(lowName, lowName + " must not be after " + highName);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Comparable a, Comparable b) { return a.compareTo(b); }
}
