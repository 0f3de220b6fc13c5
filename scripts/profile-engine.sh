#!/usr/bin/env bash
# Where the engine's time goes in the timed steady state (tiered, with dynamic PGO, as ab-engine.sh runs it):
# samples the working tree's benchmark with perf from the moment it pauses at the steady state to the end of it,
# and prints the methods by self time; for each method named (a substring of its perf-map name), the
# instructions the samples landed on, with the code read from the paused process.
#
#   bash scripts/profile-engine.sh [method substring...]
#   e.g. bash scripts/profile-engine.sh 'KpiEngine::Apply' 'ContactBook::Forget'
#
# On this guest the samples come from a timer, not the CPU's counters: a sample lands on the instruction where
# the interrupt was taken, which for a load that waits for memory is the one after it. So read the hottest
# instructions as "waiting for the load just before". FREQ (default 2999 Hz) and ARGS (the benchmark's
# arguments, default the realistic pace's true steady state) can be set.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

command -v perf >/dev/null || { apt-get update -qq && apt-get install -y -qq linux-perf >/dev/null; }
command -v objdump >/dev/null || { apt-get update -qq && apt-get install -y -qq binutils >/dev/null; }
dotnet build tests/Wallboard.Benchmarks -c Release -v q -nologo >/dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkfifo "$work/fifo"
read -r -a args <<<"${ARGS:---steady --pace realistic --events 4000000 --steady-from 2500000}"
(cd tests/Wallboard.Benchmarks && exec env DOTNET_PerfMapEnabled=3 DOTNET_EnableWriteXorExecute=0 \
  dotnet bin/Release/net10.0/Wallboard.Benchmarks.dll "${args[@]}" --pause-at-steady <"$work/fifo" >"$work/log" 2>&1) &
pid=$!
exec {fd}>"$work/fifo"

wait_for() {
  until grep -q "$1" "$work/log"; do
    kill -0 "$pid" 2>/dev/null || { cat "$work/log" >&2; exit 1; }
    sleep 0.5
  done
}

wait_for "steady state starts"
perf record -F "${FREQ:-2999}" -p "$pid" -o "$work/perf.data" 2>"$work/perf.log" &
recorder=$!
# perf writes its file's header once it has attached; the steady state starts when it has.
for _ in $(seq 1 100); do
  [ -s "$work/perf.data" ] && break
  sleep 0.1
done
echo >&"$fd"
wait_for "steady state ends"
kill -INT "$recorder"
wait "$recorder" || true
cp "/tmp/perf-$pid.map" "$work/perf.map"
python3 scripts/lib/read-code.py "$pid" "$work/perf.map" "$work" "$@"
echo >&"$fd"
exec {fd}>&-
wait "$pid"
# perf reads the method names from the runtime's map, which the report needs until the end.
trap 'rm -rf "$work" "/tmp/perf-$pid.map"' EXIT

grep '^| steady |' "$work/log" | sed 's/^/steady state under perf (events, events\/s, events\/CPU-s, ...): /'
perf report -i "$work/perf.data" --no-children --sort symbol --stdio 2>/dev/null | grep -v '^#' | grep -v '^$' | head -30 | cut -c1-170
perf script -i "$work/perf.data" -F ip 2>/dev/null >"$work/ips"
for method in "$@"; do
  python3 scripts/lib/annotate-samples.py "$work" "$method"
done
