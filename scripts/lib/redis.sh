# Starts a throwaway redis-server for the tests: a free port, a temp dir, AOF on, nothing saved elsewhere.
# Sourced by scripts/test.sh; exports WALLBOARD_TEST_REDIS and stops the server on exit.

ensure_redis() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "Installing redis-server (Debian package)"
    apt_install redis-server
  fi
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null \
    || shuf -i 20000-60000 -n 1
}

start_test_redis() {
  redis_dir=$(mktemp -d)
  redis_port=$(free_port)
  redis-server --port "$redis_port" --dir "$redis_dir" --save "" --appendonly yes --bind 127.0.0.1 \
    --daemonize yes --pidfile "$redis_dir/redis.pid" --logfile "$redis_dir/redis.log"
  for _ in $(seq 1 50); do
    if redis-cli -p "$redis_port" ping >/dev/null 2>&1; then
      export WALLBOARD_TEST_REDIS="127.0.0.1:$redis_port"
      echo "Test Redis on $WALLBOARD_TEST_REDIS ($redis_dir)"
      return 0
    fi
    sleep 0.1
  done
  echo "redis-server did not start; its log:" >&2
  cat "$redis_dir/redis.log" >&2
  return 1
}

stop_test_redis() {
  if [ -n "${redis_port:-}" ]; then
    redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true
    rm -rf "$redis_dir"
  fi
}
