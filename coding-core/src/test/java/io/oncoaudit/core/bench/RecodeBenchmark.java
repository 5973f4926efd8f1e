package io.oncoaudit.core.bench;

import io.oncoaudit.core.model.Administration;
import io.oncoaudit.core.model.ClaimLine;
import io.oncoaudit.core.model.DoseUnit;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.model.Route;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.ReferenceTables;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recode throughput and allocation over a realistic oncology mix: R-CHOP, FOLFOX with a pump,
 * carboplatin/paclitaxel, checkpoint inhibitors, SC/IM injections (some billed as 96372), and
 * claims-only encounters. Run with bench/recode-bench.sh (prints ops/s and gc.alloc.rate.norm = bytes per encounter).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class RecodeBenchmark {
    private Recoder recoder;
    private Encounter[] realistic;
    private Encounter[] erroneous;
    private int next;

    /** Share of encounters billed with an error in the realistic mix (audits typically find 10-30 %). */
    static final double ERROR_SHARE = 0.2;

    @Setup(Level.Trial)
    public void setUp() {
        recoder = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());
        erroneous = Mix.encounters(1024, new Random(7));
        realistic = Mix.realistic(recoder, erroneous, ERROR_SHARE, new Random(11));
    }

    /** 80 % of encounters billed correctly, 20 % with the mix's errors. */
    @Benchmark
    public RecodeResult recodeRealisticMix() {
        Encounter e = realistic[next];
        next = (next + 1) & (realistic.length - 1);
        return recoder.recode(e);
    }

    /** Every encounter billed with an error: the worst case (every result carries findings with explanations and appeal text). */
    @Benchmark
    public RecodeResult recodeEveryEncounterWithErrors() {
        Encounter e = erroneous[next];
        next = (next + 1) & (erroneous.length - 1);
        return recoder.recode(e);
    }

    /** The encounter mix, shared with tests that check it is realistic (findings of several kinds). */
    public static final class Mix {
        private Mix() { }

        /** The same encounters, a share of them billed with errors and the rest billed exactly as the recoder expects. */
        public static Encounter[] realistic(Recoder recoder, Encounter[] erroneous, double errorShare, Random rnd) {
            Encounter[] out = new Encounter[erroneous.length];
            for (int i = 0; i < out.length; i++) {
                Encounter e = erroneous[i];
                if (rnd.nextDouble() < errorShare) { out[i] = e; continue; }
                List<ClaimLine> lines = new ArrayList<>();
                for (var x : recoder.recode(e).expectedLines()) {
                    lines.add(new ClaimLine(lines.size() + 1, x.procedureCode(), x.modifiers(), BigDecimal.valueOf(x.units()), null,
                            new BigDecimal("100.00"), null, null, List.of(), List.of()));
                }
                out[i] = new Encounter(e.claimId(), e.patientId(), e.dateOfService(), e.billingNpi(), null, e.providerName(), e.payerId(), null,
                        e.placeOfService(), e.diagnosisCodes(), lines, e.administrations());
            }
            return out;
        }

        public static Encounter[] encounters(int n, Random rnd) {
            Encounter[] out = new Encounter[n];
            for (int i = 0; i < n; i++) out[i] = one(i, rnd);
            return out;
        }

        static Encounter one(int i, Random rnd) {
            LocalDate dos = LocalDate.of(2026, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            LocalDateTime t = dos.atTime(9, 0);
            List<ClaimLine> lines = new ArrayList<>();
            List<Administration> adm = new ArrayList<>();
            String dx;
            switch (i % 7) {
                case 0 -> { // R-CHOP: rituximab, cyclophosphamide, doxorubicin push, vincristine push, antiemetic push
                    dx = "C83.30";
                    adm.add(a("A1", "J2405", "16", Route.IV, t, 5));
                    adm.add(a("A2", "J9312", "675", Route.IV, t.plusMinutes(10), 240));
                    adm.add(a("A3", "J9000", "75", Route.IV, t.plusMinutes(250), 10));
                    adm.add(a("A4", "J9370", "2", Route.IV, t.plusMinutes(265), 5));
                    adm.add(a("A5", "J9070", "1100", Route.IV, t.plusMinutes(275), 60));
                    bill(lines, "96413", 1, "96415", 3, "96411", 2, "96417", 1, "96375", 1, "J9312", 68, "J9000", 8, "J9370", 2, "J2405", 16);
                }
                case 1 -> { // FOLFOX with concurrent leucovorin, bolus and 46-h pump; leucovorin billed 96367 (seed error)
                    dx = "C18.7";
                    adm.add(a("A1", "J9263", "153", Route.IV, t, 120));
                    adm.add(a("A2", "J0640", "720", Route.IV, t, 120));
                    adm.add(a("A3", "J9190", "720", Route.IV, t.plusMinutes(120), 5));
                    Administration p = new Administration("A4", "J9190", null, new BigDecimal("4320"), DoseUnit.MG, Route.IV,
                            t.plusMinutes(130), t.plusMinutes(130 + 2760), true, null, null, null);
                    adm.add(p);
                    bill(lines, "96413", 1, "96415", 1, "96367", 1, "96411", 1, "96416", 1, "J9263:JZ", 306, "J0640:JZ", 15, "J9190", 11);
                }
                case 2 -> { // carboplatin / paclitaxel, 96415 over-billed
                    dx = "C34.90";
                    adm.add(a("A1", "J9267", "315", Route.IV, t, 180));
                    adm.add(a("A2", "J9045", "650", Route.IV, t.plusMinutes(180), 30));
                    bill(lines, "96413", 1, "96415", 3, "96417", 1, "J9267", 315, "J9045", 13);
                }
                case 3 -> { // checkpoint inhibitor, correct
                    dx = "C43.9";
                    adm.add(a("A1", "J9271", "200", Route.IV, t, 30));
                    bill(lines, "96413", 1, "J9271:JZ", 200);
                }
                case 4 -> { // SC/IM antineoplastic injection billed as 96372 (the largest leak)
                    dx = rnd.nextBoolean() ? "C50.911" : "C61";
                    String drug = dx.equals("C61") ? "J9217" : "J9395";
                    String dose = drug.equals("J9217") ? "22.5" : "500";
                    adm.add(new Administration("A1", drug, null, new BigDecimal(dose), DoseUnit.MG, Route.IM, null, null, false, null, null, null));
                    bill(lines, "96372", 1, drug + ":JZ", drug.equals("J9217") ? 3 : 20);
                }
                case 5 -> { // claims-only: pegfilgrastim billed 96401 and a chemo infusion billed as therapeutic
                    dx = "C50.912";
                    bill(lines, "96401", 1, "J2506:JZ", 12, "96365", 1, "J9355", 44);
                }
                default -> { // nivolumab + ipilimumab, sequential, billed as two initials
                    dx = "C64.9";
                    adm.add(a("A1", "J9299", "240", Route.IV, t, 30));
                    adm.add(a("A2", "J9228", "70", Route.IV, t.plusMinutes(45), 30));
                    bill(lines, "96413", 2, "J9299:JZ", 240, "J9228:JZ", 70);
                }
            }
            String payer = switch (rnd.nextInt(4)) { case 0 -> "UHC"; case 1 -> "AETNA"; default -> "MEDICARE"; };
            return new Encounter("B-" + i, "P-" + i, dos, "1234567893", null, "Oncology Associates", payer, null, "11",
                    List.of(dx, "Z51.11"), lines, adm);
        }

        private static Administration a(String id, String drug, String dose, Route r, LocalDateTime start, int minutes) {
            return new Administration(id, drug, null, new BigDecimal(dose), DoseUnit.MG, r, start, start.plusMinutes(minutes), false, null, null, null);
        }

        private static void bill(List<ClaimLine> lines, Object... codeUnits) {
            for (int k = 0; k < codeUnits.length; k += 2) {
                String[] p = ((String) codeUnits[k]).split(":");
                lines.add(new ClaimLine(lines.size() + 1, p[0], p.length > 1 ? List.of(p[1]) : List.of(),
                        BigDecimal.valueOf((Integer) codeUnits[k + 1]), null, new BigDecimal("100.00"), null, null, List.of(), List.of()));
            }
        }
    }
}
