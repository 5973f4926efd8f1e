package io.oncoaudit.core.bench;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.oncoaudit.core.tables.cms.CsvRecords;
import java.io.IOException;
import java.util.ArrayList;
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
 * The alternative to coding-core's CSV reader, measured on the same input as {@link CsvBenchmark#aspFileRecords}:
 * jackson-dataformat-csv's streaming {@link CsvParser} (no schema, rows as arrays) producing the same
 * {@link CsvRecords.Record}s (cells and the line where each record starts). Test scope only: the decision is in
 * coding-core/README.md.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class JacksonCsvBenchmark {
    private static final CsvFactory FACTORY = new CsvFactory();

    String text;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        text = CsvRecords.decode(CsvRecords.readResource(CsvBenchmark.ASP));
        List<CsvRecords.Record> ours = CsvRecords.parse(text);
        List<CsvRecords.Record> theirs = aspFileRecords();
        // The same cells: Jackson drops a trailing empty line and gives an empty line no cell at all.
        int compared = 0;
        for (int i = 0, j = 0; i < ours.size() && j < theirs.size(); i++, j++) {
            if (!ours.get(i).cells().equals(theirs.get(j).cells()) || ours.get(i).line() != theirs.get(j).line()) {
                throw new IllegalStateException("record " + i + " differs: " + ours.get(i) + " vs " + theirs.get(j));
            }
            compared++;
        }
        if (compared < 800) throw new IllegalStateException("only " + compared + " records compared");
    }

    /** The ASP file as raw records with their line numbers, through jackson-dataformat-csv. */
    @Benchmark
    public List<CsvRecords.Record> aspFileRecords() throws IOException {
        List<CsvRecords.Record> out = new ArrayList<>();
        try (CsvParser p = (CsvParser) FACTORY.createParser(text)) {
            p.setSchema(CsvSchema.emptySchema());
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t != JsonToken.START_ARRAY) continue;
                long line = p.currentLocation().getLineNr();
                List<String> cells = new ArrayList<>();
                while (p.nextToken() == JsonToken.VALUE_STRING) cells.add(p.getText());
                out.add(new CsvRecords.Record(line, List.copyOf(cells)));
            }
        }
        return out;
    }
}
