#!/usr/bin/env bash
# Golden corpus of the recoder (coding-core GoldenDump): re-codes a fixed, seeded set of encounters and writes every
# result as contract JSON, one per line, to OUT (default coding-core/target/golden.jsonl). Run it on two builds and
# compare with cmp: a refactoring (or a speed change) must leave it byte-identical. Not a test.
#   bench/golden-dump.sh [OUT] [N random encounters, default 8000]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl coding-core test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="coding-core/target/test-classes:coding-core/target/classes:$(cat coding-core/target/bench-cp.txt)"
java -cp "$cp" io.oncoaudit.core.recode.GoldenDump "${1:-coding-core/target/golden.jsonl}" "${2:-8000}"
