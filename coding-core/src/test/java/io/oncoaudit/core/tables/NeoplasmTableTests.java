package io.oncoaudit.core.tables;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** neoplasm-ranges.csv: block boundaries, including the letter categories that sort after digits. */
class NeoplasmTableTests {
    private static final NeoplasmTable TABLE = NeoplasmTable.load(CsvReader.readResource(NeoplasmTable.RESOURCE));

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(nullValues = "none", value = {
            "C50.911, MALIGNANT", "C00.0, MALIGNANT", "C96.9, MALIGNANT", "C4A.9, MALIGNANT", "C7A.00, MALIGNANT",
            "C7B.8, MALIGNANT", "D05.11, IN_SITU", "D10.0, BENIGN", "D25.9, BENIGN", "D36.9, BENIGN",
            "D3A.00, BENIGN", "D37.030, UNCERTAIN", "D38.1, UNCERTAIN", "D39.10, UNCERTAIN", "D48.9, UNCERTAIN",
            "D49.2, UNSPECIFIED", "D50.0, none", "M05.79, none", "N80.0, none", "C97, none"})
    void blockBehaviour(String icd10, NeoplasmBehavior expected) {
        assertEquals(expected, TABLE.behaviorOf(icd10));
    }

    @ParameterizedTest
    @CsvSource({"D37.1", "D39.10"})
    void uncertainBehaviourSupportsACancerIndication(String icd10) {
        assertTrue(TABLE.anyCancer(List.of("N80.0", icd10)));
        assertFalse(TABLE.anyCancer(List.of("D25.9")), "a fibroid is not a cancer indication");
    }
}
