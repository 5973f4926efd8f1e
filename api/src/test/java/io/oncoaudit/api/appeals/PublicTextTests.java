package io.oncoaudit.api.appeals;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.oncoaudit.api.appeals.letter.PublicText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Letters cite public authorities only: the product's internal references are stripped (issue 16). */
class PublicTextTests {

    @Test
    void internalReferencesLeaveAndPublicAuthoritiesStay() {
        assertEquals(List.of(), PublicText.citations(List.of("NOTES 3.1 [S-JWJZ]; product decision 10")));
        assertEquals(List.of("CMS Pub 100-04 Ch.17 \u00a740", "CMS Transmittal 129"),
                PublicText.citations(List.of("CMS Pub 100-04 Ch.17 \u00a740 (NOTES 3.1, S-RAC74)", "CMS Transmittal 129", "NOTES 1.1")));
        assertEquals(List.of("CPT 2025 96413 parenthetical"), PublicText.citations(List.of("CPT 2025 96413 parenthetical [S-REPO-J]; NOTES 4.3 #16")));
        assertEquals(List.of("NCCI Policy Manual Ch. XI"), PublicText.citations(List.of("NCCI Policy Manual Ch. XI; product decisions 4-6")));
        assertEquals("Billed 96372 for an IV push (CPT 96409).",
                PublicText.strip("Billed 96372 for an IV push (CPT 96409; NOTES 1.1). "));
        assertEquals("Units follow the billing unit.", PublicText.strip("Units follow the billing unit (NOTES 3.1 [S-RAC74], SEED-004's)."));
    }

    @Test
    void aNoChangeUnitCountIsWordedRight() {
        assertEquals("J9045 units 400", PublicText.strip("J9045 units 400 to 400"));
        assertEquals("J9045 units 400 to 450", PublicText.strip("J9045 units 400 to 450"));
        assertTrue(PublicText.hasInternalReference("see NOTES 5.2"));
        assertTrue(PublicText.hasInternalReference("units 4 to 4"));
        assertFalse(PublicText.hasInternalReference("CMS Pub 100-04 Ch.29 \u00a7310.2; units 4 to 5"));
    }
}
