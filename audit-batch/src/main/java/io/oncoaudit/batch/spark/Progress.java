package io.oncoaudit.batch.spark;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerStageCompleted;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.LongAccumulator;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress lines on stderr while a command runs: the step and its counts, the rate and an estimate of the time
 * left from that rate. A step over the extract's tables ({@link #step(String, long, List)}) counts each table
 * apart: rows read (the input records of the tasks that scan that table's files) and rows processed (a counter
 * the processing tasks add to); processed is never shown above read. The ETA is the work left divided by the
 * rate so far: input bytes while reading, rows while processing. Counts come from task metrics and accumulators:
 * finished tasks at task end, running tasks from executor heartbeats. The step's last line is printed when the
 * next step starts (or on close), so its final counts are always shown.
 */
public final class Progress extends SparkListener implements AutoCloseable {
    private static final String RECORDS = "internal.metrics.input.recordsRead";
    private static final String BYTES = "internal.metrics.input.bytesRead";
    private static final String GROUPED = "internal.metrics.shuffle.read.recordsRead";

    /**
     * One table of a step: its label, the scan's partitions (the read stage's tasks cover the tables' scans in
     * this order), and the accumulator its processing tasks add a row to.
     */
    public record Table(String label, int partitions, LongAccumulator processed) { }

    /** What one line shows: the counts of a table at a moment. */
    record Count(String label, long read, long processed) { }

    /** The numbers behind one line (see {@link #line}). */
    record Snapshot(String command, String step, double secs, long rows, long bytes, long expectedBytes,
                    long grouped, double processingSecs, int tasksDone, int tasksTotal, List<Count> tables) { }

    private final PrintStream out;
    private final SparkSession spark;
    private final String command;
    private final AtomicLong taskCpuNanos = new AtomicLong();
    /** Per finished task (successful): its counts; per running task: its last heartbeat's. */
    private final Map<Long, long[]> done = new ConcurrentHashMap<>();
    private final Map<Long, long[]> running = new ConcurrentHashMap<>();
    private final Map<Long, Integer> partitionOf = new ConcurrentHashMap<>();
    private final Map<Integer, int[]> stages = new ConcurrentHashMap<>();
    private final java.util.Set<Long> ended = ConcurrentHashMap.newKeySet();
    private final Thread printer;
    private volatile String step;
    private volatile long stepStart = System.nanoTime();
    private volatile long expectedBytes;
    private volatile List<Table> tables = List.of();
    /** Task ids that ended before the step began: not the step's. */
    private volatile java.util.Set<Long> before = java.util.Set.of();
    /** When the step's processing began (first row processed or grouped), for the processing rate. */
    private volatile long processingStart;

    // indexes into a task's counts (then one per table of the step: its processed rows, running tasks only)
    private static final int C_RECORDS = 0, C_BYTES = 1, C_GROUPED = 2, C_PROCESSED = 3;

