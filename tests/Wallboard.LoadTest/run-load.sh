#!/usr/bin/env bash
# The end-to-end load benchmark of docs/performance-server.md, on this machine and on loopback only:
# builds Release, starts a private redis-server (temp dir, AOF on) and measures it with redis-benchmark,
# then starts the real server process and runs the ingest test, and the latency test with the push rate
# at 20/s and at the default 4/s, each against a fresh server and a fresh Redis. Everything it starts
# is stopped on exit. Knobs (environment): INGEST_SECONDS, INGEST_BATCH, INGEST_CONCURRENCY,
# LATENCY_CLIENTS, LATENCY_RATE, LATENCY_SECONDS.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
source scripts/lib/redis.sh

ingest_seconds="${INGEST_SECONDS:-20}"
ingest_batch="${INGEST_BATCH:-500}"
ingest_concurrency="${INGEST_CONCURRENCY:-8}"
latency_clients="${LATENCY_CLIENTS:-500}"
latency_rate="${LATENCY_RATE:-2000}"
latency_seconds="${LATENCY_SECONDS:-30}"

work=$(mktemp -d)
redis_port=""
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  if [ -n "$redis_port" ]; then
    redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "== machine"
echo "nproc: $(nproc); $(lscpu | sed -n 's/^Model name: *//p'); memory: $(free -h | awk '/^Mem:/ {print $2}')"
echo "the load tool, the server and Redis share these cores"

echo "== build (Release)"
dotnet build src/Wallboard.Server -c Release --nologo -v quiet
dotnet build tests/Wallboard.LoadTest -c Release --nologo -v quiet
server_dll="$root/src/Wallboard.Server/bin/Release/net10.0/Wallboard.Server.dll"
load_dll="$root/tests/Wallboard.LoadTest/bin/Release/net10.0/Wallboard.LoadTest.dll"

# Each phase gets a fresh redis-server on the same port and an empty directory, so that one phase's
# AOF (gigabytes after the ingest test, rewritten in the background) does not slow the next one down.
redis_port=$(free_port)
start_redis() {
  rm -rf "$work/redis"
  mkdir -p "$work/redis"
  redis-server --port "$redis_port" --dir "$work/redis" --save "" --appendonly yes --bind 127.0.0.1 \
    --daemonize yes --pidfile "$work/redis/redis.pid" --logfile "$work/redis/redis.log"
  for _ in $(seq 1 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "redis-server did not start; its log:" >&2
  cat "$work/redis/redis.log" >&2
  return 1
}
stop_redis() {
  redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
  for _ in $(seq 1 50); do
    redis-cli -p "$redis_port" ping >/dev/null 2>&1 || return 0
    sleep 0.1
  done
}

echo "== redis-server (private, AOF on)"
start_redis
echo "redis $(redis-server --version | sed -n 's/.*v=\([^ ]*\).*/\1/p') on 127.0.0.1:$redis_port, appendonly $(redis-cli -p "$redis_port" config get appendonly | tail -1), appendfsync $(redis-cli -p "$redis_port" config get appendfsync | tail -1)"

echo "== redis-benchmark -P 16 -t set -n 1000000"
redis-benchmark -h 127.0.0.1 -p "$redis_port" -P 16 -t set -n 1000000 -q | tr '\r' '\n' | grep -v '^$' | tail -1 | tee "$work/redis-benchmark.txt"
set_per_second=$(sed -n 's/^SET: \([0-9.]*\) requests per second.*/\1/p' "$work/redis-benchmark.txt")
stop_redis

# /proc/PID/stat fields 14 and 15: user and system CPU time in clock ticks.
cpu_seconds() {
  awk -v hz="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / hz }' "/proc/$1/stat"
}

start_server() {
  local rate="$1"
  start_redis
  server_port=$(free_port)
  ASPNETCORE_URLS="http://127.0.0.1:$server_port" \
  ConnectionStrings__Redis="127.0.0.1:$redis_port" \
  Engine__Clock=wall \
  Simulator__Enabled=false \
  Serilog__MinimumLevel__Default=Warning \
  Realtime__MaxUpdatesPerSecond="$rate" \
    dotnet "$server_dll" --contentRoot "$root/src/Wallboard.Server" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 300); do
    if curl -fs "http://127.0.0.1:$server_port/readyz" >/dev/null 2>&1; then
      server_cpu_start=$(cpu_seconds "$server_pid")
      echo "server pid $server_pid on http://127.0.0.1:$server_port, Realtime__MaxUpdatesPerSecond=$rate"
      return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.2
  done
  echo "the server did not become ready; its log:" >&2
  cat "$work/server.log" >&2
  return 1
}

