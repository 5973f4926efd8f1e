package io.oncoaudit.batch.audit;

import io.oncoaudit.core.model.InvalidFieldException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

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
            .toFormatter(Locale.ROOT);

    private final Row row;

    Cells(Row row) { this.row = row; }

    /** Trimmed text, or null when blank. */
    String text(int i) {
        Object v = row.get(i);
        if (v == null) return null;
        String s = v.toString().strip();
        return s.isEmpty() ? null : s;
    }

    String required(int i, String column) {
        String s = text(i);
        if (s == null) throw new InvalidFieldException(column, "is required but blank");
        return s;
    }

    LocalDate date(int i, String column) {
        String s = required(i, column);
        try {
            return LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(column, "'" + s + "' is not a date; expected YYYY-MM-DD");
        }
    }

    LocalDateTime timestamp(int i, String column) {
        String s = text(i);
        if (s == null) return null;
        try {
            return LocalDateTime.parse(s, TIMESTAMP);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(column, "'" + s + "' is not a timestamp; expected YYYY-MM-DDTHH:MM[:SS]");
        }
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
