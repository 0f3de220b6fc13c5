# The web client's tests: unit tests (node --test) and browser tests (headless Debian Chromium driven by
# playwright-core, against the built server as a real process and the test Redis). Sourced by
# scripts/test.sh after the .NET build; sets web_passed and web_failed for the totals.

source "$(dirname "${BASH_SOURCE[0]}")/web.sh"

ensure_chromium() {
  if [ ! -x /usr/bin/chromium ]; then
    echo "Installing chromium (Debian package)"
    apt_install chromium
  fi
}

# Runs one kind (unit or browser) and adds its "web <kind> tests: N passed, N failed" line to the counts.
run_web_kind() {
  local kind="$1" log line passed failed
  log=$(mktemp)
  (cd wallboard-web && node scripts/run-tests.mjs "$kind" --no-build) 2>&1 | tee "$log" || true
  line=$(grep -E "^web $kind tests: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -n 1 || true)
  rm -f "$log"
  if [ -z "$line" ]; then
    echo "web $kind tests: no result line; counting one failure"
    web_failed=$((web_failed + 1))
    return
  fi
  passed=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line")
  failed=$(sed -E 's/.* ([0-9]+) failed$/\1/' <<<"$line")
  web_passed=$((web_passed + passed))
  web_failed=$((web_failed + failed))
}

run_web_tests() {
  web_passed=0
  web_failed=0
  local started=$SECONDS
  ensure_chromium
  if ! build_web; then
    echo "web: the client did not build; counting one failure"
    web_failed=1
    return 0
  fi
  run_web_kind unit
  run_web_kind browser
  echo "web client tests: $web_passed passed, $web_failed failed ($((SECONDS - started)) s)"
}
