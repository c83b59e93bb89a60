#!/usr/bin/env bash
# End-to-end benchmark (issue 10): `nfops run` of the orb strategy on the bench lab, cold (empty seconds cache) and
# warm (cache filled by the cold run), for 1 and for all workers, with wall time, time inside the command, trades,
# peak heap (from the GC log) and peak RSS; then the opening-range breakout's signal by this project's reader, by
# DuckDB (JDBC) and by Polars (nodejs-polars) over the same spot files. With NFOPS_BENCH_YEAR=1 it also checks that
# the heap of cold bar building does not grow with the date range (a month and a year of the tiny preset, so a
# year fits this machine's disk and time). Prints a summary; writes only under target/ and the labs' outputs.
#
#   scripts/bench-run.sh
#   NFOPS_BENCH_LAB=/some/lab NFOPS_BENCH_YEAR=1 scripts/bench-run.sh
#
# Environment: NFOPS_BENCH_LAB (default ./bench-lab, generated with the bench preset, seed 7, if missing),
# NFOPS_BENCH_WORKERS (default "1 <nproc>"), NFOPS_BENCH_SYMBOLS (default "NIFTY BANKNIFTY"),
# NFOPS_BENCH_JAVA (JVM options of every Java process, default -Xmx1g), NFOPS_BENCH_YEAR (default 0),
# NFOPS_BENCH_YEAR_DIR (where the month and year labs go, default target/heap-labs), NFOPS_MVN_LOCK.
# The build and every measurement run under the shared Maven lock, so no build runs meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
lab="${NFOPS_BENCH_LAB:-$root/bench-lab}"
workers_list="${NFOPS_BENCH_WORKERS:-1 $(nproc)}"
symbols="${NFOPS_BENCH_SYMBOLS:-NIFTY BANKNIFTY}"
java_opts="${NFOPS_BENCH_JAVA:--Xmx1g}"
year="${NFOPS_BENCH_YEAR:-0}"
year_dir="${NFOPS_BENCH_YEAR_DIR:-$root/target/heap-labs}"
offline=(-o)
if [[ "${NFOPS_MVN_OFFLINE:-1}" == "0" ]]; then
  offline=()
fi

echo "== build (under $lock)"
flock "$lock" ./mvnw -B -q "${offline[@]}" -pl nfopslab-bench,nfopslab-cli -am package -Dmaven.test.skip=true
if [[ ! -f "$lab/meta/packed_manifest.csv" ]]; then
  echo "== generating the bench lab in $lab"
  bin/nfops data generate --root "$lab" --preset bench --seed 7
fi
if [[ ! -d bench/polars/node_modules/nodejs-polars-linux-x64-gnu || bench/polars/package-lock.json -nt bench/polars/node_modules ]]; then
  (cd bench/polars && npm ci --no-audit --no-fund --loglevel=error)
fi

mkdir -p "$root/target"
out="$root/target/bench-run-$(date -u +%Y%m%dT%H%M%SZ).txt"
cp="nfopslab-bench/target/benchmarks.jar:$(ls nfopslab-bench/target/lib/duckdb_jdbc-*.jar)"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1)"
find "$lab/data/packed" -name '*.parquet' -exec cat {} + >/dev/null # warm the OS page cache

# one `nfops run`: prints a result line (wall, time inside, trades, heap from the GC log, RSS)
run_once() { # label workers out_dir symbol
  local label="$1" w="$2" o="$3" sym="$4" gc="$3/gc-$1-$4.log" tm="$3/time-$1-$4.txt" load
  load="$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')"
  JAVA_OPTS="$java_opts -Xlog:gc:file=$gc" /usr/bin/time -f '%e %M' -o "$tm" \
    bin/nfops run --root "$lab" --out "$o" --symbol "$sym" --include orb --max-workers "$w" --progress none \
    >"$o/stdout-$label-$sym.txt" 2>&1
  local inside trades heap live
  inside="$(grep -o '[0-9.]* s$' "$o/stdout-$label-$sym.txt" | tail -1 | cut -d' ' -f1)"
  trades="$(bin/nfops status --root "$lab" --out "$o" --field trades 2>/dev/null || echo 0)"
  # G1 lines end with "before->after(committed) pause": peak heap used and peak after a collection
  heap="$(grep -o '[0-9]*M->[0-9]*M' "$gc" | sed 's/M->.*//' | sort -n | tail -1)"
  live="$(grep -o '[0-9]*M->[0-9]*M' "$gc" | sed 's/.*M->//; s/M//' | sort -n | tail -1)"
  echo "run=$label symbol=$sym workers=$w wall_s=$(cut -d' ' -f1 "$tm") inside_s=${inside:-?} trades=$trades" \
    "heap_peak_mb=${heap:-?} heap_after_gc_peak_mb=${live:-?} rss_peak_mb=$(( $(cut -d' ' -f2 "$tm") / 1024 )) load=$load"
}

