#!/bin/bash
# C2's inlining under the balanced thresholds, alternately: "jvm-inline" (the JVM's FreqInlineSize=325 and
# InlineSmallCode=2500), "balanced" (bin/nfops's default: 100 and 1000) and "less" (50 and 500); 1 worker pinned to
# core 0 and 2 workers on cores 0-1; a cold run (empty OUT) then a warm run (parts/ and results/ deleted) per mode,
# worker count and round, each under the shared Maven lock, with -Xmx1g as scripts/bench-run.sh; prints wall, user and
# sys seconds.
#   LAB=path/to/lab [SYM=NIFTY,BANKNIFTY] [ROUNDS=2] [MODES="jvm-inline balanced less"] [WORKERS="1 2"]
#   [OUT_BASE=target/jit] bench/jit/inline.sh
# (docs/PERFORMANCE.md, "The JIT compiler", inlining)
set -euo pipefail
cd "$(dirname "$0")/../.."
L=${LAB:?set LAB to a lab folder}; SYM=${SYM:-NIFTY,BANKNIFTY}; B=${OUT_BASE:-target/jit}
lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
mkdir -p "$B"
for round in $(seq 1 "${ROUNDS:-2}"); do
  for mode in ${MODES:-jvm-inline balanced less}; do
    case $mode in
      jvm-inline) inline="-XX:FreqInlineSize=325 -XX:InlineSmallCode=2500" ;;
      balanced) inline="" ;; # bin/jit-flags.sh adds its own
      less) inline="-XX:FreqInlineSize=50 -XX:InlineSmallCode=500" ;;
      *) echo "unknown mode $mode" >&2; exit 2 ;;
    esac
    for w in ${WORKERS:-1 2}; do
      cores=$([ "$w" = 1 ] && echo 0 || echo "0-$((w - 1))")
      for r in cold warm; do
        O=$B/i-$mode-$w-$(basename "$L")
        if [ "$r" = cold ]; then rm -rf "$O"; else rm -rf "$O/parts" "$O/results"; fi
        s=$( { JAVA_OPTS="-Xmx1g $inline" flock "$lock" taskset -c "$cores" /usr/bin/time -f "TIME %e %U %S" \
          bin/nfops run --root "$L" --out "$O" --symbol "$SYM" --max-workers "$w" --progress none 2>&1; } \
          | grep -E "^TIME" | tr '\n' ' ')
        echo "$(date -u +%H:%M:%S) round=$round mode=$mode workers=$w run=$r $s load=$(cut -d' ' -f1-3 /proc/loadavg)"
      done
    done
  done
done
