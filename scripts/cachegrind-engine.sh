#!/usr/bin/env bash
# Noise-free A/B of the engine's steady state: runs the benchmark under valgrind's cachegrind, which counts
# instructions and simulates the caches, for a commit (A) and the working tree (B). On the shared guest timed
# runs move by ±30% (scripts/ab-engine.sh); these counts are the same from one run to the next.
#
#   bash scripts/cachegrind-engine.sh <commit> [first] [last] [benchmark arguments...]
#
# Each side runs twice, to event <first> and to event <last> (default 1,000,000 and 1,200,000 at the realistic
# pace, past the day its memories fill in), and the difference is divided by last − first: the cost of one
# steady-state event, its generation included (the same code on both sides). The simulated last-level cache
# is 8 MB, 16-way (--LL below): a share of the host's L3, which other guests use too.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

if [ $# -lt 1 ]; then
  echo "usage: bash scripts/cachegrind-engine.sh <commit> [first] [last] [benchmark arguments...]" >&2
  exit 2
fi

command -v valgrind >/dev/null || { apt-get update -qq && apt-get install -y -qq valgrind >/dev/null; }
commit=$(git rev-parse --short "$1")
first=${2:-1000000}
last=${3:-1200000}
shift $(( $# >= 3 ? 3 : $# ))
if [ $# -eq 0 ]; then
  set -- --steady --pace realistic
fi

work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/tree" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git worktree add --quiet --detach "$work/tree" "$commit"
echo "Building A ($commit) and B (working tree)..."
dotnet build "$work/tree/tests/Wallboard.Benchmarks" -c Release --nologo -v quiet >/dev/null
dotnet build "$root/tests/Wallboard.Benchmarks" -c Release --nologo -v quiet >/dev/null

# The W^X double mapping of JIT code crashes the runtime under valgrind; turning it off does not change the code.
run() {
  (cd "$1/tests/Wallboard.Benchmarks" &&
    DOTNET_EnableWriteXorExecute=0 DOTNET_TieredCompilation=0 valgrind --tool=cachegrind --cache-sim=yes --LL=8388608,16,64 \
      --cachegrind-out-file="$2" dotnet bin/Release/net10.0/Wallboard.Benchmarks.dll "${@:4}" --events "$3" >/dev/null 2>&1)
}

# The totals line of a cachegrind output: Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw.
totals() { awk '/^summary:/ { $1 = ""; print }' "$1"; }

per_event() {
  paste -d' ' <(totals "$1") <(totals "$2") | awk -v n=$((last - first)) '{
    printf "instructions %.0f, D1 misses %.2f, LL misses %.3f, data reads %.0f, writes %.0f per event\n",
      ($10 - $1) / n, ($14 - $5 + $17 - $8) / n, ($15 - $6 + $18 - $9) / n, ($13 - $4) / n, ($16 - $7) / n }'
}

for events in "$first" "$last"; do
  run "$work/tree" "$work/a-$events" "$events" "$@" & run "$root" "$work/b-$events" "$events" "$@" &
  wait
done

echo "A ($commit):     $(per_event "$work/a-$first" "$work/a-$last")"
echo "B (working tree): $(per_event "$work/b-$first" "$work/b-$last")"
