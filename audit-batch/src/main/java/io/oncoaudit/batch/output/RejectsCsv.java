package io.oncoaudit.batch.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** rejects.csv: the rejects as one RFC 4180 file a person can open (UTF-8, CRLF, quotes doubled), streamed to the driver. */
public final class RejectsCsv {
    public static final List<String> COLUMNS = List.of("source", "row_number", "claim_id", "field", "reason", "original", "file");

    private RejectsCsv() { }

    public static void write(Dataset<Row> rejects, Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write("\r\n");
            Iterator<Row> it = rejects.selectExpr(COLUMNS.toArray(new String[0])).toLocalIterator();
            while (it.hasNext()) {
                Row r = it.next();
                for (int i = 0; i < COLUMNS.size(); i++) {
                    if (i > 0) w.write(',');
                    Object v = r.get(i);
                    if (v != null) w.write(cell(v.toString()));
                }
                w.write("\r\n");
            }
        }
    }

    /** rejects.csv of a run that rejected nothing: the header only. */
    public static void writeHeader(Path file) throws IOException {
        Files.writeString(file, String.join(",", COLUMNS) + "\r\n", StandardCharsets.UTF_8);
    }

    static String cell(String s) {
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0;
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
