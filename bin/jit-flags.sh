# JIT flags of the nfops JVM, shared by bin/nfops and the benchmark scripts (sourced, not run).
#
# HotSpot's optimising compiler (C2) compiles ~800-1,000 methods of a run (the strategies' per-second code, the
# Parquet readers and writers) for 5-13 CPU-s: on 2 cores half the CPU of a warm month and of a warm year. With its
# thresholds 20x the JVM's (a method must run 20x longer before C2 takes it) only the truly hot code reaches C2 and
# the rest runs on the first tier's code. On the bench lab that was 15-30% less CPU for month and year runs, cold and
# warm, and the same speed once compiled (docs/PERFORMANCE.md, "The JIT compiler"). C2 also inlines less
# (-XX:FreqInlineSize=100, the JVM's 325; -XX:InlineSmallCode=1000, its 2500): a strategy's onSecond used to drag its
# rare entry path (orders, fills, extras) into one 100 KB compilation of 1.5 s; with less inlining C2's time fell from
# 3.4 to 1.4 s of a warm month on one core, and runs took 7-17% less wall time, a month or a year, cold or warm, with
# bar building as fast as before.
#   NFOPS_JIT=balanced  (default) the thresholds and inlining above
#   NFOPS_JIT=jvm       the JVM's own thresholds
#   NFOPS_JIT=quick     the first tier only (-XX:TieredStopAtLevel=1): cheapest for short runs, ~45% slower hot loops
# Flags naming a Tier or TieredCompilation setting in $1 (the caller's JAVA_OPTS) win: nothing is added then; an
# Inline flag there keeps the inlining flags out.
# Sets the array nfops_jit; returns 1 (with a message) for an unknown NFOPS_JIT.
nfops_jit_flags() {
  case "${NFOPS_JIT:-balanced}" in
    balanced) nfops_jit=(-XX:Tier4InvocationThreshold=100000 -XX:Tier4MinInvocationThreshold=12000
                         -XX:Tier4CompileThreshold=300000 -XX:Tier4BackEdgeThreshold=800000)
              if [[ "${1:-}" != *Inline* ]]; then nfops_jit+=(-XX:FreqInlineSize=100 -XX:InlineSmallCode=1000); fi ;;
    quick) nfops_jit=(-XX:TieredStopAtLevel=1) ;;
    jvm) nfops_jit=() ;;
    *) echo "nfops: NFOPS_JIT is '${NFOPS_JIT}': expected balanced, quick or jvm" >&2; return 1 ;;
  esac
  if [[ "${1:-}" == *Tier* ]]; then nfops_jit=(); fi
  return 0
}
