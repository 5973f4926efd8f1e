package io.oncoaudit.batch.audit;

import io.oncoaudit.batch.input.Table;
import io.oncoaudit.batch.output.Summary;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one audit task saw and wrote, sent to the driver once, when the task's input is exhausted: rows per
 * input file split (exact input counts and reject row numbers, see {@link Split}), the summary's counts and
 * money, and the files holding its encounters and rejects.
 *
 * <p>Retry-safe: a task that runs again (a retry, a recomputed stage) sends a report for the same partition
 * with the same content; {@link #merge} keeps one report per partition. Reports of failed attempts never reach
 * the driver (Spark drops their accumulator updates), so their files are never published.
 */
final class TaskReport implements Serializable {
    private static final long serialVersionUID = 1L;

    /** A split of one input file: its row count and the smallest read id seen (the split's first row). */
    record Split(long rows, long firstRow) implements Serializable { }

    record SplitKey(String source, String file, long block) implements Serializable { }

    /** One group of summary.json's findings: payer, billing NPI, kind, direction. */
    record GroupKey(String payerId, String billingNpi, String kind, String direction) implements Serializable { }

    static final class Group implements Serializable {
        private static final long serialVersionUID = 1L;
        long findings;
        BigDecimal amount = BigDecimal.ZERO;
    }

    final int partition;
    final Map<SplitKey, long[]> splits = new HashMap<>();
    final Map<GroupKey, Group> groups = new HashMap<>();
    long encounters, linesAudited, administrationsAudited, rejectedLines, rejectedAdministrations;
    /** The files with the task's encounters and rejects (see {@link TaskParquet}); null when it had none. */
    String encountersFile, rejectsFile;

    private transient SplitKey last;
    private transient long[] lastCount;

    TaskReport(int partition) { this.partition = partition; }

    void countInput(SourceRow r) {
        // rows of one claim usually come from the same split: skip the map lookup then
        if (last == null || r.block() != last.block() || !r.file().equals(last.file())
                || !r.table().source().equals(last.source())) { // file: usually the same String (SourceRow.Decoder)
            last = new SplitKey(r.table().source(), r.file(), r.block());
            lastCount = splits.computeIfAbsent(last, k -> new long[] {0, Long.MAX_VALUE});
        }
        lastCount[0]++;
        lastCount[1] = Math.min(lastCount[1], r.row());
    }

    void countEncounter(int lines, int administrations) {
        encounters++;
        linesAudited += lines;
        administrationsAudited += administrations;
    }

    void countReject(Table t) {
        if (t == Table.CLAIM_LINES) rejectedLines++;
        else rejectedAdministrations++;
    }

    void countFinding(String payerId, String billingNpi, String kind, String direction, BigDecimal amount) {
        Group g = groups.computeIfAbsent(new GroupKey(payerId, billingNpi, kind, direction), k -> new Group());
        g.findings++;
        if (amount != null) g.amount = g.amount.add(amount);
    }

    /** The run's totals: one report per partition (a re-run task's second report is the same and dropped). */
    static Totals merge(Collection<TaskReport> reports) {
        Map<Integer, TaskReport> one = new TreeMap<>();
        for (TaskReport r : reports) one.putIfAbsent(r.partition, r);
        return new Totals(List.copyOf(one.values()));
    }

    record Totals(List<TaskReport> reports) {
        /** source -> file -> split start -> split. */
        Map<String, Map<String, TreeMap<Long, Split>>> splits() {
            Map<String, Map<String, TreeMap<Long, Split>>> m = new HashMap<>();
            for (TaskReport r : reports) {
                for (var e : r.splits.entrySet()) {
                    SplitKey k = e.getKey();
                    m.computeIfAbsent(k.source(), x -> new HashMap<>()).computeIfAbsent(k.file(), x -> new TreeMap<>())
                            .merge(k.block(), new Split(e.getValue()[0], e.getValue()[1]),
                                    (a, b) -> new Split(a.rows() + b.rows(), Math.min(a.firstRow(), b.firstRow())));
                }
            }
            return m;
        }

        long inputRows(Table t) {
            long n = 0;
            for (TaskReport r : reports) for (var e : r.splits.entrySet()) if (e.getKey().source().equals(t.source())) n += e.getValue()[0];
            return n;
        }

        /** partition -> the encounters file of the attempt kept for it. */
        Map<Integer, String> encountersFiles() {
            Map<Integer, String> m = new TreeMap<>();
            for (TaskReport r : reports) if (r.encountersFile != null) m.put(r.partition, r.encountersFile);
            return m;
        }

        List<String> rejectsFiles() {
            List<String> l = new ArrayList<>();
            for (TaskReport r : reports) if (r.rejectsFile != null) l.add(r.rejectsFile);
            return l;
        }

        /** summary.json's content (contract section 7); fails when the counts do not reconcile. */
        Summary summary(String runId) {
            long lines = inputRows(Table.CLAIM_LINES), admins = inputRows(Table.ADMINISTRATIONS);
            long encounters = 0, linesAudited = 0, adminsAudited = 0, rejectedLines = 0, rejectedAdmins = 0;
            Map<GroupKey, Group> groups = new HashMap<>();
            for (TaskReport r : reports) {
                encounters += r.encounters;
                linesAudited += r.linesAudited;
                adminsAudited += r.administrationsAudited;
                rejectedLines += r.rejectedLines;
                rejectedAdmins += r.rejectedAdministrations;
                r.groups.forEach((k, g) -> {
                    Group sum = groups.computeIfAbsent(k, x -> new Group());
                    sum.findings += g.findings;
                    sum.amount = sum.amount.add(g.amount);
                });
            }
            // Contract section 7: nothing is silently dropped. A mismatch is a bug: fail rather than publish.
            if (lines != linesAudited + rejectedLines || admins != adminsAudited + rejectedAdmins) {
                throw new IllegalStateException("reconciliation failed: claim_lines read " + lines + " != audited "
                        + linesAudited + " + rejected " + rejectedLines + ", or administrations read " + admins
                        + " != audited " + adminsAudited + " + rejected " + rejectedAdmins);
            }
            List<Summary.FindingGroup> l = new ArrayList<>();
            groups.forEach((k, g) -> l.add(new Summary.FindingGroup(k.payerId(), k.billingNpi(), k.kind(), k.direction(),
                    g.findings, g.amount)));
            return new Summary(runId, lines, admins, encounters, linesAudited, adminsAudited, rejectedLines,
                    rejectedAdmins, l);
        }

        /** One row per split: what to add to a read id to get the row's 1-based number in its file. */
        List<RowBase> rowBases() {
            List<RowBase> l = new ArrayList<>();
            for (var bySource : splits().entrySet()) {
                for (var byFile : bySource.getValue().entrySet()) {
                    long before = 0;
                    for (var split : byFile.getValue().entrySet()) {
                        l.add(new RowBase(bySource.getKey(), byFile.getKey(), split.getKey(),
                                before - split.getValue().firstRow() + 1));
                        before += split.getValue().rows();
                    }
                }
            }
            return l;
        }
    }

    record RowBase(String source, String file, long block, long base) { }
}
