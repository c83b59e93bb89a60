#!/bin/bash
# NFOPS_JIT modes, alternately: a cold run (empty OUT) then a warm run (parts/ and results/ deleted) per mode and
# round, each under the shared Maven lock; prints wall, user and sys seconds and the per-symbol times the command prints.
#   LAB=path/to/lab [SYM=NIFTY,BANKNIFTY] [ROUNDS=3] [MODES="jvm balanced quick"] [OUT_BASE=target/jit] bench/jit/modes.sh
# (docs/PERFORMANCE.md, "The JIT compiler")
set -euo pipefail
cd "$(dirname "$0")/../.."
L=${LAB:?set LAB to a lab folder}; SYM=${SYM:-NIFTY,BANKNIFTY}; B=${OUT_BASE:-target/jit}
lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
mkdir -p "$B"
for round in $(seq 1 "${ROUNDS:-3}"); do
  for k in ${MODES:-jvm balanced quick}; do
    for r in cold warm; do
      O=$B/m-$k-$(basename "$L")
      if [ "$r" = cold ]; then rm -rf "$O"; else rm -rf "$O/parts" "$O/results"; fi
      s=$( { flock "$lock" env NFOPS_JIT="$k" /usr/bin/time -f "TIME %e %U %S" bin/nfops run --root "$L" --out "$O" \
        --symbol "$SYM" --max-workers 2 --progress none 2>&1; } | grep -E "^run .*s$|^TIME" \
        | sed -E 's/.*; ([0-9.]+ s)$/\1/' | tr '\n' ' ')
      echo "$(date -u +%H:%M:%S) round=$round jit=$k run=$r $s load=$(cut -d' ' -f1-3 /proc/loadavg)"
    done
  done
done
