#!/usr/bin/env bash
# PlanApi fault drills and soak, on one machine, loopback only; writes drills/REPORT.md.
#
#   drills/run.sh [all|db-outage|kill|sigterm|soak] [--soak-minutes N]     (default: all, 5 minutes of soak)
#
# Starts its OWN PostgreSQL cluster (scripts/pg.sh with PLANAPI_PG_PORT=55440 and data in .pgdata/drills/; the usual
# cluster on 55432 is never touched), recreates the planapi database in it, builds the API and the driver in Release,
# issues credentials with scripts/cli.sh, and runs the driver (drills/PlanApi.Drills), which starts and stops the API
# itself as a real process on 127.0.0.1:5090 (it must kill, signal and restart it). On exit, whatever happens, it stops
# the API it started (by its recorded pid) and the drill cluster. Every drill is bounded in time; `all` takes about
# 5 minutes plus the soak. Exit code 0 when every drill passed, 1 when one failed, 2 on a setup error.
# Settings: PLANAPI_DRILL_PG_PORT (55440), PLANAPI_DRILL_URL (http://127.0.0.1:5090).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

MODE=all
SOAK_MINUTES=5
while [[ $# -gt 0 ]]; do
  case "$1" in
    all|db-outage|kill|sigterm|soak) MODE="$1" ;;
    --soak-minutes) SOAK_MINUTES="${2:?--soak-minutes needs a number}"; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "usage: drills/run.sh [all|db-outage|kill|sigterm|soak] [--soak-minutes N]" >&2; exit 2 ;;
  esac
  shift
done

export PLANAPI_PG_PORT="${PLANAPI_DRILL_PG_PORT:-55440}"
export PLANAPI_PG_DATA_ROOT="$REPO/.pgdata/drills"
URL="${PLANAPI_DRILL_URL:-http://127.0.0.1:5090}"
OUT="$REPO/drills/out"
[[ "$PLANAPI_PG_PORT" != 55432 ]] || { echo "The drills need their own cluster: not port 55432." >&2; exit 2; }
[[ "$URL" =~ ^http://(127\.[0-9.]+|localhost|\[::1\]):[0-9]+$ ]] || { echo "PLANAPI_DRILL_URL must be a loopback address." >&2; exit 2; }
PGBIN="${PLANAPI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
API_PORT="${URL##*:}"
if port_busy "$API_PORT"; then echo "Port $API_PORT is in use by something else; stop it or set PLANAPI_DRILL_URL." >&2; exit 2; fi
if [[ "$(scripts/pg.sh status)" != running ]] && port_busy "$PLANAPI_PG_PORT"; then
  echo "Port $PLANAPI_PG_PORT is in use by another server; set PLANAPI_DRILL_PG_PORT." >&2; exit 2
fi

mkdir -p "$OUT"
rm -f "$OUT"/*.log "$OUT"/*.csv "$OUT/api.pid" "$OUT/keys.txt"

DRIVER=
cleanup() {
  local status=$?
  # The driver first (when the script is interrupted), so that it does not start anything more.
  if [[ -n "$DRIVER" ]] && kill -0 "$DRIVER" 2>/dev/null; then
    kill -TERM "$DRIVER" 2>/dev/null || true
    for _ in $(seq 1 20); do kill -0 "$DRIVER" 2>/dev/null || break; sleep 0.5; done
    kill -KILL "$DRIVER" 2>/dev/null || true
  fi
  # The API the driver started, by the pid it recorded (only if that pid is still a PlanApi process).
  if [[ -s "$OUT/api.pid" ]]; then
    local pid; pid="$(cat "$OUT/api.pid")"
    if [[ -r "/proc/$pid/cmdline" ]] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q 'PlanApi.dll'; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 70); do [[ -e "/proc/$pid" ]] || break; sleep 0.5; done
      [[ -e "/proc/$pid" ]] && kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$OUT/api.pid"
  fi
  scripts/pg.sh stop || true
  echo "drills: API and drill cluster (port $PLANAPI_PG_PORT) stopped." >&2
  exit $status
}
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "drills: PostgreSQL on port $PLANAPI_PG_PORT (data in $PLANAPI_PG_DATA_ROOT), a fresh planapi database" >&2
scripts/pg.sh start
"$PGBIN/dropdb" -h 127.0.0.1 -p "$PLANAPI_PG_PORT" -U postgres --if-exists --force planapi
scripts/pg.sh start 2>/dev/null   # creates the database again
export ConnectionStrings__PlanDb="$(scripts/pg.sh url planapi)"

echo "drills: building the API and the driver (Release)" >&2
dotnet build src/PlanApi/PlanApi.csproj -c Release -nologo -v quiet -clp:NoSummary
dotnet build drills/PlanApi.Drills/PlanApi.Drills.csproj -c Release -nologo -v quiet -clp:NoSummary

echo "drills: credentials (scripts/cli.sh; the first call also migrates and seeds the database)" >&2
{
  echo "admin $(scripts/cli.sh keys create --client 'drills admin' --role admin | tail -1)"
  for agency in ban-tdkt-can-tho so-gddt-can-tho ban-tuyen-giao-thanh-uy-can-tho vp-dieu-phoi-ntm-can-tho; do
    echo "reporter $agency $(scripts/cli.sh keys create --client "drills $agency 1" --role reporter --agency "$agency" | tail -1)"
  done
} >"$OUT/keys.txt"

# In the background and waited for, so that an interrupt reaches the trap at once.
dotnet drills/PlanApi.Drills/bin/Release/net10.0/PlanApi.Drills.dll "$MODE" \
  --repo "$REPO" --api-url "$URL" --api-dll "$REPO/src/PlanApi/bin/Release/net10.0/PlanApi.dll" \
  --db "$ConnectionStrings__PlanDb" --pg-port "$PLANAPI_PG_PORT" --keys "$OUT/keys.txt" \
  --out "$OUT" --report "$REPO/drills/REPORT.md" --soak-minutes "$SOAK_MINUTES" &
DRIVER=$!
STATUS=0
wait "$DRIVER" || STATUS=$?
DRIVER=
rm -f "$OUT/keys.txt"
echo "drills: report in drills/REPORT.md; logs and per-request CSVs in drills/out/" >&2
exit $STATUS
