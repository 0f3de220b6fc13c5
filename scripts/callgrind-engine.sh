#!/usr/bin/env bash
# Noise-free A/B of the engine's steady state: runs the benchmark under valgrind's callgrind, which counts
# instructions and simulates the caches, for a commit (A) and the working tree (B), side by side. On the shared
# guest timed runs move by ±30% (scripts/ab-engine.sh); these counts do not depend on the host's moment.
#
#   bash scripts/callgrind-engine.sh <commit> [benchmark arguments...]
#
# The commit's benchmark must know --pause-at-steady (added in the ninth pass); for an older one, commit the
# current tests/Wallboard.Benchmarks/SteadyStateRun.cs on top of it first.
#
# The arguments default to 1,800,000 events at the realistic pace, counted from event 1,700,000 (past the two days
# the engine's memories fill in). The benchmark runs uninstrumented up to there, pauses (--pause-at-steady)
# while instrumentation is switched on, and pauses again at the end for the counts to be dumped: exactly the
# steady-state events, without the generator or the warm-up (in a no-GC region). The simulated caches start
# cold at that point, the same on both sides. The "last-level" cache is 1 MB, 16-way, like this CPU's L2, with
# callgrind's model of a stream prefetcher; LL=<size>,<ways>,64 sets another. Its misses are the measure that
# agreed with timed runs: a fourth counter group had 4% fewer misses of an 8 MB cache but 6% more of a 1 MB
# one, and was behind in 7 of 10 timed pairs (docs/performance.md, "Ninth pass"). The simulation counts a store
# that misses like a load that misses, where the CPU waits only for the load: the misses on reads are printed
# apart (a change that turned a load miss into a store miss was ahead on timed runs, "Tenth pass"). The JIT compiles
# each method once, optimised (TieredCompilation=0): with tiering, valgrind kept running some methods' first
# versions, so the counts depended on the run. Without dynamic PGO the code is not quite a timed run's
# (a few small methods stay calls), so read the instructions as a comparison, and the misses as the measure.
#
# KEEP=<dir> keeps both sides' counts there, per instruction, with the JIT's symbol maps (DOTNET_PerfMapEnabled);
# then `python3 scripts/callgrind-methods.py <dir>/b.steady <dir>/b.map LL` lists the methods by cache misses
# (<dir>/b.maps, the process's memory map, names the code of CoreLib's precompiled methods by file offset).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ $# -lt 1 ]; then
  echo "usage: bash scripts/callgrind-engine.sh <commit> [benchmark arguments...]" >&2
  exit 2
fi

command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
commit=$(git rev-parse --short "$1")
shift
if [ $# -eq 0 ]; then
  set -- --steady --pace realistic --events 1800000 --steady-from 1700000
fi

source scripts/lib/ab-builds.sh
prepare_ab_builds "$root" "$commit"

wait_for() {
  for _ in $(seq 1 3600); do
    grep -q "$1" "$2" && return 0
    sleep 1
  done
  echo "timed out waiting for '$1' in $2" >&2
  return 1
}

# Runs one side: <tree> <name>; leaves the steady state's counts in $work/<name>.steady.
measure() {
  local out="$work/$2" fifo="$work/$2.fifo" vpid fd
  mkfifo "$fifo"
  # The W^X double mapping of JIT code crashes the runtime under valgrind; turning it off does not change the code.
  (cd "$1/tests/Wallboard.Benchmarks" && exec env DOTNET_EnableWriteXorExecute=0 DOTNET_TieredCompilation=0 DOTNET_PerfMapEnabled="$([ -n "${KEEP:-}" ] && echo 1 || echo 0)" \
    valgrind --tool=callgrind --instr-atstart=no --cache-sim=yes --simulate-hwpref=yes --LL="${LL:-1048576,16,64}" \
    --dump-instr="$([ -n "${KEEP:-}" ] && echo yes || echo no)" \
    --callgrind-out-file="$out" dotnet bin/Release/net10.0/Wallboard.Benchmarks.dll "${@:3}" --pause-at-steady \
    <"$fifo" >"$out.log" 2>&1) &
  vpid=$!
  exec {fd}>"$fifo"
  wait_for "steady state starts" "$out.log"
  callgrind_control --instr=on "$vpid" >/dev/null
  callgrind_control --zero "$vpid" >/dev/null
  echo >&"$fd"
  wait_for "steady state ends" "$out.log"
  callgrind_control --dump=steady "$vpid" >/dev/null
  cp "/proc/$vpid/maps" "$out.maps"
  cp "$(ls "$out".* | grep -v '\.log$\|\.fifo$' | head -1)" "$out.steady"
  echo >&"$fd"
  exec {fd}>&-
  wait "$vpid"
  if [ -n "${KEEP:-}" ]; then
    mkdir -p "$KEEP"
    cp "$out.steady" "$KEEP/$2.steady"
    cp "/tmp/perf-$vpid.map" "$KEEP/$2.map" 2>/dev/null || true
    cp "$out.maps" "$KEEP/$2.maps"
  fi
}

# Per event: callgrind names its counters on the "events:" line and sums them on "summary:" (or "totals:").
per_event() {
  local events
  events=$(awk '/^events:/ { $1 = ""; print; exit }' "$1")
  awk -v names="$events" -v n="$2" '
    /^(summary|totals):/ { split(names, k, " "); for (i = 2; i <= NF; i++) c[k[i - 1]] = $i; done = 1 }
    END {
      printf "instructions %.0f, data reads %.0f, writes %.0f, D1 misses %.2f, LL misses %.3f (on reads %.3f) per event\n",
        c["Ir"] / n, c["Dr"] / n, c["Dw"] / n, (c["D1mr"] + c["D1mw"]) / n, (c["DLmr"] + c["DLmw"]) / n, c["DLmr"] / n }' "$1"
}

measure "$work/tree" a "$@" & measure "$root" b "$@" &
wait

count=$(awk '/^\| steady \|/ { gsub(/[ ,]/, "", $3); print $3 }' FS='|' "$work/b.log")
echo "steady-state events counted: $count"
grep -h '^| steady |' "$work/a.log" "$work/b.log" | sed 's/^/  timed under valgrind (A, B): /'
echo "A ($commit):       $(per_event "$work/a.steady" "$count")"
echo "B (working tree): $(per_event "$work/b.steady" "$count")"
