#!/usr/bin/env bash
# CPU profile of the API under one benchmark scenario: starts the API (Release, default configuration but the rate
# limit, as bench/run.sh does) against an already generated bench store, drives the scenario with wrk and samples the
# API with dotnet-trace (installed into bench/.work/tools from NuGet when missing), then prints the top methods.
#
# Usage: bench/profile.sh status|agency|search|changes|notmodified|post [--scale 1] [--seconds 15] [--warmup 30]
# --warmup (seconds of load before sampling) lets tiered compilation finish, or the profile shows the JIT at work.
# Needs bench/run.sh --scale N to have run once (the store and its reporter keys). Output in bench/.work/profile-*/.
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
SCENARIO="${1:?scenario}"; shift
SCALE=1 SECS=15 WARMUP=30
while [[ $# -gt 0 ]]; do
  case "$1" in --scale) SCALE="$2"; shift 2 ;; --seconds) SECS="$2"; shift 2 ;; --warmup) WARMUP="$2"; shift 2 ;; *) echo "unknown $1" >&2; exit 2 ;; esac
done
export BENCH_PG_PORT="${BENCH_PG_PORT:-55450}" DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
DB="planapi_bench_s$SCALE"; WORK="$BENCH/.work/s$SCALE"; OUT="$BENCH/.work/profile-$SCENARIO-s$SCALE"
mkdir -p "$OUT"
[[ -s "$WORK/keys.tsv" ]] || { echo "run bench/run.sh --scale $SCALE first" >&2; exit 1; }
TOOLS="$BENCH/.work/tools"
[[ -x "$TOOLS/dotnet-trace" ]] || dotnet tool install dotnet-trace --tool-path "$TOOLS" --version 10.0.750501 >/dev/null
q() { psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -X -qAt -d "$DB" -c "$1"; }

API_PID="" PG_STARTED=0
cleanup() { [[ -n "$API_PID" ]] && kill "$API_PID" 2>/dev/null; [[ $PG_STARTED == 1 ]] && "$BENCH/pg.sh" stop; true; }
trap cleanup EXIT
if [[ "$("$BENCH/pg.sh" status)" != running ]]; then "$BENCH/pg.sh" start; PG_STARTED=1; fi
dotnet build "$REPO/src/PlanApi/PlanApi.csproj" -c Release -nologo -v quiet -clp:NoSummary >/dev/null

URL=http://127.0.0.1:5091
curl -s -o /dev/null "$URL" && { echo "$URL is taken" >&2; exit 1; }
(cd "$REPO/src/PlanApi/bin/Release/net10.0" && ConnectionStrings__PlanDb="$("$BENCH/pg.sh" url "$DB")" ASPNETCORE_ENVIRONMENT=Production \
   Limits__RequestsPerSecond=100000000 Limits__Burst=100000000 exec dotnet PlanApi.dll --urls "$URL" >"$OUT/api.log" 2>&1) &
API_PID=$!
for _ in $(seq 1 240); do curl -fs -o /dev/null "$URL/health/ready" && break; sleep 0.5; done

PLAN="$(q "SELECT p.id FROM plans p JOIN agencies a ON a.id = p.issuer_id WHERE a.code = 'ubnd-can-tho' AND p.lifecycle <> 'draft'
           ORDER BY (SELECT count(*) FROM plan_items i WHERE i.plan_id = p.id) DESC, p.year DESC LIMIT 1")"
AFTER="$(q "SELECT max(sequence) / 2 FROM change_records")"
export BENCH_LUA="$BENCH/lua"
while IFS=$'\t' read -r code plan key; do
  q "SELECT '/plans/$plan/items/' || i.ordinal || '/progress-reports' || chr(9) || '$key' FROM plan_items i JOIN agencies a ON a.code = '$code'
     WHERE i.plan_id = '$plan' AND i.ordinal <= 20 AND (i.lead_agency_id = a.id
       OR EXISTS (SELECT 1 FROM plan_item_coordinators c WHERE c.plan_item_id = i.id AND c.agency_id = a.id))"
done < "$WORK/keys.tsv" > "$OUT/post-targets.tsv"
export BENCH_POST_TARGETS="$OUT/post-targets.tsv" BENCH_PATH_PREFIX=/api/v1
case "$SCENARIO" in
  status) ARGS=(-s "$BENCH/lua/get.lua" "$URL/api/v1/plans/$PLAN/status") ;;
  agency) ARGS=(-s "$BENCH/lua/get.lua" "$URL/api/v1/agencies/ban-tdkt-can-tho/items") ;;
  search) ARGS=(-s "$BENCH/lua/get.lua" "$URL/api/v1/plans/$PLAN/items?q=khen%20thuong") ;;
  changes) ARGS=(-s "$BENCH/lua/get.lua" "$URL/api/v1/changes?after=$AFTER") ;;
  notmodified) export BENCH_ETAG="$(curl -fs -D - -o /dev/null "$URL/api/v1/plans/$PLAN/status" | awk 'tolower($1)=="etag:" {print $2}' | tr -d '\r')"
               ARGS=(-s "$BENCH/lua/inm.lua" "$URL/api/v1/plans/$PLAN/status") ;;
  post) ARGS=(-s "$BENCH/lua/post.lua" "$URL") ;;
  *) echo "unknown scenario $SCENARIO" >&2; exit 2 ;;
esac
[[ "$WARMUP" =~ ^[0-9]+$ ]] || { echo "--warmup takes seconds" >&2; exit 2; }
wrk -t 2 -c 32 --timeout 10s -d "${WARMUP}s" "${ARGS[@]}" > "$OUT/warmup.txt" 2>&1
wrk -t 2 -c 32 --timeout 10s -d "$((SECS + 4))s" "${ARGS[@]}" > "$OUT/wrk.txt" 2>&1 &
WRK=$!
sleep 2
"$TOOLS/dotnet-trace" collect -p "$API_PID" --profile dotnet-sampled-thread-time --duration "00:00:$(printf '%02d' "$SECS")" -o "$OUT/trace.nettrace" >/dev/null 2>&1 || true
wait "$WRK" || true
grep BENCH_RESULT "$OUT/wrk.txt" || true
"$TOOLS/dotnet-trace" report "$OUT/trace.nettrace" topN -n 40 --inclusive > "$OUT/top-inclusive.txt" 2>&1 || true
"$TOOLS/dotnet-trace" report "$OUT/trace.nettrace" topN -n 40 > "$OUT/top-exclusive.txt" 2>&1 || true
echo "== top exclusive ($OUT/top-exclusive.txt)"; head -50 "$OUT/top-exclusive.txt"
