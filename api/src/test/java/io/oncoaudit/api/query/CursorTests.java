package io.oncoaudit.api.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CursorTests {
    @Test
    void roundTripsEvenWithOddClaimIds() {
        Cursor c = new Cursor(LocalDate.of(2026, 3, 2), "C-1\n/2+ä", 7, 42L);
        assertEquals(c, Cursor.decode(c.encode()));
        assertTrue(c.encode().matches("[A-Za-z0-9_-]+"), "URL-safe");
    }

    @Test
    void aForeignCursorNamesTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Cursor.decode("bm9wZQ"));
        assertTrue(e.getMessage().startsWith("cursor: "));
    }

    @Test
    void redactionRemovesThePatientIdFromText() {
        assertEquals("Appeal for patient [patient] on C-1", Redaction.scrub("Appeal for patient P-77 on C-1", "P-77"));
        assertEquals("no id", Redaction.scrub("no id", null));
    }
}
