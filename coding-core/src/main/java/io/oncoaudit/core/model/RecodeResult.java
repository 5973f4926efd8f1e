package io.oncoaudit.core.model;

import java.math.BigDecimal;
import java.util.List;

/** The recoder's answer for one encounter (contract section 6). When {@code error} is set the rest is empty. */
public record RecodeResult(
        String claimId,
        List<ExpectedLine> expectedLines,
        List<Finding> findings,
        BigDecimal billedAmount,
        BigDecimal expectedAmount,
        BigDecimal netImpact,
        List<String> warnings,
        ValidationError error,
        List<UnclassifiedDrug> unclassifiedDrugs) {

    public RecodeResult {
        unclassifiedDrugs = unclassifiedDrugs == null ? List.of() : List.copyOf(unclassifiedDrugs);
    }

    /** A result without unclassified drugs. */
    public RecodeResult(String claimId, List<ExpectedLine> expectedLines, List<Finding> findings, BigDecimal billedAmount,
                        BigDecimal expectedAmount, BigDecimal netImpact, List<String> warnings, ValidationError error) {
        this(claimId, expectedLines, findings, billedAmount, expectedAmount, netImpact, warnings, error, List.of());
    }

    public static RecodeResult rejected(String claimId, ValidationError error) {
        return new RecodeResult(claimId, List.of(), List.of(), Money.ZERO, Money.ZERO, Money.ZERO, List.of(), error);
    }

    public boolean isError() { return error != null; }
}
