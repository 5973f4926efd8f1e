package io.oncoaudit.batch.spark;

import java.io.PrintStream;
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
import org.apache.spark.sql.SparkSession;
import scala.Tuple4;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Progress lines on stderr while a command runs: the step, input rows read so far, the rate and an
 * estimate of the time left (from input bytes read against the input's size while reading, else from
 * finished tasks). Counts come from task metrics: finished tasks at task end, running tasks from
 * executor heartbeats.
 */
public final class Progress extends SparkListener implements AutoCloseable {
    private static final String RECORDS = "internal.metrics.input.recordsRead";
    private static final String BYTES = "internal.metrics.input.bytesRead";
    private static final String GROUPED = "internal.metrics.shuffle.read.recordsRead";

    private final PrintStream out;
    private final SparkSession spark;
    private final String command;
    private final AtomicLong doneRecords = new AtomicLong();
    private final AtomicLong doneBytes = new AtomicLong();
    private final AtomicLong doneGrouped = new AtomicLong();
    private final AtomicLong taskCpuNanos = new AtomicLong();
    private final Map<Long, long[]> running = new ConcurrentHashMap<>();
    private final Map<Integer, int[]> stages = new ConcurrentHashMap<>();
    private final java.util.Set<Long> ended = ConcurrentHashMap.newKeySet();
    private final Thread printer;
    private volatile String step = "starting";
    private volatile long stepStart = System.nanoTime();
    private volatile long stepRecords0;
    private volatile long stepBytes0;
    private volatile long expectedBytes;
    private volatile long stepGrouped0;
    /** When the step's rows started arriving from the shuffle (grouped by claim), for the second phase's ETA. */
    private volatile long groupStart;
    private volatile long readDoneAt;

    public Progress(SparkSession spark, String command, PrintStream out, long intervalMillis) {
        this.spark = spark;
        this.command = command;
        this.out = out;
        spark.sparkContext().addSparkListener(this);
        printer = new Thread(() -> {
            try {
                while (!Thread.currentThread().isInterrupted()) {
                    Thread.sleep(intervalMillis);
                    print();
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
        this.step = name;
        this.stepStart = System.nanoTime();
        this.stepRecords0 = records();
        this.stepBytes0 = bytes();
        this.stepGrouped0 = grouped();
        this.groupStart = 0;
        this.readDoneAt = 0;
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

    private long records() {
        long r = doneRecords.get();
        for (long[] v : running.values()) r += v[0];
        return r;
    }

    private long bytes() {
        long b = doneBytes.get();
        for (long[] v : running.values()) b += v[1];
        return b;
    }

    private long grouped() {
        long g = doneGrouped.get();
        for (long[] v : running.values()) g += v[2];
        return g;
    }

    void print() {
        long now = System.nanoTime();
        double secs = (now - stepStart) / 1e9;
        long rows = records() - stepRecords0;
        long bytes = bytes() - stepBytes0;
        long grouped = grouped() - stepGrouped0;
        int total = 0, done = 0;
        for (int[] s : stages.values()) { total += s[0]; done += s[1]; }
        String eta = "";
        boolean readDone = expectedBytes > 0 && bytes >= expectedBytes;
        if (readDone && readDoneAt == 0) readDoneAt = now;
        if (expectedBytes > 0 && bytes > 0 && !readDone) {
            eta = ", ETA " + Math.round(secs * (expectedBytes - bytes) / bytes) + " s";
        }
        String phase = "";
        if (grouped > 0) {
            // second phase: rows arrive grouped by claim (audited or written); all of them were read first
            if (groupStart == 0) groupStart = readDoneAt != 0 ? readDoneAt : stepStart;
            double g = Math.max((now - groupStart) / 1e9, 1e-3);
            phase = String.format(Locale.ROOT, "; %,d of them processed by claim (%,.0f rows/s)", grouped, grouped / g);
            if (readDone && grouped < rows) eta = ", ETA " + Math.round((rows - grouped) / (grouped / g)) + " s";
        }
        if (eta.isEmpty() && total > 0 && done > 0 && done < total) {
            eta = ", ETA " + Math.round(secs * (total - done) / done) + " s";
        }
        String tasks = total > 0 ? String.format(Locale.ROOT, ", tasks %d/%d", done, total) : "";
        out.println(String.format(Locale.ROOT, "[%s] %s: %,d rows read%s%s%s, %.0f s elapsed",
                command, step, rows, grouped > 0 ? phase : String.format(Locale.ROOT, " (%,.0f rows/s)",
                        secs > 0 ? rows / secs : 0.0), tasks, eta, secs));
        out.flush();
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
    public void onTaskEnd(SparkListenerTaskEnd e) {
        ended.add(e.taskInfo().taskId());
        running.remove(e.taskInfo().taskId());
        int[] s = stages.get(e.stageId());
        if (s != null) s[1]++;
        if (e.taskMetrics() != null) {
            // CPU of every task, failed ones too: it was spent. With other work on the machine, CPU time
            // compares steps and runs where wall time cannot.
            taskCpuNanos.addAndGet(e.taskMetrics().executorCpuTime() + e.taskMetrics().executorDeserializeCpuTime());
        }
        if (e.taskMetrics() != null && e.taskInfo().successful()) {
            doneRecords.addAndGet(e.taskMetrics().inputMetrics().recordsRead());
            doneBytes.addAndGet(e.taskMetrics().inputMetrics().bytesRead());
            doneGrouped.addAndGet(e.taskMetrics().shuffleReadMetrics().recordsRead());
        }
    }

    @Override
    public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate e) {
        for (Tuple4<Object, Object, Object, scala.collection.immutable.Seq<AccumulableInfo>> t
                : CollectionConverters.asJava(e.accumUpdates())) {
            long taskId = (Long) t._1();
            if (ended.contains(taskId)) continue;
            long[] v = new long[3];
            for (AccumulableInfo a : CollectionConverters.asJava(t._4())) {
                if (a.name().isEmpty() || a.update().isEmpty()) continue;
                Object u = a.update().get();
                if (!(u instanceof Number n)) continue;
                if (RECORDS.equals(a.name().get())) v[0] = n.longValue();
                else if (BYTES.equals(a.name().get())) v[1] = n.longValue();
                else if (GROUPED.equals(a.name().get())) v[2] = n.longValue();
            }
            running.put(taskId, v);
        }
    }

    @Override
    public void close() {
        printer.interrupt();
        spark.sparkContext().removeSparkListener(this);
    }
}
