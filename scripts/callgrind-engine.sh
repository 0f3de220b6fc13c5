#!/usr/bin/env bash
# Noise-free A/B of the engine's steady state: runs the benchmark under valgrind's callgrind, which counts
# instructions and simulates the caches, for a commit (A) and the working tree (B), side by side. On the shared
# guest timed runs move by ±30% (scripts/ab-engine.sh); these counts do not depend on the host's moment.
#
#   bash scripts/callgrind-engine.sh <commit> [benchmark arguments...]
#
# The arguments default to 1,100,000 events at the realistic pace, counted from event 1,000,000 (past the day
# the engine's memories fill in). The benchmark runs uninstrumented up to there, pauses (--pause-at-steady)
# while instrumentation is switched on, and pauses again at the end for the counts to be dumped: exactly the
# steady-state events, without the generator or the warm-up. The simulated caches start cold at that point,
# which adds at most 8 MB of misses, the same on both sides. The last-level cache is 8 MB, 16-way (a share of
# the host's L3, which other guests use too), with callgrind's model of a stream prefetcher. The JIT compiles
# each method once, fully optimised (TieredCompilation=0), so that the code is the same from run to run;
# without dynamic PGO it is not quite the code of a timed run.
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
  set -- --steady --pace realistic --events 1100000 --steady-from 1000000
fi

work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --quiet --detach "$work/tree" "$commit"
echo "Building A ($commit) and B (working tree)..."
dotnet build "$work/tree/tests/Wallboard.Benchmarks" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/tests/Wallboard.Benchmarks" -c Release --nologo -v quiet >/dev/null

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
  (cd "$1/tests/Wallboard.Benchmarks" && exec env DOTNET_EnableWriteXorExecute=0 DOTNET_TieredCompilation=0 \
    valgrind --tool=callgrind --instr-atstart=no --cache-sim=yes --simulate-hwpref=yes --LL="${LL:-8388608,16,64}" \
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
  cp "$(ls "$out".* | grep -v '\.log$\|\.fifo$' | head -1)" "$out.steady"
  echo >&"$fd"
  exec {fd}>&-
  wait "$vpid"
}

# Per event: callgrind names its counters on the "events:" line and sums them on "summary:" (or "totals:").
per_event() {
  local events
  events=$(awk '/^events:/ { $1 = ""; print; exit }' "$1")
  awk -v names="$events" -v n="$2" '
    /^(summary|totals):/ { split(names, k, " "); for (i = 2; i <= NF; i++) c[k[i - 1]] = $i; done = 1 }
    END {
      printf "instructions %.0f, data reads %.0f, writes %.0f, D1 misses %.2f, LL misses %.3f per event\n",
        c["Ir"] / n, c["Dr"] / n, c["Dw"] / n, (c["D1mr"] + c["D1mw"]) / n, (c["DLmr"] + c["DLmw"]) / n }' "$1"
}

measure "$work/tree" a "$@" & measure "$root" b "$@" &
wait

count=$(awk '/^\| steady \|/ { gsub(/[ ,]/, "", $3); print $3 }' FS='|' "$work/b.log")
echo "steady-state events counted: $count"
grep -h '^| steady |' "$work/a.log" "$work/b.log" | sed 's/^/  timed under valgrind (A, B): /'
echo "A ($commit):       $(per_event "$work/a.steady" "$count")"
echo "B (working tree): $(per_event "$work/b.steady" "$count")"
