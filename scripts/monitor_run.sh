#!/usr/bin/env bash
# One look at the latest nfops run of a lab: is it alive, how far it is, failures so far, the newest outputs and
# the tail of its run log. Built on `nfops status` (its --format kv lines carry the same data as --json), so it
# needs only bash and coreutils.
#
#   scripts/monitor_run.sh [--tail N] [--newest N] [--] [LAB OPTIONS]
#
# LAB OPTIONS are passed to nfops as they are (--root DIR, or --data/--meta/--out). NFOPS names the nfops launcher
# (default: bin/nfops of this checkout).
#
# Exit codes: 0 running, or finished with every pair ok; 1 finished with failed pairs; 2 usage error or nfops status
# failed; 3 the run is dead (process gone or heartbeat stale) or stopped with an error; 4 no run found.
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nfops="${NFOPS:-$here/bin/nfops}"
tail_lines=15
newest=5

usage() {
  sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --tail) tail_lines="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --newest) newest="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
for n in "$tail_lines" "$newest"; do
  if ! [[ "$n" =~ ^[0-9]+$ ]]; then
    echo "monitor_run: --tail and --newest take a number, got '$n'" >&2
    exit 2
  fi
done

if ! kv="$("$nfops" status --format kv "$@")"; then
  echo "monitor_run: '$nfops status' failed (see the message above)" >&2
  exit 2
fi

# field NAME: the value of one key=value line of the status output (empty when absent)
field() {
  printf '%s\n' "$kv" | sed -n "s/^$1=//p" | head -n 1
}

# the command that continues the run (a sweep records none: then its own command line again, with --resume)
resume() {
  local c
  c="$(field resume_command)"
  echo "${c:-the same nfops command again, with --resume}"
}

state="$(field state)"
run_id="$(field run_id)"
if [[ "$state" == "none" ]]; then
  echo "no nfops run found (no run_state.properties under $(field out_dir))"
  exit 4
fi

case "$state" in
  running) alive="alive, pid $(field pid), heartbeat $(field heartbeat_age_s) s ago" ;;
  dead) alive="DEAD: pid $(field pid) is gone or its heartbeat is $(field heartbeat_age_s) s old" ;;
  *) alive="pid $(field pid) ended $(field finished)" ;;
esac
echo "run $run_id: $state ($alive)"

total="$(field pairs_total)"
done_="$(field pairs_done)"
if [[ -n "$total" && "$total" -gt 0 ]]; then
  echo "progress: $done_/$total pairs run, $(field pairs_failed) failed ($(( done_ * 100 / total ))%)"
else
  echo "progress: $done_/$total pairs run"
fi
echo "pairs recorded: $(field pairs) ($(field ok) ok, $(field failed) failed, $(field skipped) skipped, $(field trades) trade legs; from $(field rows_from))"

failures="$(printf '%s\n' "$kv" | sed -n 's/^failure\.\([0-9]*\)\.strategy=.*/\1/p')"
if [[ -n "$failures" ]]; then
  echo "failures so far:"
  for i in $failures; do
    echo "  $(field "failure\\.$i\\.strategy") $(field "failure\\.$i\\.task"): $(field "failure\\.$i\\.error")"
    echo "    log $(field "failure\\.$i\\.log")"
  done
else
  echo "failures so far: none"
fi

if [[ "$newest" -gt 0 ]]; then
  for dir in "$(field results_dir)" "$(field logs_dir)"; do
    if [[ -d "$dir" ]]; then
      echo "newest in $dir:"
      # shellcheck disable=SC2012 # names are ours (no newlines); ls -t is the portable way to sort by time
      ls -1t "$dir" | head -n "$newest" | sed 's/^/  /'
    fi
  done
fi

run_log="$(field run_log)"
if [[ "$tail_lines" -gt 0 && -n "$run_log" && -f "$run_log" ]]; then
  echo "run log $run_log (last $tail_lines lines):"
  tail -n "$tail_lines" "$run_log" | sed 's/^/  /'
fi

case "$state" in
  running) exit 0 ;;
  finished)
    if [[ "$(field command)" != "run" ]]; then
      if [[ "$(field pairs_failed)" == "0" ]]; then exit 0; fi
      echo "finished with $(field pairs_failed) failed parts: re-run the same nfops $(field command) with --resume"
      exit 1
    fi
    if [[ "$(field failed)" == "0" ]]; then exit 0; fi
    echo "finished with failed pairs: re-run them with"
    echo "  nfops retry --status $(field status_file) $*"
    exit 1 ;;
  dead)
    echo "the run died; continue it where it stopped with:"
    echo "  $(resume)"
    exit 3 ;;
  *)
    echo "the run stopped with an error ($state); see the run log above, fix the cause, then continue with:"
    echo "  $(resume)"
    exit 3 ;;
esac
