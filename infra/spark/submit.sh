#!/usr/bin/env bash
# Submits one oncoaudit batch command (audit | generate | score) to the standalone cluster of
# start-cluster.sh, in client mode, with the shaded job jar (job + coding-core; Spark from the cluster):
#   infra/spark/submit.sh audit --claims data/claim_lines --administrations data/administrations --out run
# Extra spark-submit options go in SPARK_SUBMIT_OPTS_EXTRA (e.g. "--conf spark.executor.memory=2g").
source "$(dirname "$0")/env.sh"
[[ -f "$ONCOAUDIT_JOB_JAR" ]] || die "no job jar $ONCOAUDIT_JOB_JAR: run './mvnw -B -ntp -DskipTests package -pl audit-batch -am' first"
[[ -d "$SPARK_HOME/jars" ]] || make_spark_home
# shellcheck disable=SC2086
exec "$JAVA" "${SPARK_JVM_FLAGS[@]}" -Xmx"${ONCOAUDIT_DRIVER_HEAP:-1g}" \
  -Dlog4j2.configurationFile="file:$SPARK_HOME/conf/log4j2.properties" -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.SparkSubmit \
  --master "${ONCOAUDIT_SUBMIT_MASTER:-$MASTER_URL}" --deploy-mode client --class io.oncoaudit.batch.BatchCli \
  --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1 \
  --conf spark.executor.memory="${ONCOAUDIT_EXECUTOR_MEMORY:-768m}" \
  ${SPARK_SUBMIT_OPTS_EXTRA:-} "$ONCOAUDIT_JOB_JAR" "$@"
