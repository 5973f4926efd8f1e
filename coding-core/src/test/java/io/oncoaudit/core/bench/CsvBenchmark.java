package io.oncoaudit.core.bench;

import io.oncoaudit.core.tables.CsvReader;
import io.oncoaudit.core.tables.cms.CsvRecords;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
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
 * coding-core's RFC 4180 reader on a shipped CMS file: the January 2026 ASP file (887 lines, 66 KB, a preamble of
 * titles and notes, quoted descriptions with commas), decoded once; one operation = the whole file split into records
 * ({@link CsvRecords#parse}, what the ASP/NDC/OPPS/NCCI loaders call) or into header-addressed rows
 * ({@link CsvReader#read}, what the curated tables and --payer-policies use). Run with bench/codec-bench.sh.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class CsvBenchmark {
    static final String ASP = "/io/oncoaudit/core/tables/cms/asp/asp-2026-01.csv";

    String text;

    @Setup(Level.Trial)
    public void setUp() {
        text = CsvRecords.decode(CsvRecords.readResource(ASP));
    }

    /** The ASP file as raw records with their line numbers. */
    @Benchmark
    public List<CsvRecords.Record> aspFileRecords() {
        return CsvRecords.parse(text);
    }

    /** The ASP file as rows addressed by the first line's names (the preamble's first line stands in for a header). */
    @Benchmark
    public List<CsvReader.Row> aspFileRows() throws IOException {
        return CsvReader.read(ASP, new StringReader(text));
    }
}
