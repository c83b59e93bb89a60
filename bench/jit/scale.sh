#!/bin/bash
# 1 worker pinned to 1 core against 2 workers on 2 cores, alternately, cold then warm, each under the shared Maven
# lock; prints wall, user and sys seconds and the time the command prints.
#   LAB=path/to/lab [SYM=NIFTY] [ROUNDS=2] [OUT_BASE=target/jit] bench/jit/scale.sh
# (docs/PERFORMANCE.md, "End to end", scaling on the year lab)
set -euo pipefail
cd "$(dirname "$0")/../.."
L=${LAB:?set LAB to a lab folder}; SYM=${SYM:-NIFTY}; B=${OUT_BASE:-target/jit}
lock="${NFOPS_MVN_LOCK:-/tmp/nfops-mvn.lock}"
mkdir -p "$B"
for round in $(seq 1 "${ROUNDS:-2}"); do
  for w in 1 2; do
    cores=$([ "$w" = 1 ] && echo 0 || echo 0-1)
    for r in cold warm; do
      O=$B/s-$w-$(basename "$L")
      if [ "$r" = cold ]; then rm -rf "$O"; else rm -rf "$O/parts" "$O/results"; fi
      s=$( { flock "$lock" taskset -c "$cores" /usr/bin/time -f "TIME %e %U %S" bin/nfops run --root "$L" --out "$O" \
        --symbol "$SYM" --max-workers "$w" --progress none 2>&1; } | grep -E "^run .*s$|^TIME" \
        | sed -E 's/.*; ([0-9.]+ s)$/\1/' | tr '\n' ' ')
      echo "$(date -u +%H:%M:%S) round=$round workers=$w run=$r $s load=$(cut -d' ' -f1-3 /proc/loadavg)"
    done
  done
done
