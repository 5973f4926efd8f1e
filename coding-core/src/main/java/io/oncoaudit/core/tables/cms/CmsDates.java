package io.oncoaudit.core.tables.cms;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Effective dates and release months as CMS files state them (preamble "Effective January 1, 2024 through ..."; file names). */
final class CmsDates {
    private static final Pattern EFFECTIVE = Pattern.compile(
            "Effective\\s+([A-Za-z]+\\s+\\d{1,2},\\s*\\d{4})\\s+through\\s+([A-Za-z]+\\s+\\d{1,2},\\s*\\d{4})", Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);
    private static final Pattern YEAR_MONTH = Pattern.compile("(20\\d{2})-(0[1-9]|1[0-2])");

    private CmsDates() { }

    /** The effective range of a preamble line, or null when none of the records before the header states one. */
    static LocalDate[] effective(List<CsvRecords.Record> preamble) {
        for (CsvRecords.Record r : preamble) {
            for (String cell : r.cells()) {
                Matcher m = EFFECTIVE.matcher(cell);
                if (m.find()) {
                    try {
                        return new LocalDate[] {
                                LocalDate.parse(m.group(1).replaceAll("\\s+", " ").replace(", ", ",").replace(",", ", "), US),
                                LocalDate.parse(m.group(2).replaceAll("\\s+", " ").replace(", ", ",").replace(",", ", "), US)};
                    } catch (DateTimeParseException e) {
                        return null;
                    }
                }
            }
        }
        return null;
    }

    /** The YYYY-MM in a file name (asp-2025-10.csv), or null. */
    static YearMonth fromName(String fileName) {
        Matcher m = YEAR_MONTH.matcher(fileName);
        YearMonth last = null;
        while (m.find()) last = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
        return last;
    }
}