stop_server() {
  local cpu peak
  cpu=$(awk -v a="$(cpu_seconds "$server_pid")" -v b="$server_cpu_start" 'BEGIN { printf "%.1f", a - b }')
  peak=$(awk '/^VmHWM:/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server_pid/status")
  echo "server CPU during the run: $cpu s; peak RSS $peak"
  kill -TERM "$server_pid"
  wait "$server_pid" || true
  server_pid=""
  if grep -E '\[(ERR|FTL)\]' "$work/server.log" >/dev/null; then
    echo "server errors:"
    grep -E '\[(ERR|FTL)\]' "$work/server.log" | head -5
  fi
  stop_redis
}

# Shows the tool's report and answers its RESULT line.
load() {
  dotnet "$load_dll" "$@" | tee "$work/load.txt" >&2
  grep '^RESULT' "$work/load.txt" | tail -1
}

field() {
  sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<"$1"
}

load_average() {
  echo "load average before this phase: $(cut -d' ' -f1-3 /proc/loadavg) (other processes on the machine count too)"
}

echo "== ingest: $ingest_seconds s, batches of $ingest_batch, $ingest_concurrency producers"
start_server 4
# A first, unmeasured run brings the server to steady state (tiered JIT, heap sizes) as a running server would be.
echo "warming the server up with 5 s of ingest (not measured)"
dotnet "$load_dll" ingest --url "http://127.0.0.1:$server_port" --seconds 5 --warmup 0 --batch "$ingest_batch" --concurrency "$ingest_concurrency" \
  | grep -E '^  accepted' || true
load_average
server_cpu_start=$(cpu_seconds "$server_pid")
redis-cli -p "$redis_port" config resetstat >/dev/null
ingest=$(load ingest --url "http://127.0.0.1:$server_port" --seconds "$ingest_seconds" --batch "$ingest_batch" --concurrency "$ingest_concurrency") || true
awk -v a="$(cpu_seconds "$server_pid")" -v b="$server_cpu_start" -v n="$(field "$ingest" totalAccepted)" \
  'BEGIN { if (n > 0) printf "server CPU per accepted event (warm-up of the run included): %.1f µs\n", (a - b) * 1e6 / n }'
echo "what the server asked of Redis during the run (calls, µs per call):"
redis-cli -p "$redis_port" info commandstats | tr -d '\r' | grep -E '^cmdstat_(xadd|hset|hmset|expire|sadd|set|xtrim)' \
  | sed -E 's/^cmdstat_([a-z]+):calls=([0-9]+),usec=[0-9]+,usec_per_call=([0-9.]+).*/  \1 \2 (\3 µs)/'
stop_server

# 15 s of warm-up: the first seconds after the server starts and 500 boards connect keep both cores
# busy with tiered JIT in the server and in the tool; the 30 s measured are the steady state after it.
latency() {
  local rate="$1"
  echo "== latency at $rate pushes/s: $latency_clients boards, $latency_rate events/s, $latency_seconds s" >&2
  start_server "$rate" >&2
  load_average >&2
  load latency --url "http://127.0.0.1:$server_port" --clients "$latency_clients" --rate "$latency_rate" --seconds "$latency_seconds" --warmup 15 || true
  stop_server >&2
}
latency20=$(latency 20)
latency4=$(latency 4)

echo
echo "== summary"
ingest_rate=$(field "$ingest" eventsPerSecond)
printf 'redis-benchmark SET (-P 16):   %s/s\n' "$set_per_second"
printf 'ingest:                        %s events/s accepted, request p50 %s ms, p99 %s ms, errors %s\n' \
  "$ingest_rate" "$(field "$ingest" requestP50Ms)" "$(field "$ingest" requestP99Ms)" "$(field "$ingest" errors)"
awk -v e="$ingest_rate" -v s="$set_per_second" 'BEGIN { if (s > 0) printf "ingest / SET:                  %.2f (events per SET)\n", e / s }'
for pair in "20:$latency20" "4:$latency4"; do
  rate="${pair%%:*}"
  line="${pair#*:}"
  printf 'latency at %2s/s:               p50 %s ms, p99 %s ms, max %s ms; %s pushes to %s boards; POST p99 %s ms\n' "$rate" \
    "$(field "$line" newestP50Ms)" "$(field "$line" newestP99Ms)" "$(field "$line" newestMaxMs)" \
    "$(field "$line" pushes)" "$(field "$line" clients)" "$(field "$line" postP99Ms)"
done