    public Progress(SparkSession spark, String command, PrintStream out, long intervalMillis) {
        this.spark = spark;
        this.command = command;
        this.out = out;
        spark.sparkContext().addSparkListener(this);
        printer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(intervalMillis);
                    if (step != null) print();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "oncoaudit-progress");
        printer.setDaemon(true);
        printer.start();
    }

    /** Starts a named step; {@code inputBytes} > 0 when the step reads that many bytes of input (for the ETA). */
    public void step(String name, long inputBytes) {
        step(name, inputBytes, List.of());
    }

    /** A step over tables whose rows are counted apart (read and processed); see {@link Table}. */
    public synchronized void step(String name, long inputBytes, List<Table> stepTables) {
        if (step != null) print(); // the previous step's final counts
        java.util.Set<Long> b = new java.util.HashSet<>(done.keySet());
        b.addAll(ended);
        this.before = b;
        this.tables = List.copyOf(stepTables);
        this.step = name;
        this.stepStart = System.nanoTime();
        this.processingStart = 0;
        this.expectedBytes = inputBytes;
        out.println("[" + command + "] " + name + " ...");
        out.flush();
    }

    /** CPU time of all finished Spark tasks so far (nanoseconds; the driver's own work is not included). */
    public long taskCpuNanos() { return taskCpuNanos.get(); }

    public void message(String text) {
        out.println("[" + command + "] " + text);
        out.flush();
    }

    synchronized void print() {
        long now = System.nanoTime();
        long rows = 0, bytes = 0, grouped = 0;
        List<Table> ts = tables;
        long[] read = new long[ts.size()], processed = new long[ts.size()];
        List<Map.Entry<Long, long[]>> all = new ArrayList<>(done.entrySet());
        all.addAll(running.entrySet());
        for (Map.Entry<Long, long[]> e : all) {
            if (before.contains(e.getKey())) continue;
            long[] v = e.getValue();
            rows += v[C_RECORDS];
            bytes += v[C_BYTES];
            grouped += v[C_GROUPED];
            if (v[C_RECORDS] > 0 && !ts.isEmpty()) {
                int t = tableOf(ts, partitionOf.getOrDefault(e.getKey(), -1));
                if (t >= 0) read[t] += v[C_RECORDS];
            }
        }
        for (int i = 0; i < ts.size(); i++) processed[i] = processedCount(ts.get(i), i);
        List<Count> counts = new ArrayList<>();
        long processedAll = 0;
        for (int i = 0; i < ts.size(); i++) {
            counts.add(new Count(ts.get(i).label(), read[i], processed[i]));
            processedAll += processed[i];
        }
        if (processingStart == 0 && (processedAll > 0 || grouped > 0)) processingStart = now;
        int total = 0, finished = 0;
        for (int[] s : stages.values()) { total += s[0]; finished += s[1]; }
        out.println(line(new Snapshot(command, step, (now - stepStart) / 1e9, rows, bytes, expectedBytes, grouped,
                processingStart == 0 ? 0 : (now - processingStart) / 1e9, finished, total, counts)));
        out.flush();
    }

    /** The table whose scan covers the read stage's partition {@code p}; -1 when none. */
    private static int tableOf(List<Table> ts, int p) {
        if (p < 0) return -1;
        int from = 0;
        for (int i = 0; i < ts.size(); i++) {
            if (p < from + ts.get(i).partitions()) return i;
            from += ts.get(i).partitions();
        }
        return -1;
    }

    /** The accumulator's value: the finished tasks' additions plus the running tasks' last heartbeats. */
    private long processedCount(Table t, int i) {
        if (t.processed() == null) return 0;
        long v = t.processed().value();
        for (long[] r : running.values()) if (r.length > C_PROCESSED + i) v += r[C_PROCESSED + i];
        return v;
    }

    /**
     * One progress line. Per table: read, and processed never above read. The ETA comes from the rate: while the
     * input is read, the bytes left at the bytes-per-second so far; while rows are processed, the rows left at the
     * rows-per-second since processing began; no ETA when there is no rate to go by.
     */
    static String line(Snapshot s) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "[%s] %s: ", s.command(), s.step()));
        long read = 0, processed = 0;
        if (s.tables().isEmpty()) {
            // a step without tables (its stages read and re-read different things): rows read and the byte rate only
            read = s.rows();
            b.append(String.format(Locale.ROOT, "%,d rows read", read));
        } else {
            List<String> parts = new ArrayList<>();
            for (Count c : s.tables()) {
                long p = Math.min(c.processed(), c.read());
                parts.add(String.format(Locale.ROOT, "%s %,d read, %,d processed", c.label(), c.read(), p));
                read += c.read();
                processed += p;
            }
            b.append(String.join("; ", parts));
        }
        boolean reading = s.expectedBytes() > 0 && s.bytes() < s.expectedBytes() && processed == 0;
        String eta = "";
        if (reading) {
            if (s.secs() > 0 && s.bytes() > 0) {
                double rate = s.bytes() / s.secs();
                b.append(String.format(Locale.ROOT, " (%,.0f rows/s)", read / s.secs()));
                eta = String.format(Locale.ROOT, ", ETA %d s", Math.round((s.expectedBytes() - s.bytes()) / rate));
            }
        } else if (processed > 0 && s.processingSecs() > 0) {
            double rate = processed / s.processingSecs();
            b.append(String.format(Locale.ROOT, " (%,.0f rows/s processed)", rate));
            if (processed < read) eta = String.format(Locale.ROOT, ", ETA %d s", Math.round((read - processed) / rate));
        } else if (s.secs() > 0 && read > 0) {
            b.append(String.format(Locale.ROOT, " (%,.0f rows/s)", read / s.secs()));
        }
        if (s.tasksTotal() > 0) b.append(String.format(Locale.ROOT, ", tasks %d/%d", s.tasksDone(), s.tasksTotal()));
        b.append(eta);
        b.append(String.format(Locale.ROOT, ", %.0f s elapsed", s.secs()));
        return b.toString();
    }

    @Override
    public void onStageSubmitted(SparkListenerStageSubmitted e) {
        stages.put(e.stageInfo().stageId(), new int[] {e.stageInfo().numTasks(), 0});
    }

    @Override
    public void onStageCompleted(SparkListenerStageCompleted e) {
        stages.remove(e.stageInfo().stageId());
    }

    @Override
    public void onTaskStart(SparkListenerTaskStart e) {
        partitionOf.put(e.taskInfo().taskId(), e.taskInfo().partitionId());
    }

    @Override
    public void onTaskEnd(SparkListenerTaskEnd e) {
        long id = e.taskInfo().taskId();
        ended.add(id);
        partitionOf.putIfAbsent(id, e.taskInfo().partitionId());
        int[] s = stages.get(e.stageId());
        if (s != null) s[1]++;
        if (e.taskMetrics() != null) {
            // CPU of every task, failed ones too: it was spent. With other work on the machine, CPU time
            // compares steps and runs where wall time cannot.
            taskCpuNanos.addAndGet(e.taskMetrics().executorCpuTime() + e.taskMetrics().executorDeserializeCpuTime());
        }
        if (e.taskMetrics() != null && e.taskInfo().successful()) {
            done.put(id, new long[] {e.taskMetrics().inputMetrics().recordsRead(),
                    e.taskMetrics().inputMetrics().bytesRead(), e.taskMetrics().shuffleReadMetrics().recordsRead()});
        }
        running.remove(id);
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
        List<Table> ts = tables;
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t
                : CollectionConverters.asJava(e.accumUpdates())) {
            long taskId = (Long) t._1();
            if (ended.contains(taskId)) continue;
            long[] v = new long[C_PROCESSED + ts.size()];
            for (AccumulableInfo a : CollectionConverters.asJava(t._4())) {
                if (a.update().isEmpty()) continue;
                Object u = a.update().get();
                if (!(u instanceof Number n)) continue;
                if (a.name().isDefined()) {
                    String name = a.name().get();
                    if (RECORDS.equals(name)) v[C_RECORDS] = n.longValue();
                    else if (BYTES.equals(name)) v[C_BYTES] = n.longValue();
                    else if (GROUPED.equals(name)) v[C_GROUPED] = n.longValue();
                }
                for (int i = 0; i < ts.size(); i++) {
                    LongAccumulator x = ts.get(i).processed();
                    if (x != null && x.id() == a.id()) v[C_PROCESSED + i] = n.longValue();
                }
            }
            if (!ended.contains(taskId)) running.put(taskId, v);
        }
    }

    @Override
    public void close() {
        printer.interrupt();
        if (step != null) print();
        spark.sparkContext().removeSparkListener(this);
    }
}
