package io.oncoaudit.batch.output;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.io.LocalInputFile;

/** Row counts of the run's output files for manifest.json: Parquet from the footer, CSV by records. */
final class OutputRows {
    private OutputRows() { }

    /** The file's rows, or null for a file that holds no rows (JSON, checksums, markers). */
    static Long count(Path f) {
        String name = f.getFileName().toString();
        try {
            if (name.endsWith(".parquet")) {
                try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(f))) {
                    return r.getRecordCount();
                }
            }
            if (name.endsWith(".csv")) return csvRecords(f);
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot count the rows of '" + f + "': " + e.getMessage(), e);
        }
    }

    /** RFC 4180 records after the header row (a line break inside quotes does not end a record). */
    static long csvRecords(Path f) throws IOException {
        long records = 0;
        boolean quoted = false;
        boolean pending = false; // bytes seen since the last record end
        try (InputStream in = new BufferedInputStream(Files.newInputStream(f), 1 << 16)) {
            int c;
            while ((c = in.read()) >= 0) {
                if (c == '"') quoted = !quoted;
                if (c == '\n' && !quoted) {
                    records++;
                    pending = false;
                } else if (c != '\r') {
                    pending = true;
                }
            }
        }
        if (pending) records++;
        return Math.max(0, records - 1);
    }
}
