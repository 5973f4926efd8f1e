#!/usr/bin/env bash
# Offline checks of infra/ (there is no Docker engine or Kubernetes cluster on the build machines):
#   1. every shell script of the launcher, infra/ and CI passes `bash -n`;
#   2. every YAML file under infra/ parses, and the compose file, the Kubernetes manifests and the
#      Dockerfiles hold the keys they need and agree with each other and with the repository
#      (infra/scripts/CheckManifests.java, run with the SnakeYAML jar the build already has).
# Exit 0 when everything passed, 1 when a check failed, 2 when the checks could not run.
# Not checked here: that images build, that containers start, that a cluster accepts the manifests.
set -euo pipefail

ROOT="$(cd -P "$(dirname -- "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
failed=0

# --- 1. shell syntax --------------------------------------------------------------------------------
scripts=(bin/oncoaudit)
[[ -f .ci/run ]] && scripts+=(.ci/run)
while IFS= read -r -d '' f; do scripts+=("$f"); done < <(find infra bench -name '*.sh' -not -path '*/target/*' -print0 2>/dev/null | sort -z)
for f in "${scripts[@]}"; do
  if bash -n "$f" 2>/tmp/check-manifests-bash.$$; then
    printf 'bash -n ok    %s\n' "$f"
  else
    printf 'bash -n FAIL  %s\n' "$f"
    sed 's/^/      /' /tmp/check-manifests-bash.$$
    failed=1
  fi
done
rm -f /tmp/check-manifests-bash.$$

# --- 2. YAML and cross-references ---------------------------------------------------------------------
java_bin="java"
[[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]] && java_bin="$JAVA_HOME/bin/java"
command -v "$java_bin" >/dev/null 2>&1 || { echo "check-manifests: Java 17+ is required" >&2; exit 2; }

# SnakeYAML: from the build's outputs, else the local Maven repository, else fetched by Maven.
snakeyaml="$(ls audit-batch/target/lib/snakeyaml-*.jar api/target/quarkus-app/lib/main/org.yaml.snakeyaml-*.jar 2>/dev/null | head -n 1 || true)"
if [[ -z "$snakeyaml" ]]; then
  snakeyaml="$(ls "${HOME}"/.m2/repository/org/yaml/snakeyaml/2.*/snakeyaml-2.*.jar 2>/dev/null | grep -v -e sources -e javadoc | sort -V | tail -n 1 || true)"
fi
if [[ -z "$snakeyaml" ]]; then
  ./mvnw -B -ntp -q dependency:get -Dartifact=org.yaml:snakeyaml:2.5 >&2 \
    || { echo "check-manifests: cannot get SnakeYAML (org.yaml:snakeyaml:2.5) from Maven" >&2; exit 2; }
  snakeyaml="${HOME}/.m2/repository/org/yaml/snakeyaml/2.5/snakeyaml-2.5.jar"
fi
echo "yaml parser   $snakeyaml"
if ! "$java_bin" -cp "$snakeyaml" infra/scripts/CheckManifests.java "$ROOT"; then
  failed=1
fi

if ((failed)); then
  echo "check-manifests: FAILED" >&2
  exit 1
fi
echo "check-manifests: all offline checks passed (images were not built, nothing was deployed)"
