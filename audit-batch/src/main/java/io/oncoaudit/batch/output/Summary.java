package io.oncoaudit.batch.output;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * summary.json (contract section 7). Totals are exact BigDecimal sums of the findings' decimal(12,2)
 * amounts; groups are sorted by their key so the same input always gives the same bytes.
 * The run id is in manifest.json, not here, so the same data as CSV or Parquet gives the same summary.
 * Extension fields (allowed by the contract): linesAudited, administrationsAudited,
 * rejectedLineRows, rejectedAdministrationRows.
 */
public record Summary(String runId, long inputLines, long inputAdministrations, long encounters, long linesAudited,
                      long administrationsAudited, long rejectedLineRows, long rejectedAdministrationRows,
                      List<FindingGroup> groups, io.oncoaudit.batch.x12.RemitSummary remits,
                      io.oncoaudit.batch.x12.X12Claims.Converted x12Claims) {

    /** A summary without remittances. */
    public Summary(String runId, long inputLines, long inputAdministrations, long encounters, long linesAudited,
                   long administrationsAudited, long rejectedLineRows, long rejectedAdministrationRows,
                   List<FindingGroup> groups) {
        this(runId, inputLines, inputAdministrations, encounters, linesAudited, administrationsAudited, rejectedLineRows,
                rejectedAdministrationRows, groups, null, null);
    }

    /** The same summary with the remittances' block (contract section 11). */
    public Summary withRemits(io.oncoaudit.batch.x12.RemitSummary r) {
        return new Summary(runId, inputLines, inputAdministrations, encounters, linesAudited, administrationsAudited,
                rejectedLineRows, rejectedAdministrationRows, groups, r, x12Claims);
    }

    /** The same summary with what reading the claims as X12 837 found (extension block {@code x12Claims}). */
    public Summary withX12Claims(io.oncoaudit.batch.x12.X12Claims.Converted c) {
        return new Summary(runId, inputLines, inputAdministrations, encounters, linesAudited, administrationsAudited,
                rejectedLineRows, rejectedAdministrationRows, groups, remits, c);
    }

    /** Findings of one (payer, billing NPI, kind, direction): count and exact amount. */
    public record FindingGroup(String payerId, String billingNpi, String kind, String direction, long findings,
                               BigDecimal amount) { }

    /** Running totals of one summary row. */
    public static final class Totals {
        long findings;
        BigDecimal underpayment = BigDecimal.ZERO, overpayment = BigDecimal.ZERO, denial = BigDecimal.ZERO,
                amount = BigDecimal.ZERO;

        void add(FindingGroup g) {
            findings += g.findings();
            BigDecimal a = g.amount() == null ? BigDecimal.ZERO : g.amount();
            amount = amount.add(a);
            switch (g.direction() == null ? "" : g.direction()) {
                case "UNDERPAYMENT" -> underpayment = underpayment.add(a);
                case "OVERPAYMENT" -> overpayment = overpayment.add(a);
                case "DENIAL" -> denial = denial.add(a);
                default -> { /* a finding without direction still counts; its money is in no bucket */ }
            }
        }

        public long findings() { return findings; }

        public BigDecimal underpayment() { return underpayment; }

        public BigDecimal overpayment() { return overpayment; }

        public BigDecimal denial() { return denial; }

        public BigDecimal amount() { return amount; }
    }

    /** Rows written to rejects: line and administration rows, and remittance segments (contract sections 7, 11). */
    public long rejectedRows() {
        return rejectedLineRows + rejectedAdministrationRows + (remits == null ? 0 : remits.rejectedSegments())
                + (x12Claims == null ? 0 : x12Claims.rejects().size());
    }

    public Totals total() {
        Totals t = new Totals();
        groups.forEach(t::add);
        return t;
    }

    public Map<String, Totals> by(Function<FindingGroup, String> key) {
        Map<String, Totals> m = new TreeMap<>();
        for (FindingGroup g : groups) m.computeIfAbsent(String.valueOf(key.apply(g)), k -> new Totals()).add(g);
        return m;
    }

    public String toJson() {
        Totals t = total();
        StringBuilder b = new StringBuilder("{\n");
        b.append("  \"inputLines\": ").append(inputLines).append(",\n");
        b.append("  \"inputAdministrations\": ").append(inputAdministrations).append(",\n");
        b.append("  \"encounters\": ").append(encounters).append(",\n");
        b.append("  \"linesAudited\": ").append(linesAudited).append(",\n");
        b.append("  \"administrationsAudited\": ").append(administrationsAudited).append(",\n");
        b.append("  \"rejectedRows\": ").append(rejectedRows()).append(",\n");
        b.append("  \"rejectedLineRows\": ").append(rejectedLineRows).append(",\n");
        b.append("  \"rejectedAdministrationRows\": ").append(rejectedAdministrationRows).append(",\n");
        b.append("  \"findings\": ").append(t.findings).append(",\n");
        b.append("  \"underpayment\": ").append(Json.money(t.underpayment)).append(",\n");
        b.append("  \"overpayment\": ").append(Json.money(t.overpayment)).append(",\n");
        b.append("  \"denial\": ").append(Json.money(t.denial)).append(",\n");
        b.append("  \"byPayer\": ").append(directionRows("payerId", by(FindingGroup::payerId))).append(",\n");
        b.append("  \"byProvider\": ").append(directionRows("billingNpi", by(FindingGroup::billingNpi))).append(",\n");
        b.append("  \"byKind\": ").append(kindRows(by(FindingGroup::kind)));
        if (x12Claims != null) b.append(",\n  \"x12Claims\": ").append(x12Claims.toJson());
        if (remits != null) b.append(",\n  \"remits\": ").append(remits.toJson("  "));
        b.append("\n");
        return b.append("}\n").toString();
    }

    private static String directionRows(String keyName, Map<String, Totals> rows) {
        StringBuilder b = new StringBuilder("[");
        boolean first = true;
        for (Map.Entry<String, Totals> e : rows.entrySet()) {
            b.append(first ? "\n    " : ",\n    ");
            first = false;
            Totals t = e.getValue();
            b.append(Json.object().field(keyName, e.getKey()).field("findings", t.findings)
                    .money("underpayment", t.underpayment).money("overpayment", t.overpayment).money("denial", t.denial));
        }
        return b.append(first ? "]" : "\n  ]").toString();
    }

    private static String kindRows(Map<String, Totals> rows) {
        StringBuilder b = new StringBuilder("[");
        boolean first = true;
        for (Map.Entry<String, Totals> e : rows.entrySet()) {
            b.append(first ? "\n    " : ",\n    ");
            first = false;
            b.append(Json.object().field("kind", e.getKey()).field("findings", e.getValue().findings)
                    .money("amount", e.getValue().amount));
        }
        return b.append(first ? "]" : "\n  ]").toString();
    }
}
