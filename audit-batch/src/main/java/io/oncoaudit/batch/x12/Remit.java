package io.oncoaudit.batch.x12;

import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** One 835 claim payment (loop 2100, CLP) with its service lines (loop 2110, SVC), as the payer sent it. */
public record Remit(String file, int position, String claimId, String status, BigDecimal charge, BigDecimal paid,
                    BigDecimal patientResponsibility, String payerClaimNumber, String payerKey, String payerName,
                    String facilityCode, LocalDate claimFrom, LocalDate claimTo, List<Adjustment> claimAdjustments,
                    List<String> claimRemarks, List<Line> lines) implements Serializable {

    /** A CAS adjustment: group (CO, PR, OA, PI, CR), reason code (CARC), amount, quantity. */
    public record Adjustment(String group, String carc, BigDecimal amount) implements Serializable {
        public String key() { return group + "-" + carc; }
    }

    /**
     * One SVC: the adjudicated code (SVC01) and, when the payer changed it, the code as billed (SVC06); units
     * paid (SVC05, default 1); dates from DTM*472, else DTM*150, else the claim's.
     */
    public record Line(int position, String qualifier, String code, List<String> modifiers, String originalCode,
                       List<String> originalModifiers, String revenueCode, BigDecimal units, BigDecimal charge,
                       BigDecimal paid, BigDecimal allowed, LocalDate date, List<Adjustment> adjustments,
                       List<String> remarks, String lineControlNumber) implements Serializable {

        /** The code the provider billed: SVC06 when the payer changed it, else SVC01. */
        public String billedCode() { return originalCode == null ? code : originalCode; }

        public List<String> billedModifiers() { return originalCode == null ? modifiers : originalModifiers; }
    }

    /** CLP02 status codes (X12 005010X221A1). */
    public static String statusName(String clp02) {
        return switch (clp02) {
            case "1" -> "PROCESSED_PRIMARY";
            case "2" -> "PROCESSED_SECONDARY";
            case "3" -> "PROCESSED_TERTIARY";
            case "4" -> "DENIED";
            case "19" -> "PROCESSED_PRIMARY_FORWARDED";
            case "20" -> "PROCESSED_SECONDARY_FORWARDED";
            case "21" -> "PROCESSED_TERTIARY_FORWARDED";
            case "22" -> "REVERSAL";
            case "23" -> "NOT_OUR_CLAIM_FORWARDED";
            case "25" -> "PREDETERMINATION";
            default -> "STATUS_" + clp02;
        };
    }

    public boolean reversal() { return "22".equals(status); }
}
