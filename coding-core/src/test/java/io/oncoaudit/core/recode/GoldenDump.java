package io.oncoaudit.core.recode;

import io.oncoaudit.core.bench.RecodeBenchmark;
import io.oncoaudit.core.json.CodecJson;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.ClaimType;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.RecodeResult;
import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A golden corpus for refactoring the recoder without changing what it says: re-codes a fixed, seeded set of encounters
 * (the property test's random encounters as generated, billed exactly, billed with one line changed, claims-only, and as
 * hospital outpatient claims; the JMH mix; examples/) and writes every result as contract JSON, one per line. Two runs
 * on different builds are compared with {@code cmp}. Not a test: {@code bench/golden-dump.sh OUT}.
 */
public final class GoldenDump {
    private GoldenDump() { }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/golden.jsonl");
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 8000;
        long lines = 0, results = 0;
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (Recoder r : List.of(RecoderTestSupport.RECODER,
                    new Recoder(io.oncoaudit.core.tables.ReferenceTables.builtIn(), io.oncoaudit.core.pricing.FeeSchedules.builtIn()))) {
                for (Encounter e : corpus(r, n)) {
                    RecodeResult x = r.recode(e);
                    w.write(CodecJson.toJson(x));
                    w.newLine();
                    results++;
                    lines += x.expectedLines().size() + x.findings().size();
                }
            }
        }
        System.out.printf("golden corpus: %,d results, %,d expected lines + findings -> %s%n", results, lines, out);
    }

    /** The encounters, in output order (the billed-exactly variants need the recoder's own expected lines). */
    private static List<Encounter> corpus(Recoder r, int n) throws IOException {
        List<Encounter> all = new ArrayList<>();
        Random rnd = new Random(20261207L);
        for (int i = 0; i < n; i++) {
            Encounter e = BillingExpectedLinesPropertyTests.randomEncounter(rnd, i);
            Encounter exact = BillingExpectedLinesPropertyTests.billExactly(e, r.recode(e).expectedLines());
            all.add(e);
            all.add(exact);
            all.add(mutate(exact, rnd));
            all.add(new Encounter(e.claimId() + "-CO", e.patientId(), e.dateOfService(), e.billingNpi(), null, null, e.payerId(), null,
                    e.placeOfService(), e.diagnosisCodes(), mutate(exact, rnd).lines(), List.of()));
            all.add(new Encounter(e.claimId() + "-OP", e.patientId(), e.dateOfService(), e.billingNpi(), null, null, e.payerId(), null,
                    "22", e.diagnosisCodes(), exact.lines(), e.administrations(), ClaimType.INSTITUTIONAL, "0131", null, null, null));
        }
        Encounter[] erroneous = RecodeBenchmark.Mix.encounters(1024, new Random(7));
        all.addAll(List.of(erroneous));
        all.addAll(List.of(RecodeBenchmark.Mix.realistic(r, erroneous, 0.2, new Random(11))));
        for (String f : List.of("encounter-fulvestrant.json", "encounters-mixed.json")) {
            Path p = Path.of("examples", f);
            if (!Files.exists(p)) p = Path.of("..", "examples", f);
            for (var pe : CodecJson.parseEncounters(Files.readString(p))) if (pe.ok()) all.add(pe.encounter());
        }
        return all;
    }

    /** One billed line changed: units, code or a dropped line, chosen by the seeded generator. */
    private static Encounter mutate(Encounter e, Random rnd) {
        List<ClaimLine> ls = new ArrayList<>(e.lines());
        if (ls.isEmpty()) return e;
        int k = rnd.nextInt(ls.size());
        ClaimLine l = ls.get(k);
        String[] codes = {"96372", "96401", "96413", "96365", "96374", "96409", "96415", "96367", "96360", "96361", "96402", "96417"};
        switch (rnd.nextInt(3)) {
            case 0 -> ls.set(k, new ClaimLine(l.lineNumber(), l.procedureCode(), l.modifiers(), l.units().add(BigDecimal.ONE), null,
                    l.chargeAmount(), null, null, List.of(), List.of()));
            case 1 -> ls.set(k, new ClaimLine(l.lineNumber(), codes[rnd.nextInt(codes.length)], l.modifiers(), l.units(), null,
                    l.chargeAmount(), null, null, List.of(), List.of()));
            default -> ls.remove(k);
        }
        return e.withLines(ls);
    }
}
