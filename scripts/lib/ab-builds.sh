# The two sides of an engine A/B: the benchmark built at a commit (A, in a temporary worktree) and in the
# working tree (B). Sourced by scripts/ab-engine.sh and scripts/callgrind-engine.sh.
#
#   prepare_ab_builds <root> <commit>
#
# Sets $work (a temporary directory, removed with the worktree on exit; the caller keeps its files there) and
# $work/tree (A's checkout).
prepare_ab_builds() {
  local root=$1 commit=$2
  work=$(mktemp -d)
  trap "git -C '$root' worktree remove --force '$work/tree' >/dev/null 2>&1 || true; rm -rf '$work'" EXIT
  git -C "$root" worktree add --quiet --detach "$work/tree" "$commit"
  echo "Building A ($commit) and B (working tree)..."
  dotnet build "$work/tree/tests/Wallboard.Benchmarks" -c Release --nologo -v quiet >/dev/null
  dotnet build "$root/tests/Wallboard.Benchmarks" -c Release --nologo -v quiet >/dev/null
}
