package io.oncoaudit.core.tables;

import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Route;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Cell parsers shared by the table loaders; each failure names the file, line and column. */
final class Tables {
    private Tables() { }

    static LocalDate date(CsvReader.Row r, String col) {
        String v = r.getOrEmpty(col);
        if (v.isEmpty()) return null;
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw r.error(col + " '" + v + "' is not a YYYY-MM-DD date");
        }
    }

    static BigDecimal decimal(CsvReader.Row r, String col) {
        String v = r.get(col);
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw r.error(col + " '" + v + "' is not a number");
        }
    }

    static boolean bool(CsvReader.Row r, String col) {
        String v = r.getOrEmpty(col).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0", "" -> false;
            default -> throw r.error(col + " '" + v + "' is not true/false");
        };
    }

    static <E extends Enum<E>> E enumValue(CsvReader.Row r, String col, Class<E> type) {
        String v = r.get(col).toUpperCase(Locale.ROOT);
        try {
            return Enum.valueOf(type, v);
        } catch (IllegalArgumentException e) {
            throw r.error(col + " '" + v + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static List<String> list(CsvReader.Row r, String col) {
        String v = r.getOrEmpty(col);
        if (v.isEmpty()) return List.of();
        return Arrays.stream(v.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    static DoseUnit doseUnit(CsvReader.Row r, String col) {
        try {
            return DoseUnit.parse(col, r.get(col));
        } catch (RuntimeException e) {
            throw r.error(e.getMessage());
        }
    }

    static Route route(CsvReader.Row r, String col) {
        String v = r.getOrEmpty(col);
        if (v.isEmpty()) return null;
        try {
            return Route.parse(col, v);
        } catch (RuntimeException e) {
            throw r.error(e.getMessage());
        }
    }
}
