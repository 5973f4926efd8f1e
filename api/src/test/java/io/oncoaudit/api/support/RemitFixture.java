package io.oncoaudit.api.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.oncoaudit.api.load.RunLoader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * An audit run with remittances, in audit-batch's layout for {@code audit --remits} (contract section 11,
 * io.oncoaudit.batch.x12.Remittances): DIR/remits/lines and DIR/remits/unmatched (Spark's schema: money
 * decimal(12,2), units decimal(18,6), adjustments a list of struct(group, carc, amount)), the seven remit_*
 * columns on findings/ (the finding's billed line joined with its remittance line, the claim's status and payer
 * claim number), and summary.json's {@code remits} block computed here with the batch's rules.
 *
 * <p>Claims (of {@link RunFixture}: billed line 1 = 96372, line 2 = J9395) by position modulo 5: 0 line 1 denied
 * CO-50 (N115), line 2 paid; 1 line 1 rejected CO-16 + MA130, line 2 paid below expected (CO-45 + allowed 150 of
 * 200); 2 line 1 paid, line 2 zero-pay (PR-1 deductible); 3 both paid (CO-45) plus a remittance line for 96413 that
 * matches no billed line; 4 no remittance. One remittance claim that is not in the extract is denied CO-29.
 */
public final class RemitFixture {
    public static final BigDecimal LINE1_VALUE = new BigDecimal("40.00");
    public static final BigDecimal LINE2_VALUE = new BigDecimal("200.00");

    public record Adj(String group, String carc, BigDecimal amount) { }

    public record Line(String claimId, boolean claimMatched, boolean isLine, Integer lineNumber, String code,
                       LocalDate dos, BigDecimal charge, BigDecimal paid, BigDecimal allowed, List<Adj> adjustments,
                       String rarc, String status, BigDecimal expectedValue, BigDecimal shortfall, String payerClaimNumber,
                       String claimStatus, String payerKey) {
        public String carcKeys() {
            if (adjustments.isEmpty()) return null;
            StringJoiner j = new StringJoiner("|");
            for (Adj a : adjustments) j.add(a.group() + "-" + a.carc());
            return j.toString();
        }
    }

    public record RemitRun(RunFixture.Run run, List<Line> lines, String unmatchedClaimId) {
        public String runId() { return run.runId(); }

        public List<Line> linesOf(String claimId) {
            return lines.stream().filter(l -> l.claimId().equals(claimId)).toList();
        }
    }

    private static final Map<String, RemitRun> RUNS = new HashMap<>();

    private RemitFixture() { }

    /** Writes and loads a remittance run once per JVM (names unique per test class). */
    public static synchronized RemitRun loaded(RunLoader loader, String name, int claims, long seed) throws Exception {
        RemitRun r = RUNS.get(name);
        if (r != null) return r;
        Path dir = Files.createTempDirectory("oncoaudit-remit-run-" + name);
        r = write(dir, name, claims, seed);
        loader.load(dir, "test", new PrintStream(System.err, true));
        RUNS.put(name, r);
        return r;
    }

