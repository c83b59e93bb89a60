#!/usr/bin/env bash
# Cold per-second bar building (issues 3 and 10): this project's reader against DuckDB (JDBC) and Polars
# (nodejs-polars from npm), on the same files, in the same run, on the same cores, for 1 and for all workers.
# Prints each engine's result line (with the load average before it) and a summary with the ratios; it writes no
# file outside target/ and bench/polars/node_modules, and appends nothing to the docs.
#
#   scripts/bench-bars.sh                      # lab: ./bench-lab (generated with the bench preset, seed 7, if missing)
#   NFOPS_BENCH_LAB=/some/lab scripts/bench-bars.sh
#
# Environment:
#   NFOPS_BENCH_LAB      the lab (default ./bench-lab; `nfops data generate --preset bench --seed 7` if absent)
#   NFOPS_BENCH_WORKERS  worker counts to run (default "1 <nproc>")
#   NFOPS_BENCH_PASSES   passes of the Java and DuckDB sides per process (default 2: pass 1 is a cold process)
#   NFOPS_BENCH_JAVA     JVM options of the Java side and the DuckDB JDBC process (default -Xmx1g
#                        -XX:+UseParallelGC, the collector bin/nfops uses)
#   NFOPS_BENCH_ENGINES  which engines (default "java duckdb polars")
#   NFOPS_BENCH_ROUNDS   fresh processes per (engine, workers), interleaved round by round (default 3); the summary
#                        takes the median of the pass-1 times and the best of all passes
#   NFOPS_BENCH_CDS      1 (default): the Java processes (this project's reader and the DuckDB JDBC side alike) start
#                        with a class-data archive made by an unmeasured short run, as bin/nfops starts every command;
#                        0: without
#   NFOPS_BENCH_PIN      1 (default): each process runs on exactly as many cores as it has workers (taskset -c
#                        0..w-1), so "1 worker" means one core for everything the process does, JIT compiler and
#                        garbage collector threads included, for every engine alike; 0: no pinning (a 1-worker Java
#                        process then gets the JIT and GC work done on the other core for free)
#   NFOPS_JIT            the JIT thresholds, as for bin/nfops (default balanced; jvm: the JVM's own)
#   NFOPS_MVN_LOCK       the shared Maven lock (default /tmp/nfops-mvn.lock); NFOPS_MVN_OFFLINE=0 lets Maven download
#
# The build runs under the Maven lock; so do the measurements (no build of anyone's runs meanwhile), and the OS page
# cache is warmed first so every engine reads the same files from memory.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD"

lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
lab="${NFOPS_BENCH_LAB:-$root/bench-lab}"
workers_list="${NFOPS_BENCH_WORKERS:-1 $(nproc)}"
passes="${NFOPS_BENCH_PASSES:-2}"
java_opts="${NFOPS_BENCH_JAVA:--Xmx1g -XX:+UseParallelGC}"
# the JIT thresholds bin/nfops runs with (NFOPS_JIT, bin/jit-flags.sh), unless NFOPS_BENCH_JAVA names its own
# shellcheck source=bin/jit-flags.sh
source "$root/bin/jit-flags.sh"
nfops_jit_flags "$java_opts" || exit 2
java_opts="${nfops_jit[*]} $java_opts"
engines="${NFOPS_BENCH_ENGINES:-java duckdb polars}"
pin="${NFOPS_BENCH_PIN:-1}"
rounds="${NFOPS_BENCH_ROUNDS:-3}"
use_cds="${NFOPS_BENCH_CDS:-1}"
offline=(-o)
if [[ "${NFOPS_MVN_OFFLINE:-1}" == "0" ]]; then
  offline=()
fi

echo "== build (under $lock)"
flock "$lock" ./mvnw -B -q "${offline[@]}" -pl nfopslab-bench,nfopslab-cli -am package -Dmaven.test.skip=true

if [[ ! -f "$lab/meta/packed_manifest.csv" ]]; then
  echo "== generating the bench lab in $lab (nfops data generate --preset bench --seed 7)"
  bin/nfops data generate --root "$lab" --preset bench --seed 7
fi

