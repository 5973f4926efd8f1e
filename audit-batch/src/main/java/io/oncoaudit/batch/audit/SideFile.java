package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.output.Json;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A task's findings and rejects, written beside its encounters as JSON lines (one stage row per line, the
 * non-null columns of {@link Stage#SCHEMA}). They are a few percent of the audit's rows: keeping them out of
 * the encounters' Spark write leaves that write one narrow schema, without a partition column. The driver
 * reads the files back with the stage's explicit schema to publish findings and rejects.
 *
 * <p>Each task attempt writes its own file (partition and attempt id in the name); only files named in a
 * successful task's {@link TaskReport} are read.
 */
final class SideFile implements AutoCloseable {
    /** Where the side files go and the Hadoop file system settings the executors need to write there. */
    record Target(String folderUri, Map<String, String> hadoopSettings) implements Serializable {
        static Target of(java.nio.file.Path folder, Configuration conf) {
            Map<String, String> fs = new HashMap<>();
            for (Map.Entry<String, String> e : conf) if (e.getKey().startsWith("fs.")) fs.put(e.getKey(), e.getValue());
            return new Target(folder.toUri().toString(), fs);
        }
    }

    private final Target target;
    private final String name;
    private Writer out;
    private String path;

    SideFile(Target target, int partition, long attemptId) {
        this.target = target;
        this.name = String.format("part-%05d-%d.jsonl", partition, attemptId);
    }

    void write(Object[] row) {
        try {
            if (out == null) open();
            Json.ObjectWriter o = Json.object();
            for (int i = 0; i < row.length; i++) {
                Object v = row[i];
                if (v == null) continue;
                String k = Stage.COLUMNS.get(i);
                if (v instanceof Number && !(v instanceof BigDecimal)) o.field(k, ((Number) v).longValue());
                else if (v instanceof BigDecimal b) o.raw(k, b.toPlainString());
                else o.field(k, v.toString()); // strings, and dates as YYYY-MM-DD
            }
            out.write(o.toString());
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit's side file " + path + ": " + e.getMessage(), e);
        }
    }

    private void open() throws IOException {
        Configuration conf = new Configuration();
        target.hadoopSettings().forEach(conf::set);
        Path p = new Path(new Path(URI.create(target.folderUri())), name);
        FileSystem fs = p.getFileSystem(conf);
        out = new BufferedWriter(new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8), 1 << 16);
        path = p.toString();
    }

    /** The file written, or null when the task had no finding and no reject. */
    String path() { return path; }

    @Override
    public void close() {
        if (out == null) return;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the audit's side file " + path + ": " + e.getMessage(), e);
        }
    }
}
