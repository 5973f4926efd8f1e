package io.oncoaudit.api.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What the payer's remittance (X12 835, audit --remits) says about a finding's billed line: the line's status
 * (DENIED, REJECTED, ZERO_PAY, UNDERPAID, PAID), paid and allowed amounts, the CAS adjustments (group and CARC)
 * and remark codes (RARC), and the claim's status and payer claim control number. Null on a finding whose claim
 * has no remittance; {@code status} null when the claim has one but no remittance line matched the finding's line.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FindingRemittance(String status, BigDecimal paid, BigDecimal allowed, List<Adjustment> adjustments,
                                List<String> rarc, String claimStatus, String payerClaimNumber) {

    /** A CAS adjustment: group (CO, PR, OA, PI, CR) and claim adjustment reason code. */
    public record Adjustment(String group, String carc) { }

    /** The findings columns read, in this order, after the other columns of a findings query (alias f). */
    static final String COLUMNS = "f.remit_status, f.remit_paid, f.remit_allowed, f.remit_carc, f.remit_rarc,"
            + " f.remit_claim_status, f.remit_payer_claim_number ";

    /** The remittance from the {@link #COLUMNS} starting at column {@code at}; null when the claim has none. */
    static FindingRemittance read(ResultSet rs, int at) throws SQLException {
        String status = rs.getString(at);
        String claimStatus = rs.getString(at + 5);
        if (status == null && claimStatus == null) return null;
        List<Adjustment> adj = new ArrayList<>();
        for (String key : split(rs.getString(at + 3))) {
            int dash = key.indexOf('-');
            adj.add(dash < 0 ? new Adjustment(null, key) : new Adjustment(key.substring(0, dash), key.substring(dash + 1)));
        }
        return new FindingRemittance(status, rs.getBigDecimal(at + 1), rs.getBigDecimal(at + 2), List.copyOf(adj),
                split(rs.getString(at + 4)), claimStatus, rs.getString(at + 6));
    }

    private static List<String> split(String joined) {
        if (joined == null || joined.isBlank()) return List.of();
        return List.of(joined.split("\\|"));
    }

    /** "CO-50|PR-1" as written in the exports. */
    public String carcText() {
        if (adjustments.isEmpty()) return null;
        return String.join("|", adjustments.stream().map(a -> a.group() == null ? a.carc() : a.group() + "-" + a.carc()).toList());
    }

    public String rarcText() { return rarc.isEmpty() ? null : String.join("|", rarc); }
}
