package io.oncoaudit.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.oncoaudit.core.model.InvalidFieldException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast date/time paths accept and reject exactly what the formatters do. */
class CellsTests {
    private static Cells cell(String v) { return new Cells(new String[] {v}); }

    @Test
    void everyDayOfFourYearsParsesAsTheFormatterDoes() {
        for (LocalDate d = LocalDate.of(2023, 1, 1); d.isBefore(LocalDate.of(2027, 1, 1)); d = d.plusDays(1)) {
            assertEquals(d, cell(d.toString()).date(0, "date_of_service"));
            assertEquals(d, Cells.isoDate(d.toString()));
        }
    }

    @Test
    void impossibleOrOddDatesGetTheFormattersVerdict() {
        for (String s : List.of("2025-02-29", "2024-02-30", "2025-04-31", "2025-13-01", "2025-00-10", "2025-01-00",
                "2025-1-05", "2025/01/05", "20250105", "2025-01-05x", "abcd-ef-gh", "2024-02-29")) {
            LocalDate expected;
            try {
                expected = LocalDate.parse(s, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                expected = null;
            }
            if (expected == null) {
                InvalidFieldException e = assertThrows(InvalidFieldException.class, () -> cell(s).date(0, "date_of_service"), s);
                assertEquals("date_of_service", e.field());
            } else {
                assertEquals(expected, cell(s).date(0, "date_of_service"), s);
            }
        }
    }

    @Test
    void timestampsWithAndWithoutSecondsFractionsAndSpaces() {
        assertEquals(LocalDateTime.of(2025, 3, 1, 9, 5), cell("2025-03-01T09:05").timestamp(0, "start_time"));
        assertEquals(LocalDateTime.of(2025, 3, 1, 9, 5, 7), cell("2025-03-01 09:05:07").timestamp(0, "start_time"));
        assertEquals(LocalDateTime.of(2025, 3, 1, 9, 5, 7, 250_000_000), cell("2025-03-01T09:05:07.25").timestamp(0, "start_time"));
        assertEquals(LocalDateTime.of(2024, 2, 29, 23, 59, 59), cell("2024-02-29T23:59:59").timestamp(0, "start_time"));
        for (String bad : List.of("2025-02-29T10:00", "2025-03-01T24:00", "2025-03-01T10:60", "2025-03-01T10:00:60",
                "2025-03-01X10:00", "2025-03-01T1:00")) {
            assertThrows(InvalidFieldException.class, () -> cell(bad).timestamp(0, "start_time"), bad);
        }
    }
}
