package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.util.List;

/**
 * One difference between billed and expected coding (contract section 6). {@code billedCode} or
 * {@code expectedCode} is null when one side has no line (a missing or an unsupported line).
 * {@code lineNumber} names the billed line concerned, when there is one.
 */
public record Finding(
        FindingKind kind,
        String ruleId,
        String billedCode,
        String expectedCode,
        int billedUnits,
        int expectedUnits,
        Direction direction,
        BigDecimal amount,
        String explanation,
        List<String> citations,
        String appealText,
        Integer lineNumber) {

    public Finding {
        citations = citations == null ? List.of() : List.copyOf(citations);
    }
}
