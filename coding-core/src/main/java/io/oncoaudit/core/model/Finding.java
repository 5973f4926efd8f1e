package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One difference between billed and expected coding (contract section 6). {@code billedCode} or
 * {@code expectedCode} is null when one side has no line (a missing or an unsupported line).
 * {@code lineNumber} names the billed line concerned, when there is one.
 *
 * <p>{@code citations} are public authorities only (CPT, CMS manuals and transmittals, MAC articles, NCCI): they
 * are shown to users and payers. {@code provenance} is internal (our reference notes, product decisions) and never
 * reaches a letter or a payer-facing screen. {@code pricing} says how the amount was priced (contract section 10).
 * {@code details} holds rule-specific facts, e.g. an NCCI edit's modifier indicator or MUE adjudication indicator.
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
        Integer lineNumber,
        List<String> provenance,
        FindingPricing pricing,
        Map<String, String> details) {

    public Finding {
        citations = citations == null ? List.of() : List.copyOf(citations);
        provenance = provenance == null ? List.of() : List.copyOf(provenance);
        details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
    }

    /** A finding without internal provenance, pricing detail or rule-specific details. */
    public Finding(FindingKind kind, String ruleId, String billedCode, String expectedCode, int billedUnits,
                   int expectedUnits, Direction direction, BigDecimal amount, String explanation, List<String> citations,
                   String appealText, Integer lineNumber) {
        this(kind, ruleId, billedCode, expectedCode, billedUnits, expectedUnits, direction, amount, explanation,
                citations, appealText, lineNumber, List.of(), null, Map.of());
    }

    /** This finding with its pricing detail (and possibly another direction and amount). */
    public Finding priced(Direction newDirection, BigDecimal newAmount, FindingPricing newPricing) {
        return new Finding(kind, ruleId, billedCode, expectedCode, billedUnits, expectedUnits, newDirection, newAmount,
                explanation, citations, appealText, lineNumber, provenance, newPricing, details);
    }
}
