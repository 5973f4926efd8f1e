package io.oncoaudit.batch.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** The one SparkSession of a command, configured for these machines (TOOLCHAIN.md section 3). */
public final class Sessions {
    private Sessions() { }

    /**
     * @param master null = what spark-submit configured (system property spark.master), else local[*]
     */
    public static SparkSession create(String appName, String master) {
        SparkConf existing = new SparkConf();
        String m = master != null ? master : existing.get("spark.master", "local[*]");
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(m)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.session.timeZone", "UTC")
                // the audit's stage row is wide (42 columns): no "truncated plan" warning
                .config("spark.sql.debug.maxToStringFields", "200")
                // live progress (running tasks' record counts) arrives with executor heartbeats
                .config("spark.executor.heartbeatInterval", "3s")
                .config("spark.sql.adaptive.enabled", "true")
                .config("spark.hadoop.fs.file.impl.disable.cache", "false")
                // Recoding after the shuffle is CPU-bound: AQE's default (merge to the core count) gave 3 uneven
                // tasks on 2 cores; size-based merging keeps ~16 MB per task, so big shuffles stay spread out
                // while small ones (findings, rejects) still merge.
                .config("spark.sql.adaptive.coalescePartitions.parallelismFirst", "false")
                .config("spark.sql.adaptive.advisoryPartitionSizeInBytes", "16m");
        if (!existing.contains("spark.sql.shuffle.partitions")) b.config("spark.sql.shuffle.partitions", "16");
        // file: paths without a chmod process per directory and without .crc side files (unless set otherwise)
        if (!existing.contains("spark.hadoop.fs.file.impl")) {
            b.config("spark.hadoop.fs.file.impl", ForklessLocalFileSystem.class.getName());
        }
        if (isLoopback(m) || "127.0.0.1".equals(System.getenv("SPARK_LOCAL_IP"))) {
            if (!existing.contains("spark.driver.host")) b.config("spark.driver.host", "127.0.0.1");
            if (!existing.contains("spark.driver.bindAddress")) b.config("spark.driver.bindAddress", "127.0.0.1");
        }
        return b.getOrCreate();
    }

    private static boolean isLoopback(String master) {
        return master.startsWith("local") || master.contains("127.0.0.1") || master.contains("localhost");
    }
}
