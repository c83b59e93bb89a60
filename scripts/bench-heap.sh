#!/usr/bin/env bash
# Heap against the date range (issues 3 and 10, target 4): the smallest Java heap (-Xmx, found by bisection to a
# few MB) under which the same work completes for a month and for a year of data. The sampled peak of a collector
# mostly shows how far the collector let the heap grow before it collected; the smallest heap that still completes is
# what the work needs, and it is the figure that must not grow with the date range.
#
#   scripts/bench-heap.sh
#
# Two workloads, each cold, on 2 workers (the machine's cores), with the serial collector (no concurrent collector
# headroom to blur the figure):
#   bars  BarsBench --engine java: the per-second bars of every chain-day `nfops cache warm` would build
#   run   bin/nfops run --include orb with an empty out folder: bars built, cached and a strategy run on them
# Lab: the tiny preset (seed 7) for all of 2023, generated under NFOPS_BENCH_YEAR_DIR/year (default
# target/heap-labs/year) when missing (a year of the bench preset does not fit this machine's time budget). The same
# lab for both ranges: "month" is January 2023 (--start/--end), "year" is the whole year, so only the date range
# differs, not the size of the lab's catalog.
#
# Environment: NFOPS_BENCH_YEAR_DIR, NFOPS_HEAP_LO / NFOPS_HEAP_HI (bisection bounds in MB, default 24 / 256),
# NFOPS_HEAP_STEP (resolution in MB, default 1), NFOPS_BENCH_WORKLOADS (default "bars run"), NFOPS_MVN_LOCK.
# Builds and measures under the shared Maven lock; prints one line per (workload, range) and a summary.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"
lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
year_dir="${NFOPS_BENCH_YEAR_DIR:-$root/target/heap-labs}"
lo0="${NFOPS_HEAP_LO:-24}"
hi0="${NFOPS_HEAP_HI:-256}"
step="${NFOPS_HEAP_STEP:-1}"
workloads="${NFOPS_BENCH_WORKLOADS:-bars run}"
offline=(-o)
if [[ "${NFOPS_MVN_OFFLINE:-1}" == "0" ]]; then
  offline=()
fi

echo "== build (under $lock)"
flock "$lock" ./mvnw -B -q "${offline[@]}" -pl nfopslab-bench,nfopslab-cli -am package -Dmaven.test.skip=true
[[ -f "$year_dir/year/meta/packed_manifest.csv" ]] || \
  bin/nfops data generate --root "$year_dir/year" --preset tiny --seed 7 --start 2023-01-01 --end 2023-12-31

cp="nfopslab-bench/target/benchmarks.jar:$(ls nfopslab-bench/target/lib/duckdb_jdbc-*.jar)"
work="$root/target/bench-heap"
mkdir -p "$work"
out="$root/target/bench-heap-$(date -u +%Y%m%dT%H%M%SZ).txt"

# one attempt: exit 0 when the workload completes within the heap
attempt() { # workload range xmx_mb
  local w="$1" r="$2" x="$3" log="$work/$1-$2-$3.log"
  local jvm="-Xmx${x}m -XX:+UseSerialGC" range=(--start 2023-01-01 --end 2023-12-31)
  if [[ "$r" == "month" ]]; then range=(--start 2023-01-01 --end 2023-01-31); fi
  case "$w" in
    bars)
      java --add-opens=java.base/java.nio=ALL-UNNAMED $jvm -cp "$cp" in.nfopslab.bench.bars.BarsBench \
        --root "$year_dir/year" --engine java --workers 2 "${range[@]}" >"$log" 2>&1 ;;
    run)
      rm -rf "$work/out-$r"
      JAVA_OPTS="$jvm" bin/nfops run --root "$year_dir/year" --out "$work/out-$r" --symbol NIFTY --include orb \
        "${range[@]}" --max-workers 2 --progress none >"$log" 2>&1 ;;
  esac
}

echo "== measuring under $lock (results also in $out)"
exec 9>"$lock"
flock 9
for w in $workloads; do
  for r in month year; do
    lo="$lo0" hi="$hi0" tries=0
    attempt "$w" "$r" "$hi" || { echo "workload=$w range=$r fails even with -Xmx${hi}m (see $work)"; exit 1; }
    while (( hi - lo > step )); do
      mid=$(( (lo + hi) / 2 ))
      tries=$((tries + 1))
      if attempt "$w" "$r" "$mid"; then hi="$mid"; else lo="$mid"; fi
    done
    echo "workload=$w range=$r min_heap_mb=$hi fails_at_mb=$lo attempts=$((tries + 1)) load=$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')" \
      | tee -a "$out"
  done
done
flock -u 9

echo
echo "== summary (smallest -Xmx that completes; a year should need no more than a month plus 20%)"
awk '
  function val(k,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
  { m[val("workload") "/" val("range")] = val("min_heap_mb"); ws[val("workload")] = 1 }
  END { for (w in ws) printf "%-5s month %4d MB  year %4d MB  year/month %.2f\n", w, m[w "/month"], m[w "/year"], m[w "/year"] / m[w "/month"] }
' "$out"
