#!/usr/bin/env bash
# JMH benchmark of coding-core's contract JSON codec (parse one encounter, write one result, over the realistic
# mix of RecodeBenchmark) and of its CSV reader on a shipped CMS ASP file, single thread (= per core), with the
# GC profiler. Prints ops/s and bytes allocated per op (gc.alloc.rate.norm). Not a test: figures only.
# Extra arguments go to JMH (e.g. -f 1 -wi 2 -i 3 -w 2s -r 3s); BENCH selects benchmarks (a JMH regexp).
# --cpu [ROUNDS SECONDS]: instead, ops per CPU-second of the benchmark thread (CpuTimeBench), for a loaded machine.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl coding-core test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="coding-core/target/test-classes:coding-core/target/classes:$(cat coding-core/target/bench-cp.txt)"
if [[ "${1:-}" == "--cpu" ]]; then
  shift
  uptime
  java -Xms1g -Xmx1g -cp "$cp" io.oncoaudit.core.bench.CpuTimeBench "$@"
  uptime
  exit 0
fi
bench="${BENCH:-(CodecBenchmark|CsvBenchmark|JacksonCsvBenchmark)}"
uptime
java -cp "$cp" org.openjdk.jmh.Main "$bench" -t 1 -prof gc "$@" | tee coding-core/target/codec-bench.txt
uptime
echo
grep -E "^[A-Za-z]+Benchmark\.[A-Za-z]+(  |:gc.alloc.rate.norm)" coding-core/target/codec-bench.txt | awk '
  { split($1, n, "[.:]"); name = n[1] "." n[2]
    if (NF == 7) { score = $4; err = $6 } else { score = $(NF-1); err = "n/a" } }
  /gc.alloc.rate.norm/ { printf "%-40s bytes allocated per op: %s\n", name, score; next }
  { printf "%-40s ops/s per core: %s (+- %s)\n", name, score, err }'
