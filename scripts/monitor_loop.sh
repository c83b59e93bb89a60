#!/usr/bin/env bash
# Watches the latest nfops run of a lab until it is done, one line per check, and re-runs failed pairs a bounded
# number of times (`nfops retry --status FILE`, in the foreground, its output appended to a retry log). Built on
# `nfops status --format kv` (the same data as --json); needs only bash and coreutils.
#
#   scripts/monitor_loop.sh [--interval SECS] [--max-retries N] [--timeout SECS] [--retry-log FILE] [--] [LAB OPTIONS]
#
#   --interval SECS   seconds between checks (default 60)
#   --max-retries N   automatic retries of failed pairs, 0 for none (default 3)
#   --timeout SECS    stop watching after this long, 0 for no limit (default 0)
#   --retry-log FILE  where retry output goes (default: LOGS_DIR/monitor_retries.log)
#
# LAB OPTIONS are passed to nfops as they are (--root DIR, or --data/--meta/--out). NFOPS names the nfops launcher
# (default: bin/nfops of this checkout).
#
# Stops with exit code 0 when the run finished with every pair ok; 1 when pairs still fail after the last retry;
# 2 on a usage error or when nfops status fails; 3 when the run is dead (it prints the command that resumes it) or
# stopped with an error; 4 when there is no run; 5 on --timeout.
set -u

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
nfops="${NFOPS:-$here/bin/nfops}"
interval=60
max_retries=3
timeout=0
retry_log=""

usage() {
  sed -n '2,20p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --interval) interval="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --max-retries) max_retries="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --timeout) timeout="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    --retry-log) retry_log="${2:-}"; shift 2 || { usage >&2; exit 2; } ;;
    -h|--help) usage; exit 0 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
for n in "$interval" "$max_retries" "$timeout"; do
  if ! [[ "$n" =~ ^[0-9]+$ ]]; then
    echo "monitor_loop: --interval, --max-retries and --timeout take a whole number, got '$n'" >&2
    exit 2
  fi
done
if [[ "$interval" -lt 1 ]]; then
  interval=1
fi

say() {
  echo "$(date '+%Y-%m-%d %H:%M:%S') $*"
}

field() {
  printf '%s\n' "$kv" | sed -n "s/^$1=//p" | head -n 1
}

# the command that continues the run (a sweep records none: then its own command line again, with --resume)
resume() {
  local c
  c="$(field resume_command)"
  echo "${c:-the same nfops command again, with --resume}"
}

retries=0
started=$SECONDS
while true; do
  if ! kv="$("$nfops" status --format kv "$@")"; then
    say "monitor_loop: '$nfops status' failed (see the message above)" >&2
    exit 2
  fi
  state="$(field state)"
  run_id="$(field run_id)"
  case "$state" in
    running)
      say "$run_id running: $(field pairs_done)/$(field pairs_total) pairs run, $(field pairs_failed) failed" \
        "(pid $(field pid), heartbeat $(field heartbeat_age_s) s ago)"
      ;;
    finished)
      failed="$(field failed)"
      if [[ "$(field command)" != "run" ]]; then
        # a sweep has no status file to retry from; its --resume re-runs the parts that failed
        if [[ "$(field pairs_failed)" == "0" ]]; then
          say "$run_id finished: $(field pairs_done) parts, none failed"
          exit 0
        fi
        say "$run_id finished with $(field pairs_failed) failed parts: re-run the same nfops $(field command) with --resume"
        exit 1
      fi
      if [[ "$failed" == "0" ]]; then
        say "$run_id finished: $(field ok) pairs ok, $(field trades) trade legs; status $(field status_file)"
        exit 0
      fi
      if [[ "$retries" -ge "$max_retries" ]]; then
        say "$run_id finished with $failed failed pairs after $retries of $max_retries retries: giving up"
        for i in $(printf '%s\n' "$kv" | sed -n 's/^failure\.\([0-9]*\)\.strategy=.*/\1/p'); do
          echo "  $(field "failure\\.$i\\.strategy") $(field "failure\\.$i\\.task"): $(field "failure\\.$i\\.error")"
        done
        say "see: nfops status $*"
        exit 1
      fi
      retries=$((retries + 1))
      status_file="$(field status_file)"
      log="${retry_log:-$(field logs_dir)/monitor_retries.log}"
      mkdir -p "$(dirname "$log")"
      say "$run_id finished with $failed failed pairs: retry $retries of $max_retries" \
        "(nfops retry --status $status_file, output in $log)"
      {
        echo "=== $(date '+%Y-%m-%d %H:%M:%S') retry $retries of $max_retries: $status_file"
        "$nfops" retry --status "$status_file" --progress plain "$@"
        echo "=== retry exit code $?"
      } >>"$log" 2>&1
      say "retry $retries done: $(tail -n 1 "$log")"
      continue
      ;;
    dead)
      say "$run_id is DEAD: pid $(field pid) is gone or its heartbeat is $(field heartbeat_age_s) s old" \
        "($(field pairs_done)/$(field pairs_total) pairs were run)"
      say "continue it where it stopped with:"
      if [[ -n "$(field resume_command)" ]]; then
        echo "  nohup $(field resume_command) > nfops_resume.out 2>&1 &"
      else
        echo "  $(resume)"
      fi
      exit 3
      ;;
    none)
      say "no nfops run found under $(field out_dir)"
      exit 4
      ;;
    *)
      say "$run_id stopped with an error (state $state); run log: $(field run_log)"
      if [[ -f "$(field run_log)" ]]; then
        tail -n 5 "$(field run_log)" | sed 's/^/  /'
      fi
      say "after fixing the cause, continue with: $(resume)"
      exit 3
      ;;
  esac
  if [[ "$timeout" -gt 0 && $((SECONDS - started)) -ge "$timeout" ]]; then
    say "gave up watching after $timeout s (the run goes on; run this script again to keep watching)"
    exit 5
  fi
  sleep "$interval"
done
