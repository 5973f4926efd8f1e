package io.oncoaudit.core.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Throughput per CPU-second of the benchmark thread (ThreadMXBean thread CPU time), for a machine shared with other
 * work, where JMH's wall-clock ops/s measures the other load more than the code (errors larger than the scores).
 * Same states and operations as the JMH benchmarks. Usage: {@code CpuTimeBench ROUNDS SECONDS} prints one line per
 * operation: the median and the range of ops per CPU-second over the rounds, after one warm-up round.
 * bench/codec-bench.sh --cpu runs it; {@code CpuTimeBench ROUNDS SECONDS recode} measures the recoder's two JMH operations
 * (bench/recode-bench.sh --cpu).
 */
public final class CpuTimeBench {
    private CpuTimeBench() { }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 2;
        if (args.length > 2 && args[2].equals("recode")) {
            RecodeBenchmark recode = new RecodeBenchmark();
            recode.setUp();
            measure("RecodeBenchmark.recodeRealisticMix", recode::recodeRealisticMix, rounds, seconds);
            measure("RecodeBenchmark.recodeEveryEncounterWithErrors", recode::recodeEveryEncounterWithErrors, rounds, seconds);
            return;
        }
        CodecBenchmark codec = new CodecBenchmark();
        codec.setUp();
        CsvBenchmark csv = new CsvBenchmark();
        csv.setUp();
        measure("CodecBenchmark.parseEncounter", codec::parseEncounter, rounds, seconds);
        measure("CodecBenchmark.writeResult", codec::writeResult, rounds, seconds);
        measure("CsvBenchmark.aspFileRecords", csv::aspFileRecords, rounds, seconds);
        JacksonCsvBenchmark jackson = new JacksonCsvBenchmark();
        jackson.setUp();
        measure("JacksonCsvBenchmark.aspFileRecords", () -> {
            try {
                return jackson.aspFileRecords();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }, rounds, seconds);
    }

    static volatile Object sink;

    static void measure(String name, Supplier<Object> op, int rounds, double seconds) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long budget = (long) (seconds * 1e9);
        double[] rates = new double[rounds];
        for (int r = -1; r < rounds; r++) { // round -1 warms up
            long ops = 0;
            long cpu0 = mx.getCurrentThreadCpuTime();
            long cpu;
            do {
                for (int i = 0; i < 64; i++) sink = op.get();
                ops += 64;
                cpu = mx.getCurrentThreadCpuTime() - cpu0;
            } while (cpu < budget);
            if (r >= 0) rates[r] = ops / (cpu / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("%-32s ops per CPU-second: median %,.0f (min %,.0f, max %,.0f, %d rounds of %.1f s CPU)%n",
                name, rates[rounds / 2], rates[0], rates[rounds - 1], rounds, seconds);
    }
}
