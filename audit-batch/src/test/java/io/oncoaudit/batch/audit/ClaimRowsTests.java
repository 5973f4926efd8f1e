package io.oncoaudit.batch.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The SQL claim key trims exactly what the parsers' String.strip() trims, so a claim is one group. */
class ClaimRowsTests {
    @Test
    void keyWhitespaceIsWhatStripRemoves() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            assertEquals(Character.isWhitespace(c), ClaimRows.WHITESPACE.indexOf(c) >= 0, "U+" + Integer.toHexString(c));
        }
    }
}
