#!/usr/bin/env bash
# Runs the whole thing on this machine: installs what is missing (redis-server), starts Redis with
# AOF persistence if none answers, builds, and starts the server with the traffic simulator.
# Settings: WALLBOARD_PORT (default 5080), WALLBOARD_REDIS (default 127.0.0.1:6379), any ASP.NET
# setting in environment form (Site__TimeZone=Europe/Berlin, Simulator__Speed=5, ...).
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/prerequisites.sh
source scripts/lib/redis.sh

ensure_dotnet
ensure_tzdata
ensure_redis

port="${WALLBOARD_PORT:-5080}"
redis="${WALLBOARD_REDIS:-127.0.0.1:6379}"
redis_host="${redis%:*}"
redis_port_number="${redis##*:}"
started_redis=""
if ! redis-cli -h "$redis_host" -p "$redis_port_number" ping >/dev/null 2>&1; then
  data_dir="${XDG_DATA_HOME:-$HOME/.local/share}/wallboard/redis"
  mkdir -p "$data_dir"
  echo "Starting redis-server on $redis (data in $data_dir, AOF on)"
  redis-server --port "$redis_port_number" --bind "$redis_host" --dir "$data_dir" --appendonly yes --save "" \
    --daemonize yes --pidfile "$data_dir/redis.pid" --logfile "$data_dir/redis.log"
  started_redis="$redis_port_number"
  for _ in $(seq 1 50); do
    redis-cli -h "$redis_host" -p "$redis_port_number" ping >/dev/null 2>&1 && break
    sleep 0.1
  done
fi
stop_redis() {
  if [ -n "$started_redis" ]; then
    redis-cli -h "$redis_host" -p "$started_redis" shutdown >/dev/null 2>&1 || true
  fi
}
trap stop_redis EXIT

if [ -f wallboard-web/package.json ]; then
  source scripts/lib/web.sh
  build_web
fi

echo "Building the server"
dotnet build src/Wallboard.Server -c Release --nologo -v quiet

echo
echo "  Wallboard: http://localhost:$port/   (API: /api/v1/kpis, hub: /hubs/wallboard, OpenAPI: /openapi/v1.json)"
echo "  Stop with Ctrl-C."
echo
export ASPNETCORE_URLS="http://0.0.0.0:$port"
export ConnectionStrings__Redis="$redis"
export Simulator__Enabled="${Simulator__Enabled:-true}"
exec dotnet src/Wallboard.Server/bin/Release/net10.0/Wallboard.Server.dll --contentRoot "$(pwd)/src/Wallboard.Server"