echo "== measuring under $lock (results also in $out)"
exec 9>"$lock"
flock 9
for w in $workers_list; do
  o="$root/target/bench-run-out-w$w"
  rm -rf "$o"
  mkdir -p "$o"
  for sym in $symbols; do
    run_once cold "$w" "$o" "$sym" | tee -a "$out"
    rm -rf "$o/parts" "$o/results" # keep the seconds cache: the next run is warm
    run_once warm "$w" "$o" "$sym" | tee -a "$out"
  done
done
for w in $workers_list; do
  for engine in orb-java orb-duckdb; do
    java --add-opens=java.base/java.nio=ALL-UNNAMED $java_opts -cp "$cp" in.nfopslab.bench.bars.BarsBench \
      --root "$lab" --engine "$engine" --workers "$w" --passes 2 | tee -a "$out"
  done
  POLARS_MAX_THREADS="$w" node bench/polars/orb.mjs "$lab" | tee -a "$out"
done
flock -u 9

if [[ "$year" == "1" ]]; then
  echo "== heap: a month and a year of cold bar building (tiny preset, 2023)"
  [[ -f "$year_dir/month/meta/packed_manifest.csv" ]] || \
    bin/nfops data generate --root "$year_dir/month" --preset tiny --seed 7 --start 2023-01-01 --end 2023-01-31
  [[ -f "$year_dir/year/meta/packed_manifest.csv" ]] || \
    bin/nfops data generate --root "$year_dir/year" --preset tiny --seed 7 --start 2023-01-01 --end 2023-12-31
  flock 9
  for range in month year; do
    java --add-opens=java.base/java.nio=ALL-UNNAMED -Xmx256m -cp "$cp" in.nfopslab.bench.bars.BarsBench \
      --root "$year_dir/$range" --engine java --workers "$(nproc)" | sed "s/^/range=$range /" | tee -a "$out"
  done
  flock -u 9
fi

echo
echo "== summary"
awk '
  function val(k,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
  val("run") != "" {
    k = val("run") "/" val("workers"); wall[k] += val("wall_s"); inside[k] += val("inside_s"); trades[k] += val("trades")
    if (val("rss_peak_mb") > rss[k]) rss[k] = val("rss_peak_mb")
    if (val("heap_after_gc_peak_mb") > live[k]) live[k] = val("heap_after_gc_peak_mb")
    ws[val("workers")] = 1
  }
  END {
    printf "%-6s %7s %8s %9s %7s %9s %12s %8s\n", "run", "workers", "wall s", "inside s", "trades", "trades/s", "live heap MB", "rss MB"
    for (w in ws) for (r = 0; r < 2; r++) {
      k = (r == 0 ? "cold" : "warm") "/" w
      if (k in wall) printf "%-6s %7s %8.2f %9.2f %7d %9.1f %12s %8s\n", (r == 0 ? "cold" : "warm"), w, wall[k], inside[k], trades[k], trades[k] / inside[k], live[k], rss[k]
    }
    for (w in ws) if (("cold/" w) in wall) printf "workers %s: cold / warm = %.2fx (wall), %.2fx (inside the command)\n", w, wall["cold/" w] / wall["warm/" w], inside["cold/" w] / inside["warm/" w]
  }' "$out"
grep '^engine=orb' "$out" | sed 's/ heap_peak_mb.*//'
grep '^range=' "$out" | sed 's/ jobs=.*rows=/ rows=/; s/ volume.*seconds=/ seconds=/' || true
