#!/usr/bin/env bash
# End-to-end benchmark (issue 10): `nfops run` on the bench lab, cold (empty seconds cache) and warm (cache filled by
# the cold run), for the orb strategy alone and for the whole library, for 1 and for all workers, with wall time,
# time inside the command, trades, peak heap (from the GC log) and peak RSS; then the opening-range breakout's signal
# by this project's reader, by DuckDB (JDBC) and by Polars (nodejs-polars) over the same spot files. Prints a
# summary; writes only under target/. The heap against the date range is scripts/bench-heap.sh.
#
#   scripts/bench-run.sh
#   NFOPS_BENCH_LAB=/some/lab NFOPS_BENCH_SETS=all scripts/bench-run.sh
#
# Environment: NFOPS_BENCH_LAB (default ./bench-lab, generated with the bench preset, seed 7, if missing),
# NFOPS_BENCH_WORKERS (default "1 <nproc>"), NFOPS_BENCH_SYMBOLS (default "NIFTY BANKNIFTY"),
# NFOPS_BENCH_SETS (strategy sets, default "orb all": orb alone, then all 14 strategies),
# NFOPS_BENCH_MODES (default "separate together": one `nfops run` per symbol, then one `nfops run --symbol A,B` for all
# symbols in one process), NFOPS_BENCH_QUICK (1, the default: after each warm run, one more warm run with the JIT's
# first tier only, -XX:TieredStopAtLevel=1, labelled "warm-c1"; 0: not),
# NFOPS_BENCH_JAVA (JVM options of every Java process, default -Xmx1g), NFOPS_BENCH_PIN (1, the default: every
# process runs on as many cores as it has workers, `taskset -c 0..w-1`, JIT and collector threads included; 0: not
# pinned), NFOPS_BENCH_PEERS (1, the default: then the ORB signal by Java, DuckDB and Polars; 0: the runs only),
# NFOPS_MVN_LOCK, NFOPS_JIT (the JIT thresholds, as for bin/nfops).
# The build and every measurement run under the shared Maven lock, so no build runs meanwhile.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
lab="${NFOPS_BENCH_LAB:-$root/bench-lab}"
workers_list="${NFOPS_BENCH_WORKERS:-1 $(nproc)}"
symbols="${NFOPS_BENCH_SYMBOLS:-NIFTY BANKNIFTY}"
java_opts="${NFOPS_BENCH_JAVA:--Xmx1g}"
# the JIT thresholds of bin/nfops for the Java ORB signal too (the runs get them from bin/nfops itself)
# shellcheck source=bin/jit-flags.sh
source "$root/bin/jit-flags.sh"
nfops_jit_flags "$java_opts" || exit 2
sets="${NFOPS_BENCH_SETS:-orb all}"
modes="${NFOPS_BENCH_MODES:-separate together}"
quick="${NFOPS_BENCH_QUICK:-1}"
pin="${NFOPS_BENCH_PIN:-1}"
peers="${NFOPS_BENCH_PEERS:-1}"
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
run_once() { # label workers out_dir symbol(s) set mode
  local label="$1" w="$2" o="$3" sym="$4" set="$5" mode="$6" gc="$3/gc-$1-$4.log" tm="$3/time-$1-$4.txt" load include=()
  load="$(cut -d' ' -f1-3 /proc/loadavg | tr ' ' ',')"
  if [[ "$set" != "all" ]]; then include=(--include "$set"); fi
  local pinned=()
  if [[ "$pin" == "1" ]]; then pinned=(taskset -c "0-$((w - 1))"); fi
  local extra=""
  if [[ "$label" == "warm-c1" ]]; then extra="-XX:TieredStopAtLevel=1"; fi
  JAVA_OPTS="$java_opts $extra -Xlog:gc:file=$gc" "${pinned[@]}" /usr/bin/time -f '%e %M' -o "$tm" \
    bin/nfops run --root "$lab" --out "$o" --symbol "$sym" "${include[@]}" --max-workers "$w" --progress none \
    >"$o/stdout-$label-$sym.txt" 2>&1
  local inside trades heap live
  # one "run ID: ...; N s" and one "trade legs: N" line per symbol the command ran; a command over several symbols
  # runs them on one pool, and each line gives the time from the command's start to the end of that symbol's merge:
  # the command's time is the longest
  inside="$(grep '^run .*; [0-9.]* s$' "$o/stdout-$label-$sym.txt" | grep -o '[0-9.]* s$' | awk '$1 > m { m = $1 } END { print m }')"
  trades="$(grep '^trade legs: ' "$o/stdout-$label-$sym.txt" | awk '{ s += $3 } END { print s + 0 }')"
  # -Xlog:gc lines hold "before->after(committed)": peak heap used and peak after a collection
  heap="$(grep -o '[0-9]*M->[0-9]*M' "$gc" | sed 's/M->.*//' | sort -n | tail -1 || true)"
  live="$(grep -o '[0-9]*M->[0-9]*M' "$gc" | sed 's/.*M->//; s/M//' | sort -n | tail -1 || true)"
  echo "set=$set mode=$mode pinned=$pin run=$label symbol=$sym workers=$w wall_s=$(cut -d' ' -f1 "$tm") inside_s=${inside:-?} trades=$trades" \
    "heap_peak_mb=${heap:-?} heap_after_gc_peak_mb=${live:-?} rss_peak_mb=$(( $(cut -d' ' -f2 "$tm") / 1024 )) load=$load"
}

