#!/usr/bin/env bash
# Runs every test against a real PostgreSQL: starts the local cluster (unless PLANAPI_TEST_DB names a server),
# builds the solution once, runs the tests (classes in parallel, one database each) and ends with
# "N passed, N failed, N skipped" computed from the test results.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ -z "${PLANAPI_TEST_DB:-}" ]]; then
  if [[ "$(scripts/pg.sh status)" != running ]]; then
    PLANAPI_PG_FAST=1 scripts/pg.sh start
    trap 'scripts/pg.sh stop' EXIT
  fi
  export PLANAPI_TEST_DB="$(scripts/pg.sh url postgres)"
fi

# The contract linter (Spectral) is a pinned npm tool; the lint test needs it installed.
if command -v npm >/dev/null && [[ ! -x tools/spectral/node_modules/.bin/spectral ]]; then
  npm ci --prefix tools/spectral --no-audit --no-fund --loglevel=error >/dev/null
fi

# House style (.editorconfig): the build already fails on its analyzer and code-style rules; whitespace and import
# order are checked here in seconds. CI (and --format) runs the whole `dotnet format --verify-no-changes` too.
FULL_FORMAT=false
ARGS=()
for a in "$@"; do [[ "$a" == --format ]] && FULL_FORMAT=true || ARGS+=("$a"); done
[[ "${CI:-}" == true ]] && FULL_FORMAT=true
if ! dotnet format whitespace PlanApi.sln --verify-no-changes; then
  echo "Formatting differs from .editorconfig: run 'dotnet format PlanApi.sln' and commit the result." >&2
  echo "0 passed, 1 failed, 0 skipped"
  exit 1
fi
set -- "${ARGS[@]+"${ARGS[@]}"}"

RESULTS="$REPO/tests/TestResults"
rm -rf "$RESULTS"
set +e
# One TRX file per test project, each named by the logger (a fixed LogFileName would let the last project overwrite
# the others' results).
dotnet test PlanApi.sln --nologo --logger trx --logger "console;verbosity=minimal" \
  --results-directory "$RESULTS" "$@"
STATUS=$?
if [[ $FULL_FORMAT == true ]]; then
  if ! dotnet format PlanApi.sln --verify-no-changes --no-restore; then
    echo "dotnet format --verify-no-changes found differences: run 'dotnet format PlanApi.sln' and commit the result." >&2
    FORMAT_FAILED=1
  fi
fi
set -e

mapfile -t TRX < <(find "$RESULTS" -name '*.trx' 2>/dev/null)
if [[ ${#TRX[@]} -gt 0 ]]; then
  # The sum over every project's results file.
  count() { local n; n="$(sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$COUNTERS")"; echo "${n:-0}"; }
  TOTAL=0; EXECUTED=0; PASSED=0; FAILED=0
  for trx in "${TRX[@]}"; do
    COUNTERS="$(grep -o '<Counters [^>]*>' "$trx" | head -1)"
    TOTAL=$(( TOTAL + $(count total) )); EXECUTED=$(( EXECUTED + $(count executed) )); PASSED=$(( PASSED + $(count passed) ))
    FAILED=$(( FAILED + $(count failed) + $(count error) + $(count timeout) + $(count aborted) ))
  done
  SKIPPED=$(( TOTAL - EXECUTED ))
else
  PASSED=0; FAILED=0; SKIPPED=0
  [[ $STATUS -ne 0 ]] && echo "No test results: the build or the test host failed (exit $STATUS)." >&2
fi
FAILED=$(( FAILED + ${FORMAT_FAILED:-0} ))
[[ ${FORMAT_FAILED:-0} -ne 0 && $STATUS -eq 0 ]] && STATUS=1
echo "$PASSED passed, $FAILED failed, $SKIPPED skipped"
if [[ $STATUS -eq 0 && $PASSED -eq 0 ]]; then echo "No test ran." >&2; exit 1; fi
exit $STATUS
