#!/usr/bin/env bash
# Builds nfopslab-bench/target/benchmarks.jar and runs only the pricing (implied volatility) benchmark with short
# JMH settings. Extra arguments go to JMH (e.g. -prof gc, or -p quotes=chain).
#
# The Maven build runs under the shared build lock (several people build on one machine) and offline by default;
# NFOPS_MVN_OFFLINE=0 lets Maven download what it lacks. The benchmark itself runs after the lock is released.
set -euo pipefail
cd "$(dirname "$0")/.."

lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
offline=(-o)
if [[ "${NFOPS_MVN_OFFLINE:-1}" == "0" ]]; then
  offline=()
fi
# -Dmaven.test.skip: the jar needs main classes only, so nobody's unfinished test can block a benchmark run.
flock "$lock" ./mvnw -B -q "${offline[@]}" -pl nfopslab-bench -am package -Dmaven.test.skip=true

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
exec java -jar nfopslab-bench/target/benchmarks.jar 'in\.nfopslab\.bench\.ImpliedVolBenchmark' \
  -f 1 -wi 2 -i 3 -w 5s -r 5s "$@"
