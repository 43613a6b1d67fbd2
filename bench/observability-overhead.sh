#!/usr/bin/env bash
# What observability costs per request: the API built from a baseline git ref and from the work tree, side by side,
# on the cheapest reads (a plan's status answered 304 from memory, and 200) where a fixed cost per request shows most.
# For each configuration and round: wrk for DURATION, then requests/s and the API's CPU time per request (user+system
# from /proc, which a busy machine disturbs less than throughput).
#
# Usage: bench/observability-overhead.sh [--baseline REF] [--rounds 2] [--duration 10s]
# Needs wrk, curl, a PostgreSQL with a migrated, seeded PlanApi database: BENCH_DB (an Npgsql connection string,
# default the local cluster's 'planapi' database that scripts/run.sh prepares). Nothing is written to the repo.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASELINE=main ROUNDS=2 DURATION=10s
while [[ $# -gt 0 ]]; do
  case "$1" in
    --baseline) BASELINE="$2"; shift 2 ;;
    --rounds) ROUNDS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    *) echo "usage: $0 [--baseline REF] [--rounds N] [--duration Ns]" >&2; exit 2 ;;
  esac
done
DB="${BENCH_DB:-Host=127.0.0.1;Port=${PLANAPI_PG_PORT:-55432};Username=postgres;Database=planapi}"
PORT="${BENCH_API_PORT:-5395}"
URL="http://127.0.0.1:$PORT"
WORK="$(mktemp -d)"
trap 'kill "$API_PID" 2>/dev/null || true; rm -rf "$WORK"' EXIT
API_PID=""
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
# Idle worker threads spin before they sleep, and that CPU time would count against whichever build serves fewer
# requests per second on a busy machine: no spinning, for the API runs of this script only.
API_ENV=(DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0)

echo "building $BASELINE and the work tree (Release)…" >&2
mkdir -p "$WORK/baseline"
git -C "$REPO" archive "$BASELINE" | tar -x -C "$WORK/baseline"
dotnet build "$WORK/baseline/src/PlanApi/PlanApi.csproj" -c Release -nologo -v quiet -clp:NoSummary -o "$WORK/baseline-bin" >&2
dotnet build "$REPO/src/PlanApi/PlanApi.csproj" -c Release -nologo -v quiet -clp:NoSummary -o "$WORK/current-bin" >&2

# name | build | environment (space-separated K=V)
CONFIGS=(
  "baseline|baseline-bin|"
  "default|current-bin|"
  "no-request-log|current-bin|Logging__LogLevel__PlanApi.Requests=Warning"
  "tracing+otlp|current-bin|OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4399"
)

start_api() { # build, env…
  local bin="$WORK/$1"; shift
  (cd "$bin" && exec env "${API_ENV[@]}" "$@" ConnectionStrings__PlanDb="$DB" ASPNETCORE_ENVIRONMENT=Production Database__Migrate=false \
    Database__Seed=false Limits__RequestsPerSecond=100000000 Limits__Burst=100000000 \
    dotnet PlanApi.dll --urls "$URL" >"$WORK/api.log" 2>&1) &
  API_PID=$!
  for _ in $(seq 1 300); do curl -sf "$URL/health/ready" >/dev/null && return 0; sleep 0.1; done
  echo "the API did not become ready; see its log:" >&2; tail -20 "$WORK/api.log" >&2; exit 1
}
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

printf '%-16s %-10s %5s %10s %12s\n' config scenario round "req/s" "CPU µs/req"
for round in $(seq 1 "$ROUNDS"); do
  # The order rotates each round, so that a burst of load from elsewhere falls on every configuration alike.
  n=${#CONFIGS[@]}
  for i in $(seq 0 $((n - 1))); do
    config="${CONFIGS[$(((i + round - 1) % n))]}"
    IFS='|' read -r name bin envs <<<"$config"
    # shellcheck disable=SC2086
    start_api "$bin" $envs
    PLAN=$(curl -s "$URL/api/v1/plans?year=2023&issuer=ubnd-can-tho&limit=1" | sed -n 's/.*"id":"\([0-9a-f-]*\)".*/\1/p' | head -1)
    STATUS="$URL/api/v1/plans/$PLAN/status"
    ETAG=$(curl -s -D - -o /dev/null "$STATUS" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
    wrk -t 2 -c 32 -d 3s "$STATUS" >/dev/null
    for scenario in notmodified status; do
      headers=()
      [[ $scenario == notmodified ]] && headers=(-H "If-None-Match: $ETAG")
      before=$(cpu_ticks "$API_PID")
      out=$(wrk -t 2 -c 32 -d "$DURATION" "${headers[@]}" "$STATUS")
      after=$(cpu_ticks "$API_PID")
      requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' <<<"$out")
      rps=$(sed -n 's/^Requests\/sec: *\([0-9.]*\).*/\1/p' <<<"$out")
      cpu=$(awk -v t=$((after - before)) -v n="$requests" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz * 1e6 / n }')
      printf '%-16s %-10s %5s %10s %12s\n' "$name" "$scenario" "$round" "$rps" "$cpu"
    done
    kill "$API_PID"; wait "$API_PID" 2>/dev/null || true
  done
done
