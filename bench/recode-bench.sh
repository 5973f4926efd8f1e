#!/usr/bin/env bash
# JMH benchmark of coding-core's recoder over a realistic encounter mix, single thread (= per core).
# Prints encounters/s and bytes allocated per encounter (gc.alloc.rate.norm). Not a test: figures only.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl coding-core test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="coding-core/target/test-classes:coding-core/target/classes:$(cat coding-core/target/bench-cp.txt)"
java -cp "$cp" org.openjdk.jmh.Main RecodeBenchmark -t 1 -prof gc "$@" | tee coding-core/target/recode-bench.txt
echo
grep -E "^RecodeBenchmark\.recode[A-Za-z]+(  |:gc.alloc.rate.norm)" coding-core/target/recode-bench.txt | awk '
  { split($1, n, "[.:]"); name = n[2] }
  /gc.alloc.rate.norm/ { printf "%-32s bytes allocated per encounter: %s\n", name, $(NF-3); next }
  { printf "%-32s encounters/s per core: %s (+- %s)\n", name, $(NF-3), $(NF-1) }'
