package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.Table;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.util.CollectionAccumulator;

/**
 * How many rows each input file split held, and the read id of its first row. The driver turns these into
 * exact input row counts (contract section 7) and each rejected row's 1-based row number in its file.
 *
 * <p>The audit task counts the rows it receives and reports once, when its input is exhausted. Entries carry
 * the task's partition id: a task that runs again (retry, recomputed stage) reports the same entries for the
 * same partition, and {@link #merge} keeps one copy, so nothing is counted twice.
 */
final class SplitCounts {
    /** A split of one file: its row count and the smallest read id seen (the split's first row). */
    record Split(long rows, long firstRow) { }

    private record Key(String source, String file, long block) { }

    private final int partition;
    private final Map<Key, long[]> counts = new HashMap<>();
    private Key last;
    private long[] lastCount;

    SplitCounts(int partition) { this.partition = partition; }

    void add(SourceRow r) {
        // rows of one claim usually come from the same split: skip the map lookup then
        if (last == null || r.block() != last.block() || !r.file().equals(last.file())
                || !r.table().source().equals(last.source())) {
            last = new Key(r.table().source(), r.file(), r.block());
            lastCount = counts.computeIfAbsent(last, k -> new long[] {0, Long.MAX_VALUE});
        }
        lastCount[0]++;
        lastCount[1] = Math.min(lastCount[1], r.row());
    }

    void report(CollectionAccumulator<String> to) {
        for (var e : counts.entrySet()) {
            Key k = e.getKey();
            to.add(partition + "\t" + k.source() + "\t" + k.file() + "\t" + k.block() + "\t" + e.getValue()[0] + "\t"
                    + e.getValue()[1]);
        }
        counts.clear();
        last = null;
    }

    /** source -> file -> split start -> split, from the accumulator's entries (one copy per partition and split). */
    static Map<String, Map<String, TreeMap<Long, Split>>> merge(List<String> entries) {
        Map<String, String> unique = new HashMap<>();
        for (String e : entries) unique.put(e.substring(0, e.lastIndexOf('\t', e.lastIndexOf('\t') - 1)), e);
        Map<String, Map<String, TreeMap<Long, Split>>> m = new HashMap<>();
        for (String e : unique.values()) {
            String[] p = e.split("\t");
            long rows = Long.parseLong(p[4]), first = Long.parseLong(p[5]);
            m.computeIfAbsent(p[1], k -> new HashMap<>()).computeIfAbsent(p[2], k -> new TreeMap<>())
                    .merge(Long.parseLong(p[3]), new Split(rows, first),
                            (a, b) -> new Split(a.rows() + b.rows(), Math.min(a.firstRow(), b.firstRow())));
        }
        return m;
    }

    static long total(Map<String, Map<String, TreeMap<Long, Split>>> splits, Table t) {
        long n = 0;
        Map<String, TreeMap<Long, Split>> files = splits.get(t.source());
        if (files != null) for (TreeMap<Long, Split> f : files.values()) for (Split s : f.values()) n += s.rows();
        return n;
    }

    /** One row per split: source, file, block, and what to add to a read id to get its 1-based row number in the file. */
    record RowBase(String source, String file, long block, long base) { }

    static List<RowBase> rowBases(Map<String, Map<String, TreeMap<Long, Split>>> splits) {
        List<RowBase> l = new ArrayList<>();
        for (var bySource : splits.entrySet()) {
            for (var byFile : bySource.getValue().entrySet()) {
                long before = 0;
                for (var split : byFile.getValue().entrySet()) {
                    l.add(new RowBase(bySource.getKey(), byFile.getKey(), split.getKey(), before - split.getValue().firstRow() + 1));
                    before += split.getValue().rows();
                }
            }
        }
        return l;
    }
}