    public static RemitRun write(Path dir, String name, int claims, long seed) throws Exception {
        RunFixture.Run base = RunFixture.write(dir, name, "fp-" + name + "-" + UUID.randomUUID(), claims, seed);
        Map<String, RunFixture.Finding> firstByClaim = new LinkedHashMap<>();
        for (RunFixture.Finding f : base.findings()) firstByClaim.putIfAbsent(f.claimId(), f);
        List<Line> lines = new ArrayList<>();
        int i = 0;
        for (RunFixture.Finding f : firstByClaim.values()) {
            lines.addAll(scenario(i++ % 5, f.claimId(), f.dos()));
        }
        String stranger = name + "-NOT-IN-EXTRACT";
        lines.add(new Line(stranger, false, true, null, "96413", LocalDate.of(2026, 2, 3), new BigDecimal("300.00"),
                money("0"), null, List.of(new Adj("CO", "29", new BigDecimal("300.00"))), null, "DENIED", null, null,
                "PCN-" + stranger, "DENIED", "PAYERX"));
        writeParquet(dir, lines);
        annotateFindings(dir);
        ObjectMapper json = new ObjectMapper();
        ObjectNode summary = (ObjectNode) json.readTree(Files.readString(dir.resolve("summary.json")));
        summary.set("remits", remitsBlock(json, lines));
        Files.writeString(dir.resolve("summary.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(summary));
        ObjectNode manifest = (ObjectNode) json.readTree(Files.readString(dir.resolve("manifest.json")));
        manifest.remove("files");
        String runId = RunManifest.write(dir, manifest);
        RunFixture.Run run = new RunFixture.Run(dir, runId, base.fingerprint(), base.findings(), summary, base.patientIds());
        return new RemitRun(run, List.copyOf(lines), stranger);
    }

    private static List<Line> scenario(int s, String claim, LocalDate dos) {
        String pcn = "PCN-" + claim;
        String payer = "PAYER1";
        List<Line> out = new ArrayList<>();
        switch (s) {
            case 0 -> {
                out.add(line(claim, 1, "96372", dos, "60.00", "0", null, List.of(new Adj("CO", "50", new BigDecimal("60.00"))),
                        "N115", "DENIED", LINE1_VALUE, null, pcn, "PROCESSED_PRIMARY", payer));
                out.add(line(claim, 2, "J9395", dos, "250.00", "200.00", "200.00", List.of(new Adj("CO", "45", new BigDecimal("50.00"))),
                        null, "PAID", LINE2_VALUE, null, pcn, "PROCESSED_PRIMARY", payer));
            }
            case 1 -> {
                out.add(line(claim, 1, "96372", dos, "60.00", "0", null, List.of(new Adj("CO", "16", new BigDecimal("60.00"))),
                        "MA130", "REJECTED", LINE1_VALUE, null, pcn, "PROCESSED_PRIMARY", payer));
                out.add(line(claim, 2, "J9395", dos, "250.00", "150.00", "150.00", List.of(new Adj("CO", "45", new BigDecimal("100.00"))),
                        null, "UNDERPAID", LINE2_VALUE, new BigDecimal("50.00"), pcn, "PROCESSED_PRIMARY", payer));
            }
            case 2 -> {
                out.add(line(claim, 1, "96372", dos, "60.00", "40.00", "40.00", List.of(new Adj("CO", "45", new BigDecimal("20.00"))),
                        null, "PAID", LINE1_VALUE, null, pcn, "PROCESSED_PRIMARY", payer));
                out.add(line(claim, 2, "J9395", dos, "250.00", "0", "200.00", List.of(new Adj("PR", "1", new BigDecimal("200.00")),
                        new Adj("CO", "45", new BigDecimal("50.00"))), null, "ZERO_PAY", LINE2_VALUE, null, pcn, "PROCESSED_PRIMARY", payer));
            }
            case 3 -> {
                out.add(line(claim, 1, "96372", dos, "60.00", "40.00", "40.00", List.of(new Adj("CO", "45", new BigDecimal("20.00"))),
                        null, "PAID", LINE1_VALUE, null, pcn, "PROCESSED_PRIMARY", payer));
                out.add(line(claim, 2, "J9395", dos, "250.00", "200.00", "200.00", List.of(new Adj("CO", "45", new BigDecimal("50.00"))),
                        null, "PAID", LINE2_VALUE, null, pcn, "PROCESSED_PRIMARY", payer));
                // billed nowhere on the claim: a remittance line without a billed line (remits/unmatched)
                out.add(line(claim, null, "96413", dos, "180.00", "0", null, List.of(new Adj("CO", "4", new BigDecimal("180.00"))),
                        "N519", "DENIED", new BigDecimal("120.00"), null, pcn, "PROCESSED_PRIMARY", payer));
            }
            default -> { }
        }
        return out;
    }

    private static Line line(String claim, Integer lineNumber, String code, LocalDate dos, String charge, String paid,
                             String allowed, List<Adj> adj, String rarc, String status, BigDecimal value, BigDecimal shortfall,
                             String pcn, String claimStatus, String payer) {
        return new Line(claim, true, true, lineNumber, code, dos, money(charge), money(paid), allowed == null ? null : money(allowed),
                adj, rarc, status, value, shortfall, pcn, claimStatus, payer);
    }

    private static BigDecimal money(String v) { return new BigDecimal(v).setScale(2); }

    private static String lit(Object v) {
        if (v == null) return "NULL";
        if (v instanceof BigDecimal b) return b.toPlainString();
        if (v instanceof Integer n) return n.toString();
        if (v instanceof Boolean b) return b.toString();
        if (v instanceof LocalDate d) return "DATE '" + d + "'";
        return "'" + v.toString().replace("'", "''") + "'";
    }

    private static void writeParquet(Path dir, List<Line> lines) throws Exception {
        Path remits = dir.resolve("remits");
        Files.createDirectories(remits.resolve("lines"));
        Files.createDirectories(remits.resolve("unmatched"));
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("""
                    CREATE TABLE l (file VARCHAR, segment_position INTEGER, claim_id VARCHAR, payer_key VARCHAR, payer_name VARCHAR,
                      claim_status VARCHAR, payer_claim_number VARCHAR, claim_matched BOOLEAN, is_line BOOLEAN, line_number INTEGER,
                      procedure_code VARCHAR, modifiers VARCHAR, adjudicated_code VARCHAR, adjudicated_modifiers VARCHAR,
                      revenue_code VARCHAR, date_of_service DATE, units DECIMAL(18,6), charge DECIMAL(12,2), paid DECIMAL(12,2),
                      allowed DECIMAL(12,2), allowed_basis VARCHAR, patient_responsibility DECIMAL(12,2),
                      adjustments STRUCT("group" VARCHAR, carc VARCHAR, amount DECIMAL(12,2))[], carc VARCHAR, rarc VARCHAR,
                      remit_status VARCHAR, expected_price DECIMAL(18,6), expected_value DECIMAL(12,2), shortfall DECIMAL(12,2),
                      note VARCHAR)""");
            int pos = 10;
            for (Line l : lines) {
                StringJoiner adj = new StringJoiner(", ", "[", "]");
                BigDecimal pr = BigDecimal.ZERO.setScale(2);
                for (Adj a : l.adjustments()) {
                    adj.add("{'group': " + lit(a.group()) + ", 'carc': " + lit(a.carc()) + ", 'amount': " + a.amount().toPlainString() + "}");
                    if (a.group().equals("PR")) pr = pr.add(a.amount());
                }
                BigDecimal units = l.code().startsWith("J") ? new BigDecimal("20") : BigDecimal.ONE;
                StringJoiner v = new StringJoiner(", ", "INSERT INTO l VALUES (", ")");
                v.add(lit("part-00000.835")).add(lit(pos += 7)).add(lit(l.claimId())).add(lit(l.payerKey())).add(lit("Payer " + l.payerKey()))
                        .add(lit(l.claimStatus())).add(lit(l.payerClaimNumber())).add(lit(l.claimMatched())).add(lit(l.isLine()))
                        .add(lit(l.lineNumber())).add(lit(l.code())).add(lit("")).add(lit(l.code())).add(lit("")).add("NULL")
                        .add(lit(l.dos())).add(units.toPlainString()).add(lit(l.charge())).add(lit(l.paid())).add(lit(l.allowed()))
                        .add(lit(l.allowed() == null ? "paid + PR + CARC 253" : "AMT*B6")).add(lit(pr))
                        .add(adj + "::STRUCT(\"group\" VARCHAR, carc VARCHAR, amount DECIMAL(12,2))[]").add(lit(l.carcKeys()))
                        .add(lit(l.rarc())).add(lit(l.status()))
                        .add(l.expectedValue() == null ? "NULL" : l.expectedValue().divide(units).toPlainString())
                        .add(lit(l.expectedValue())).add(lit(l.shortfall())).add(lit(l.claimMatched() ? null : "claim is not in the audited extract"));
                s.execute(v.toString());
            }
            String d = remits.toAbsolutePath().toString().replace("'", "''");
            s.execute("COPY l TO '" + d + "/lines/part-00000.parquet' (FORMAT PARQUET)");
            s.execute("COPY (SELECT * FROM l WHERE line_number IS NULL ORDER BY file, segment_position) TO '" + d
                    + "/unmatched/part-00000.parquet' (FORMAT PARQUET)");
        }
    }

    /** Rewrites findings/ with the remit_* columns, as Remittances.annotateFindings does (same partitioning). */
    private static void annotateFindings(Path dir) throws Exception {
        String d = dir.toAbsolutePath().toString().replace("'", "''");
        try (Connection duck = DriverManager.getConnection("jdbc:duckdb:"); Statement s = duck.createStatement()) {
            s.execute("CREATE TABLE f AS SELECT * FROM read_parquet('" + d + "/findings/**/*.parquet', hive_partitioning = true,"
                    + " hive_types_autocast = false)");
            s.execute("CREATE TABLE l AS SELECT * FROM read_parquet('" + d + "/remits/lines/*.parquet')");
            s.execute("""
                    CREATE TABLE out AS
                    SELECT f.* EXCLUDE (payer_id, service_month), b.remit_status, b.paid AS remit_paid, b.allowed AS remit_allowed,
                           b.carc AS remit_carc, b.rarc AS remit_rarc, c.remit_claim_status, c.remit_payer_claim_number,
                           f.payer_id, f.service_month
                    FROM f
                    LEFT JOIN (SELECT * FROM l WHERE line_number IS NOT NULL) b ON b.claim_id = f.claim_id AND b.line_number = f.line_number
                    LEFT JOIN (SELECT claim_id, max(claim_status) AS remit_claim_status, max(payer_claim_number) AS remit_payer_claim_number
                               FROM l GROUP BY claim_id) c ON c.claim_id = f.claim_id""");
            try (Stream<Path> old = Files.walk(dir.resolve("findings"))) {
                for (Path p : old.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
            s.execute("COPY out TO '" + d + "/findings' (FORMAT PARQUET, PARTITION_BY (payer_id, service_month))");
        }
    }

    /** summary.json's remits block (contract section 11) with audit-batch's rules (Remittances.summarize). */
    static ObjectNode remitsBlock(ObjectMapper json, List<Line> lines) {
        ObjectNode r = json.createObjectNode();
        r.put("files", 1);
        java.util.Set<String> claims = new java.util.TreeSet<>();
        java.util.Set<String> matched = new java.util.TreeSet<>();
        long lm = 0, lu = 0, dl = 0, ul = 0;
        BigDecimal da = BigDecimal.ZERO.setScale(2), ua = BigDecimal.ZERO.setScale(2);
        Map<String, Object[]> carcs = new TreeMap<>();
        for (Line l : lines) {
            claims.add(l.claimId() + "|" + l.payerKey());
            if (l.claimMatched()) matched.add(l.claimId() + "|" + l.payerKey());
            if (!l.isLine()) continue;
            if (l.lineNumber() != null) lm++; else lu++;
            if (l.status().equals("DENIED") || l.status().equals("REJECTED")) {
                dl++;
                if (l.expectedValue() != null) da = da.add(l.expectedValue());
            }
            if (l.status().equals("UNDERPAID")) {
                ul++;
                ua = ua.add(l.shortfall());
            }
            for (Adj a : l.adjustments()) {
                Object[] c = carcs.computeIfAbsent(a.group() + "\u0000" + a.carc(), k -> new Object[] {0L, BigDecimal.ZERO.setScale(2)});
                c[0] = (Long) c[0] + 1;
                c[1] = ((BigDecimal) c[1]).add(a.amount());
            }
        }
        r.put("claims", claims.size());
        r.put("claimsMatched", matched.size());
        r.put("claimsUnmatched", claims.size() - matched.size());
        r.put("linesMatched", lm);
        r.put("linesUnmatched", lu);
        r.putObject("denied").put("lines", dl).put("amount", da);
        r.putObject("paidBelowExpected").put("lines", ul).put("amount", ua);
        ArrayNode by = r.putArray("byCarc");
        carcs.forEach((k, v) -> {
            String[] gc = k.split("\u0000");
            by.addObject().put("group", gc[0]).put("carc", gc[1]).put("lines", (Long) v[0]).put("amount", (BigDecimal) v[1]);
        });
        return r;
    }
}
