package io.oncoaudit.api.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CsvTests {
    @Test
    void cellsASpreadsheetWouldRunGetALeadingApostrophe() {
        assertEquals("'=SUM(A1)", Csv.neutralise("=SUM(A1)"));
        assertEquals("'+1", Csv.neutralise("+1"));
        assertEquals("'-1+2", Csv.neutralise("-1+2"));
        assertEquals("'@cmd", Csv.neutralise("@cmd"));
        assertEquals("'\tx", Csv.neutralise("\tx"));
        assertEquals("plain = text", Csv.neutralise("plain = text"));
        assertEquals("", Csv.neutralise(""));
        assertNull(Csv.neutralise(null));
    }

    @Test
    void quotesOnlyWhatRfc4180Requires() throws Exception {
        StringWriter w = new StringWriter();
        Csv.cell(w, "a", true);
        Csv.cell(w, "b,c", false);
        Csv.cell(w, "say \"hi\"", false);
        Csv.cell(w, null, false);
        Csv.cell(w, "=1,2", false);
        assertEquals("a,\"b,c\",\"say \"\"hi\"\"\",,\"'=1,2\"", w.toString());
    }
}
