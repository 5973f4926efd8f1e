# Spark's own JVM module options for Java 17 (org.apache.spark.launcher.JavaModuleOptions, Spark 4.2.0;
# shared/reference/TOOLCHAIN.md section 3). Sourced by bin/oncoaudit, infra/spark/env.sh and
# bench/batch-bench.sh: the one copy of the list.
# Plus the throughput collector: these JVMs run batch work on small machines, where G1's concurrent threads
# compete with the two task threads (measured with bench/batch-bench.sh on 2 cores, 2 GB heap: the audit
# 12-17 % faster, the baseline 13-17 % faster than with G1; see audit-batch/README.md, Benchmark).
SPARK_JVM_FLAGS=(-XX:+IgnoreUnrecognizedVMOptions -XX:+UseParallelGC --add-modules=jdk.incubator.vector
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  --add-opens=java.security.jgss/sun.security.krb5=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)
