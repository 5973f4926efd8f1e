package io.oncoaudit.batch;

import io.oncoaudit.batch.spark.Sessions;
import org.apache.spark.sql.SparkSession;

/** One local[2] SparkSession for every test class in the JVM (starting Spark costs seconds). */
public final class SharedSpark {
    private static SparkSession spark;

    private SharedSpark() { }

    public static synchronized SparkSession get() {
        // a CLI test runs a command that stops the session it shares (getOrCreate): start a new one then
        if (spark == null || spark.sparkContext().isStopped()) {
            System.setProperty("spark.sql.shuffle.partitions", "4");
            spark = Sessions.create("oncoaudit-tests", "local[2]");
            spark.conf().set("spark.sql.shuffle.partitions", "4");
            SparkSession started = spark;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return spark;
    }
}
