#!/usr/bin/env bash
# Starts a Spark standalone master and $SPARK_WORKERS workers on 127.0.0.1 from the project's own jars
# (no Spark download). Prints the master URL on stdout. Stop with stop-cluster.sh (same environment).
#   SPARK_MASTER_PORT=7177 SPARK_WORKERS=2 infra/spark/start-cluster.sh
source "$(dirname "$0")/env.sh"

mkdir -p "$ONCOAUDIT_SPARK_STATE"
if [[ -f "$ONCOAUDIT_SPARK_STATE/master.pid" ]] && kill -0 "$(cat "$ONCOAUDIT_SPARK_STATE/master.pid")" 2>/dev/null; then
  die "a cluster already runs from $ONCOAUDIT_SPARK_STATE (stop it with stop-cluster.sh)"
fi
port_open "$SPARK_MASTER_PORT" && die "port $SPARK_MASTER_PORT is taken; choose another SPARK_MASTER_PORT"
make_spark_home
CP="$SPARK_HOME/jars/*"
LOG4J=(-Dlog4j2.configurationFile="file:$SPARK_HOME/conf/log4j2.properties")

"$JAVA" "${SPARK_JVM_FLAGS[@]}" "${LOG4J[@]}" -Xmx256m -cp "$CP" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$SPARK_MASTER_PORT" --webui-port "$SPARK_MASTER_WEBUI_PORT" \
  > "$ONCOAUDIT_SPARK_STATE/master.log" 2>&1 &
echo $! > "$ONCOAUDIT_SPARK_STATE/master.pid"

for _ in $(seq 1 120); do
  grep -q "elected leader" "$ONCOAUDIT_SPARK_STATE/master.log" 2>/dev/null && break
  kill -0 "$(cat "$ONCOAUDIT_SPARK_STATE/master.pid")" 2>/dev/null || die "master exited; see $ONCOAUDIT_SPARK_STATE/master.log"
  sleep 0.5
done
grep -q "elected leader" "$ONCOAUDIT_SPARK_STATE/master.log" || die "master did not start; see $ONCOAUDIT_SPARK_STATE/master.log"

for i in $(seq 1 "$SPARK_WORKERS"); do
  mkdir -p "$ONCOAUDIT_SPARK_STATE/work-$i"
  "$JAVA" "${SPARK_JVM_FLAGS[@]}" "${LOG4J[@]}" -Xmx256m -cp "$CP" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$SPARK_WORKER_CORES" --memory "$SPARK_WORKER_MEMORY" \
    --webui-port $((SPARK_WORKER_WEBUI_PORT + i - 1)) --work-dir "$ONCOAUDIT_SPARK_STATE/work-$i" "$MASTER_URL" \
    > "$ONCOAUDIT_SPARK_STATE/worker-$i.log" 2>&1 &
  echo $! > "$ONCOAUDIT_SPARK_STATE/worker-$i.pid"
done

for _ in $(seq 1 120); do
  n=$(grep -c "Registering worker" "$ONCOAUDIT_SPARK_STATE/master.log" || true)
  [[ "$n" -ge "$SPARK_WORKERS" ]] && break
  sleep 0.5
done
n=$(grep -c "Registering worker" "$ONCOAUDIT_SPARK_STATE/master.log" || true)
[[ "$n" -ge "$SPARK_WORKERS" ]] || die "only $n of $SPARK_WORKERS workers registered; see $ONCOAUDIT_SPARK_STATE/worker-*.log"
echo "spark: master $MASTER_URL with $SPARK_WORKERS workers (state: $ONCOAUDIT_SPARK_STATE)" >&2
echo "$MASTER_URL"