if [[ " $engines " == *" polars "* ]]; then
  # the lock file pins nodejs-polars and its linux-x64 native package (see bench/polars/package.json)
  if [[ ! -d bench/polars/node_modules/nodejs-polars-linux-x64-gnu || bench/polars/package-lock.json -nt bench/polars/node_modules ]]; then
    echo "== npm ci in bench/polars"
    (cd bench/polars && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi

cp="nfopslab-bench/target/benchmarks.jar:$(ls nfopslab-bench/target/lib/duckdb_jdbc-*.jar)"
java=(java --add-opens=java.base/java.nio=ALL-UNNAMED)
# shellcheck disable=SC2206 # a list of JVM flags on purpose
java+=($java_opts)
# the session of the lab's days (one schedule for the range, as the DuckDB side checks)
open_sod=33300
close_sod=55800

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(java -version 2>&1 | head -1), node $(node --version 2>/dev/null || echo none)"
echo "== lab: $lab ($(find "$lab/data/packed/options" -name '*.parquet' | wc -l) option files, $(du -sh "$lab/data/packed/options" | cut -f1))"
find "$lab/data/packed/options" -name '*.parquet' -exec cat {} + >/dev/null # warm the OS page cache for everyone

out="$root/target/bench-bars-$(date -u +%Y%m%dT%H%M%SZ).txt"
mkdir -p "$root/target"
if [[ "$use_cds" == "1" ]]; then
  # the classes a bar-building run loads, archived by a short unmeasured run over the lab's first three days
  jsa="$root/target/bench-bars.jsa"
  rm -f "$jsa"
  first_day="$(find "$lab/data/packed/spot" -type d -name 'date=*' | sed 's/.*date=//' | sort | head -1)"
  flock "$lock" "${java[@]}" -XX:ArchiveClassesAtExit="$jsa" -Xlog:cds=off -Xlog:cds+dynamic=off -cp "$cp" \
    in.nfopslab.bench.bars.BarsBench --root "$lab" --engine java --workers 1 --start "$first_day" \
    --end "$(date -d "$first_day + 2 days" +%F)" >/dev/null 2>&1 || true
  if [[ -s "$jsa" ]]; then java+=(-XX:SharedArchiveFile="$jsa" -Xlog:cds=off); else echo "(no class-data archive: running without)"; fi
fi
echo "== measuring under $lock (results also in $out)"
flock "$lock" bash -s -- "$out" <<EOF
set -euo pipefail
for round in \$(seq 1 $rounds); do
for w in $workers_list; do
  for engine in $engines; do
    load="\$(cut -d' ' -f1-3 /proc/loadavg)"
    pinned=()
    if [[ "$pin" == "1" ]]; then pinned=(taskset -c "0-\$((w - 1))"); fi
    case "\$engine" in
      java|duckdb)
        "\${pinned[@]}" ${java[*]} -cp "$cp" in.nfopslab.bench.bars.BarsBench --root "$lab" --engine "\$engine" --workers "\$w" \
          --passes "$passes" | sed "s/^/load=\${load// /,} pinned=$pin round=\$round /" | tee -a "\$1" ;;
      polars)
        POLARS_MAX_THREADS="\$w" "\${pinned[@]}" node bench/polars/bars.mjs "$lab" "$open_sod" "$close_sod" \
          | sed "s/^/load=\${load// /,} round=\$round /; s/\$/ pass=1/" | tee -a "\$1" ;;
    esac
  done
done
done
EOF

echo
echo "== summary (rows/s = ticks inside the sessions / wall seconds of the work; pass 1 = a fresh process, median of $rounds rounds; best = of all passes)"
awk '
  function val(k,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
  {
    e = val("engine"); w = val("workers"); p = val("pass"); s = val("seconds") + 0
    key = e "/" w
    if (p == 1) { n1[key]++; p1[key, n1[key]] = s }
    if (!(key in best) || s < best[key]) { best[key] = s }
    rows[key] = val("rows"); sum[key] = val("bars") "/" val("volume") "/" val("close_paise") "/" val("oi")
    rss[key] = val("rss_peak_mb"); load[key] = val("load"); ws[w] = 1; es[e] = 1
  }
  END {
    for (key in n1) { # median of the pass-1 times
      m = n1[key]
      for (i = 1; i <= m; i++) a[i] = p1[key, i]
      for (i = 2; i <= m; i++) { x = a[i]; for (k = i - 1; k >= 1 && a[k] > x; k--) a[k + 1] = a[k]; a[k + 1] = x }
      first[key] = (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
      runs[key] = m
    }
    printf "%-8s %7s %10s %12s %10s %12s %9s  %s\n", "engine", "workers", "pass1 s", "pass1 rows/s", "best s", "best rows/s", "rss MB", "load before"
    for (key in first) {
      split(key, kw, "/")
      printf "%-8s %7s %10.2f %12.0f %10.2f %12.0f %9s  %s\n", kw[1], kw[2], first[key], rows[key] / first[key], best[key], rows[key] / best[key], rss[key], load[key]
    }
    n = 0; for (key in sum) { if (n++ == 0) ref = sum[key]; else if (sum[key] != ref) bad = 1 }
    print (bad ? "CHECKSUMS DIFFER: the engines did not compute the same bars" : "checksums: every engine computed the same bars (bars/volume/close_paise/oi " ref ")")
    for (w in ws) {
      j = "java/" w
      if (!(j in first)) continue
      for (e in es) {
        if (e == "java" || !((e "/" w) in first)) continue
        printf "workers %s: java / %s = %.2fx (pass 1), %.2fx (best)\n", w, e, first[e "/" w] / first[j], best[e "/" w] / best[j]
      }
    }
  }' "$out"
if [[ " $workers_list " == *" 1 "* ]]; then
  for w in $workers_list; do
    [[ "$w" == 1 ]] && continue
    awk -v w="$w" '
      function val(k,   i, kv) { for (i = 1; i <= NF; i++) { split($i, kv, "="); if (kv[1] == k) return kv[2] } return "" }
      val("engine") == "java" && val("pass") == 1 { k = val("workers"); c[k]++; t[k, c[k]] = val("seconds") }
      val("engine") == "java" { if (!(val("workers") in b) || val("seconds") < b[val("workers")]) b[val("workers")] = val("seconds") }
      function median(k,   m, i, j, x, a) {
        m = c[k]; for (i = 1; i <= m; i++) a[i] = t[k, i]
        for (i = 2; i <= m; i++) { x = a[i]; for (j = i - 1; j >= 1 && a[j] > x; j--) a[j + 1] = a[j]; a[j + 1] = x }
        return (m % 2) ? a[(m + 1) / 2] : (a[m / 2] + a[m / 2 + 1]) / 2
      }
      END { if ((1 in c) && (w in c)) { s[1] = median(1); s[w] = median(w) } if ((1 in s) && (w in s)) printf "java scaling: %s workers / 1 worker = %.2fx (pass 1), %.2fx (best)\n", w, s[1] / s[w], b[1] / b[w] }' "$out"
  done
fi