# the first data command after a build writes bin/nfops's class-data archive (README): do it now, unmeasured, so that
# every measured run, cold or warm, starts the same way
first_sym="${symbols%% *}"
rm -rf "$root/target/bench-run-cds"
bin/nfops run --root "$lab" --out "$root/target/bench-run-cds" --symbol "$first_sym" --include orb \
  --start 2024-01-01 --end 2024-01-05 --progress none >/dev/null 2>&1 || true

echo "== measuring under $lock (results also in $out)"
exec 9>"$lock"
flock 9
for set in $sets; do
  for w in $workers_list; do
    for mode in $modes; do
      o="$root/target/bench-run-out-$set-w$w-$mode"
      rm -rf "$o"
      mkdir -p "$o"
      if [[ "$mode" == "together" ]]; then
        groups="${symbols// /,}" # every symbol in one command
      else
        groups="$symbols"
      fi
      for sym in $groups; do
        run_once cold "$w" "$o" "$sym" "$set" "$mode" | tee -a "$out"
        rm -rf "$o/parts" "$o/results" # keep the seconds cache: the next run is warm
        run_once warm "$w" "$o" "$sym" "$set" "$mode" | tee -a "$out"
        if [[ "$quick" == "1" ]]; then
          rm -rf "$o/parts" "$o/results"
          run_once warm-c1 "$w" "$o" "$sym" "$set" "$mode" | tee -a "$out"
        fi
      done
    done
  done
done
for w in $workers_list; do
  if [[ "$peers" != "1" ]]; then break; fi
  for engine in orb-java orb-duckdb; do
    pinned=()
    if [[ "$pin" == "1" ]]; then pinned=(taskset -c "0-$((w - 1))"); fi
    "${pinned[@]}" java --add-opens=java.base/java.nio=ALL-UNNAMED -XX:+UseParallelGC ${nfops_jit[@]+"${nfops_jit[@]}"} $java_opts -cp "$cp" \
      in.nfopslab.bench.bars.BarsBench --root "$lab" --engine "$engine" --workers "$w" --passes 2 | tee -a "$out"
  done
  POLARS_MAX_THREADS="$w" "${pinned[@]}" node bench/polars/orb.mjs "$lab" | tee -a "$out"
done
flock -u 9


echo
echo "== summary"
awk '
  function val(k,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
  val("run") != "" {
    k = val("set") "-" val("mode") "/" val("run") "/" val("workers"); wall[k] += val("wall_s"); inside[k] += val("inside_s"); trades[k] += val("trades")
    if (val("rss_peak_mb") > rss[k]) rss[k] = val("rss_peak_mb")
    if (val("heap_after_gc_peak_mb") > live[k]) live[k] = val("heap_after_gc_peak_mb")
    ws[val("workers")] = 1; ss[val("set") "-" val("mode")] = 1
  }
  END {
    printf "%-13s %-7s %7s %8s %9s %7s %9s %12s %8s\n", "set", "run", "workers", "wall s", "inside s", "trades", "trades/s", "live heap MB", "rss MB"
    split("cold warm warm-c1", labels, " ")
    for (st in ss) for (w in ws) for (r = 1; r <= 3; r++) {
      k = st "/" labels[r] "/" w
      if (k in wall) printf "%-13s %-7s %7s %8.2f %9.2f %7d %9.1f %12s %8s\n", st, labels[r], w, wall[k], inside[k], trades[k], trades[k] / inside[k], live[k], rss[k]
    }
    for (st in ss) for (w in ws) if ((st "/cold/" w) in wall) printf "%s, workers %s: cold / warm = %.2fx (wall), %.2fx (inside the command)\n", st, w, wall[st "/cold/" w] / wall[st "/warm/" w], inside[st "/cold/" w] / inside[st "/warm/" w]
    for (st in ss) for (w in ws) if ((st "/warm-c1/" w) in wall) printf "%s, workers %s: cold / warm-c1 = %.2fx (wall), %.2fx (inside the command)\n", st, w, wall[st "/cold/" w] / wall[st "/warm-c1/" w], inside[st "/cold/" w] / inside[st "/warm-c1/" w]
    for (st in ss) if ((st "/cold/1") in wall) for (w in ws) if (w != 1 && (st "/cold/" w) in wall) printf "%s, cold: %s workers / 1 worker = %.2fx (wall)\n", st, w, wall[st "/cold/1"] / wall[st "/cold/" w]
  }' "$out"
grep '^engine=orb' "$out" | sed 's/ heap_peak_mb.*//'
