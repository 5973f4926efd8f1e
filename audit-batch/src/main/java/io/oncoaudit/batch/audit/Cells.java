package io.oncoaudit.batch.audit;

import io.oncoaudit.core.model.InvalidFieldException;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text-to-value conversion of one extract cell (contract section 1). Every failure is an
 * {@link InvalidFieldException} naming the column, with a message a person can act on.
 */
final class Cells {
    /** ISO-8601 local: YYYY-MM-DDTHH:MM[:SS[.fraction]]; a space instead of 'T' is accepted (Parquet timestamps as text). */
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .appendPattern("['T'][' ']HH:mm")
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT); // 2025-02-29T10:00 is an error, not February 28

    private final String[] cells;

    Cells(String[] cells) { this.cells = cells; }

    /** Trimmed text, or null when blank. */
    String text(int i) {
        String v = cells[i];
        if (v == null) return null;
        String s = v.strip();
        return s.isEmpty() ? null : s;
    }

    String required(int i, String column) {
        String s = text(i);
        if (s == null) throw new InvalidFieldException(column, "is required but blank");
        return s;
    }

    LocalDate date(int i, String column) {
        String s = required(i, column);
        LocalDate fast = isoDate(s);
        if (fast != null) return fast;
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(column, "'" + s + "' is not a date; expected YYYY-MM-DD");
        }
    }

    LocalDateTime timestamp(int i, String column) {
        String s = text(i);
        if (s == null) return null;
        LocalDateTime fast = isoTimestamp(s);
        if (fast != null) return fast;
        try {
            return LocalDateTime.parse(s, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(column, "'" + s + "' is not a timestamp; expected YYYY-MM-DDTHH:MM[:SS]");
        }
    }

    /*
     * Fast paths for the common shapes (YYYY-MM-DD, YYYY-MM-DD[T ]HH:MM[:SS]): DateTimeFormatter.parse was a tenth
     * of the audit's own CPU. Anything else, including every invalid value, goes through the formatter, which
     * stays the definition of what is accepted and gives the error.
     */
    static LocalDate isoDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') return null;
        int y = digits(s, 0, 4), m = digits(s, 5, 2), d = digits(s, 8, 2);
        if (y < 0 || m < 1 || m > 12 || d < 1 || d > 31) return null;
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null; // e.g. February 30: the formatter rejects it with the contract's message
        }
    }

    static LocalDateTime isoTimestamp(String s) {
        int n = s.length();
        if ((n != 16 && n != 19) || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || s.charAt(13) != ':') return null;
        LocalDate date = isoDate(s.substring(0, 10));
        int h = digits(s, 11, 2), min = digits(s, 14, 2), sec = 0;
        if (n == 19) {
            if (s.charAt(16) != ':') return null;
            sec = digits(s, 17, 2);
        }
        if (date == null || h < 0 || h > 23 || min < 0 || min > 59 || sec < 0 || sec > 59) return null;
        return date.atTime(h, min, sec);
    }

    /** The decimal value of {@code len} ASCII digits at {@code from}, or -1 if any is not a digit. */
    private static int digits(String s, int from, int len) {
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }

    BigDecimal decimal(int i, String column, boolean required) {
        String s = required ? required(i, column) : text(i);
        if (s == null) return null;
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new InvalidFieldException(column, "'" + s + "' is not a number");
        }
    }

    BigDecimal nonNegative(int i, String column, boolean required) {
        BigDecimal d = decimal(i, column, required);
        if (d != null && d.signum() < 0) throw new InvalidFieldException(column, "'" + text(i) + "' must not be negative");
        return d;
    }

    /** Money fits decimal(12,2): at most 2 decimals and 10 integer digits. */
    BigDecimal money(int i, String column, boolean required) {
        BigDecimal d = nonNegative(i, column, required);
        if (d == null) return null;
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() > 2) throw new InvalidFieldException(column, "'" + text(i) + "' has more than 2 decimal places");
        BigDecimal m = d.setScale(2);
        if (m.precision() > 12) throw new InvalidFieldException(column, "'" + text(i) + "' is too large (max 9999999999.99)");
        return m;
    }

    /** A whole number (a Parquet double such as 2.0 is accepted). */
    Integer integer(int i, String column, boolean required, int min) {
        String s = required ? required(i, column) : text(i);
        if (s == null) return null;
        int v;
        try {
            v = new BigDecimal(s).intValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvalidFieldException(column, "'" + s + "' is not a whole number");
        }
        if (v < min) throw new InvalidFieldException(column, "'" + s + "' must be at least " + min);
        return v;
    }

    boolean bool(int i, String column) {
        String s = text(i);
        if (s == null) return false;
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> true;
            case "false", "f", "no", "n", "0" -> false;
            default -> throw new InvalidFieldException(column, "'" + s + "' is not true or false");
        };
    }

    /** A '|'-separated list (contract section 1); blank items dropped. */
    List<String> list(int i) {
        String s = text(i);
        if (s == null) return List.of();
        List<String> out = new ArrayList<>();
        for (String p : s.split("\\|")) {
            String t = p.strip();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }
}
