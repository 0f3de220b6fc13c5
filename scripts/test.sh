#!/usr/bin/env bash
# Runs every test of the project on a fresh machine: installs what is missing, builds, checks
# formatting, runs the .NET tests (and the web tests once wallboard-web exists), and ends with
# the line "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/prerequisites.sh
source scripts/lib/redis.sh

ensure_dotnet
ensure_tzdata
ensure_redis

results=$(mktemp -d)
trap 'stop_test_redis; rm -rf "$results"' EXIT
start_test_redis

echo "== build"
dotnet build Wallboard.sln -c Release -warnaserror --nologo -v quiet

echo "== format"
dotnet format Wallboard.sln --verify-no-changes --no-restore

echo "== .NET tests"
set +e
dotnet test Wallboard.sln -c Release --no-build --nologo \
  --logger "trx" --results-directory "$results" -- RunConfiguration.CollectSourceInformation=false
dotnet_status=$?
set -e

passed=0
failed=0
skipped=0
for trx in "$results"/*.trx; do
  [ -e "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + t - e))
done
if [ "$dotnet_status" -ne 0 ] && [ "$failed" -eq 0 ]; then
  echo "dotnet test exited with $dotnet_status without a failed test: counting it as a failure"
  failed=1
fi

if [ -f wallboard-web/package.json ]; then
  echo "== web tests"
  source scripts/lib/web-tests.sh
  run_web_tests
  passed=$((passed + web_passed))
  failed=$((failed + web_failed))
fi

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ]
