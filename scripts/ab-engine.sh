#!/usr/bin/env bash
# Interleaved A/B of the engine's steady state: builds the benchmark project at a commit (A) and in the
# working tree (B), runs them alternately, and prints every run and the median events/s of each side.
#
#   bash scripts/ab-engine.sh [--side-by-side] <commit> [runs] [benchmark arguments...]
#
# Runs default to 6 pairs; the arguments to the true steady state at the realistic pace. On a shared guest a
# single run can move by ±30% (docs/performance.md, "Sixth pass"): compare medians of many pairs, never one.
# With --side-by-side the two builds of a pair run at the same time, one per core, the one launched first
# alternating: both then see the same moment of the host, but they also compete for the cache, and two
# identical builds gave B/A ratios from 0.47 to 1.41 (docs/performance.md, "Eighth pass"): no less noisy than
# one after the other. Every pair's B/A ratio is printed, then their median.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

side_by_side=false
if [ "${1:-}" = "--side-by-side" ]; then
  side_by_side=true
  shift
fi

if [ $# -lt 1 ]; then
  echo "usage: bash scripts/ab-engine.sh <commit> [runs] [benchmark arguments...]" >&2
  exit 2
fi

commit=$(git rev-parse --short "$1")
runs=${2:-6}
shift $(( $# >= 2 ? 2 : 1 ))
if [ $# -eq 0 ]; then
  set -- --steady --pace realistic --events 4000000 --steady-from 2500000
fi

source scripts/lib/ab-builds.sh
prepare_ab_builds "$root" "$commit"

# The steady line's events/s column.
measure() {
  (cd "$1/tests/Wallboard.Benchmarks" && dotnet bin/Release/net10.0/Wallboard.Benchmarks.dll "${@:2}") |
    awk -F'|' '$2 ~ /steady/ { gsub(/[ ,]/, "", $4); print $4 }'
}

median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'
}

a_runs=()
b_runs=()
ratios=()
for pair in $(seq 1 "$runs"); do
  # Alternate which side goes first, so that neither always follows (or, side by side, starts before) the other.
  if $side_by_side; then
    if [ $((pair % 2)) -eq 1 ]; then
      measure "$work/tree" "$@" >"$work/a" & measure "$root" "$@" >"$work/b" &
    else
      measure "$root" "$@" >"$work/b" & measure "$work/tree" "$@" >"$work/a" &
    fi
    wait
    a=$(cat "$work/a"); b=$(cat "$work/b")
  elif [ $((pair % 2)) -eq 1 ]; then
    a=$(measure "$work/tree" "$@"); b=$(measure "$root" "$@")
  else
    b=$(measure "$root" "$@"); a=$(measure "$work/tree" "$@")
  fi
  a_runs+=("$a")
  b_runs+=("$b")
  ratio=$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.3f", b / a }')
  ratios+=("$ratio")
  echo "pair $pair: A $a  B $b events/s  B/A $ratio"
done

echo "median events/s: A ($commit) $(printf '%s\n' "${a_runs[@]}" | median), B (working tree) $(printf '%s\n' "${b_runs[@]}" | median)"
ahead=$(printf '%s\n' "${ratios[@]}" | awk '$1 > 1 { n++ } END { print n + 0 }')
echo "median B/A $(printf '%s\n' "${ratios[@]}" | sort -n | awk '{ v[NR] = $1 } END { printf "%.3f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'); B ahead in $ahead of $runs pairs"
