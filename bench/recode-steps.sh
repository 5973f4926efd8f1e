#!/usr/bin/env bash
# Where the recoder's time goes, step by step (StepCostBench): nanoseconds and bytes per encounter for code spelling,
# validation, the plan and each step of RuleCatalog's FULL_MODE or CLAIMS_ONLY_MODE, over the JMH mix. Not a test.
#   bench/recode-steps.sh [full|claims] [all|ok|errors]     (ok = encounters billed exactly as expected)
# Pin it to one core on a shared machine: taskset -c 0 bench/recode-steps.sh
set -euo pipefail
if [[ "${1:-}" == "--help" || "${1:-}" == "-h" ]]; then sed -n 2,5p "$0" | sed 's/^# \{0,1\}//'; exit 0; fi
cd "$(dirname "$0")/.."
./mvnw -B -ntp -q -pl coding-core test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-cp.txt
cp="coding-core/target/test-classes:coding-core/target/classes:$(cat coding-core/target/bench-cp.txt)"
exec java -Xms1g -Xmx1g -cp "$cp" io.oncoaudit.core.bench.StepCostBench "${1:-full}" "${2:-all}" 2>/dev/null
