package io.oncoaudit.batch.x12;

import io.oncoaudit.batch.output.Json;
import java.math.BigDecimal;
import java.util.List;

/**
 * The {@code remits} block of summary.json (contract section 11), plus extension fields: the remittance lines by
 * status (denial typing), rejected segments and claims, and transactions read.
 */
public record RemitSummary(long files, long transactions, long claims, long claimsMatched, long claimsUnmatched,
                           long linesMatched, long linesUnmatched, long deniedLines, BigDecimal deniedAmount,
                           long paidBelowExpectedLines, BigDecimal paidBelowExpectedAmount, List<Carc> byCarc,
                           List<Status> byStatus, long rejectedSegments, long rejectedClaims) {

    public record Carc(String group, String carc, long lines, BigDecimal amount) { }

    /** Remittance lines of one status (PAID, UNDERPAID, DENIED, REJECTED, ZERO_PAY): count, paid, expected value. */
    public record Status(String status, long lines, BigDecimal paid, BigDecimal expectedValue) { }

    public String toJson(String indent) {
        StringBuilder b = new StringBuilder("{\n");
        String in = indent + "  ";
        b.append(in).append("\"files\": ").append(files).append(",\n");
        b.append(in).append("\"claims\": ").append(claims).append(",\n");
        b.append(in).append("\"claimsMatched\": ").append(claimsMatched).append(",\n");
        b.append(in).append("\"claimsUnmatched\": ").append(claimsUnmatched).append(",\n");
        b.append(in).append("\"linesMatched\": ").append(linesMatched).append(",\n");
        b.append(in).append("\"linesUnmatched\": ").append(linesUnmatched).append(",\n");
        b.append(in).append("\"denied\": ").append(Json.object().field("lines", deniedLines).money("amount", deniedAmount))
                .append(",\n");
        b.append(in).append("\"paidBelowExpected\": ").append(Json.object().field("lines", paidBelowExpectedLines)
                .money("amount", paidBelowExpectedAmount)).append(",\n");
        b.append(in).append("\"byCarc\": [");
        for (int i = 0; i < byCarc.size(); i++) {
            Carc c = byCarc.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(in).append("  ").append(Json.object().field("group", c.group())
                    .field("carc", c.carc()).field("lines", c.lines()).money("amount", c.amount()));
        }
        b.append(byCarc.isEmpty() ? "]" : "\n" + in + "]").append(",\n");
        b.append(in).append("\"byStatus\": [");
        for (int i = 0; i < byStatus.size(); i++) {
            Status s = byStatus.get(i);
            b.append(i == 0 ? "\n" : ",\n").append(in).append("  ").append(Json.object().field("status", s.status())
                    .field("lines", s.lines()).money("paid", s.paid()).money("expectedValue", s.expectedValue()));
        }
        b.append(byStatus.isEmpty() ? "]" : "\n" + in + "]").append(",\n");
        b.append(in).append("\"transactions\": ").append(transactions).append(",\n");
        b.append(in).append("\"rejectedSegments\": ").append(rejectedSegments).append(",\n");
        b.append(in).append("\"rejectedClaims\": ").append(rejectedClaims).append("\n");
        return b.append(indent).append("}").toString();
    }
}
