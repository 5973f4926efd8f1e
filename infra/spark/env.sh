# Shared settings of the standalone-cluster scripts (sourced, not run).
# Everything can be overridden from the environment; ports are non-default so that tests and a
# developer's cluster do not collide with each other or with Spark's 7077/8080.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SPARK_MASTER_PORT="${SPARK_MASTER_PORT:-7177}"
SPARK_MASTER_WEBUI_PORT="${SPARK_MASTER_WEBUI_PORT:-8190}"
SPARK_WORKER_WEBUI_PORT="${SPARK_WORKER_WEBUI_PORT:-8191}"   # worker i uses this + i
SPARK_WORKERS="${SPARK_WORKERS:-2}"
SPARK_WORKER_CORES="${SPARK_WORKER_CORES:-1}"
SPARK_WORKER_MEMORY="${SPARK_WORKER_MEMORY:-1g}"
# Where pids, logs, the fake SPARK_HOME and the workers' scratch space live (one folder per master port).
ONCOAUDIT_SPARK_STATE="${ONCOAUDIT_SPARK_STATE:-${TMPDIR:-/tmp}/oncoaudit-spark-$SPARK_MASTER_PORT}"
# The project's own Spark jars: audit-batch's package phase copies them here (no Spark download).
ONCOAUDIT_SPARK_JARS="${ONCOAUDIT_SPARK_JARS:-$ROOT/audit-batch/target/lib}"
ONCOAUDIT_JOB_JAR="${ONCOAUDIT_JOB_JAR:-$ROOT/audit-batch/target/audit-batch-0.1.0-SNAPSHOT-job.jar}"
MASTER_URL="spark://127.0.0.1:$SPARK_MASTER_PORT"

# Spark's own JVM module options (SPARK_JVM_FLAGS)
source "$ROOT/infra/spark/jvm-flags.sh"

# Bind everything to loopback; the Worker needs SPARK_HOME and the Scala version to build executor commands.
export SPARK_LOCAL_IP=127.0.0.1
export SPARK_SCALA_VERSION=2.13
export SPARK_HOME="$ONCOAUDIT_SPARK_STATE/spark-home"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

die() { echo "spark: $*" >&2; exit 1; }

# A fake SPARK_HOME whose jars/ links to the Maven-copied Spark jars (not the project's own jars:
# the job jar brings those, so a stale copy can never shadow them).
make_spark_home() {
  [[ -d "$ONCOAUDIT_SPARK_JARS" ]] || die "no Spark jars in $ONCOAUDIT_SPARK_JARS: run './mvnw -B -ntp -DskipTests package -pl audit-batch -am' first"
  rm -rf "$SPARK_HOME"
  mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf"
  local j
  for j in "$ONCOAUDIT_SPARK_JARS"/*.jar; do
    case "$(basename "$j")" in coding-core-*|audit-batch-*) continue ;; esac
    ln -s "$j" "$SPARK_HOME/jars/"
  done
  # Quiet INFO logs of master, workers and executors.
  cat > "$SPARK_HOME/conf/log4j2.properties" <<'LOG'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
logger.master.name = org.apache.spark.deploy
logger.master.level = info
LOG
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
