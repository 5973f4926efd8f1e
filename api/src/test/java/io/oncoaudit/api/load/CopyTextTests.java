package io.oncoaudit.api.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class CopyTextTests {
    @Test
    void escapesWhatPostgresCopyTextFormatReserves() throws Exception {
        StringWriter w = new StringWriter();
        CopyText.field(w, "plain", true);
        CopyText.field(w, null, false);
        CopyText.field(w, "a\tb\nc\\d\re", false);
        CopyText.field(w, "", false);
        assertEquals("plain\t\\N\ta\\tb\\nc\\\\d\\re\t", w.toString());
    }
}
