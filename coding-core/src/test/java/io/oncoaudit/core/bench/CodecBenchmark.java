package io.oncoaudit.core.bench;

import io.oncoaudit.core.json.CodecJson;
import io.oncoaudit.core.model.Encounter;
import io.oncoaudit.core.model.RecodeResult;
import io.oncoaudit.core.pricing.FeeSchedules;
import io.oncoaudit.core.recode.Recoder;
import io.oncoaudit.core.tables.ReferenceTables;
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
 * The contract JSON codec per encounter, over the same realistic mix as {@link RecodeBenchmark} (20 % billed with
 * errors): parse one encounter's JSON (contract section 5, as the API and the CLI receive it) into an {@link Encounter}
 * with its validation, and write one result (contract section 6, with findings, explanations and appeal text).
 * Run with bench/codec-bench.sh (ops/s = encounters/s per core; gc.alloc.rate.norm = bytes per encounter).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CodecBenchmark {
    private String[] encounterJson;
    private RecodeResult[] results;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        Recoder recoder = new Recoder(ReferenceTables.builtIn(), FeeSchedules.builtIn());
        Encounter[] erroneous = RecodeBenchmark.Mix.encounters(1024, new Random(7));
        Encounter[] realistic = RecodeBenchmark.Mix.realistic(recoder, erroneous, RecodeBenchmark.ERROR_SHARE, new Random(11));
        encounterJson = new String[realistic.length];
        results = new RecodeResult[realistic.length];
        for (int i = 0; i < realistic.length; i++) {
            encounterJson[i] = CodecJson.toJson(realistic[i]);
            results[i] = recoder.recode(realistic[i]);
            List<CodecJson.ParsedEncounter> back = CodecJson.parseEncounters(encounterJson[i]);
            if (back.size() != 1 || !back.get(0).ok() || !back.get(0).encounter().equals(realistic[i])) {
                throw new IllegalStateException("the codec does not round-trip encounter " + i + ": " + encounterJson[i]);
            }
        }
    }

    /** One encounter's JSON text to a validated {@link Encounter} (tokenizer + mapping + field checks). */
    @Benchmark
    public List<CodecJson.ParsedEncounter> parseEncounter() {
        String json = encounterJson[next];
        next = (next + 1) & (encounterJson.length - 1);
        return CodecJson.parseEncounters(json);
    }

    /** One recode result to its contract JSON text. */
    @Benchmark
    public String writeResult() {
        RecodeResult r = results[next];
        next = (next + 1) & (results.length - 1);
        return CodecJson.toJson(r);
    }
}
