#!/usr/bin/env bash
# PlanApi benchmark: generates a city-scale store (×scale), starts the API in Release with its default configuration,
# and measures each scenario with wrk on loopback, side by side with its references in the same run:
#   raw  - the same SQL EF sends, run by plain Npgsql in a tiny Kestrel app (bench/RawApp, /raw/...)
#   pgb  - pgbench running that SQL (-M prepared, clients = the API's connection pool size)
#   bare - a constant JSON answer from bare Kestrel (the HTTP ceiling of this machine)
# Results: bench/results/scale-N.json and bench/RESULTS.md (rebuilt from every results/*.json).
#
# Usage: bench/run.sh [--scale 1] [--runs 3] [--duration 10s] [--warmup 20s] [--connections 32] [--threads 2] [--regenerate]
#                     [--scenarios item,status,agency,search,changes,notmodified,post] [--label NAME]
# --label writes bench/results/steps/NAME.json (a tuning step's before or after) instead of the scale's result and RESULTS.md.
# Every wrk and pgbench run also records the CPU time the serving process (the API, or RawApp for raw and bare runs) and
# the bench's PostgreSQL cluster (postmaster and every backend) spent during it, and the load average at its start and end.
# Not part of the test run. Needs: .NET 10 SDK, PostgreSQL 15 (server, psql, pgbench), wrk (installed with apt-get when
# missing and running as root), python3, curl. Everything listens on 127.0.0.1; everything started here is stopped on exit.
set -euo pipefail

BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO="$(cd "$BENCH/.." && pwd)"
SCALE=1 RUNS=3 DURATION=10s WARMUP=20s CONNECTIONS=32 THREADS=2 REGENERATE=0
ONLY="item,status,agency,search,changes,notmodified,post" LABEL=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --scale) SCALE="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --duration) DURATION="$2"; shift 2 ;;
    --warmup) WARMUP="$2"; shift 2 ;;
    --connections) CONNECTIONS="$2"; shift 2 ;;
    --threads) THREADS="$2"; shift 2 ;;
    --regenerate) REGENERATE=1; shift ;;
    --scenarios) ONLY="$2"; shift 2 ;;
    --label) LABEL="$2"; shift 2 ;;
    *) echo "usage: $0 [--scale N] [--runs N] [--duration Ns] [--warmup Ns] [--connections N] [--threads N] [--regenerate] [--scenarios a,b] [--label NAME]" >&2; exit 2 ;;
  esac
done
[[ "$WARMUP" =~ ^[0-9]+s$ ]] || { echo "--warmup takes seconds, e.g. 20s" >&2; exit 2; }
[[ "$DURATION" =~ ^([0-9]+)s$ ]] || { echo "--duration takes seconds, e.g. 10s" >&2; exit 2; }
SECONDS_PER_RUN="${BASH_REMATCH[1]}"
[[ "$LABEL" =~ ^[A-Za-z0-9._-]*$ ]] || { echo "--label takes letters, digits, . _ -" >&2; exit 2; }
IFS=, read -r -a SCENARIOS <<< "$ONLY"
for s in "${SCENARIOS[@]}"; do
  [[ " item status agency search changes notmodified post " == *" $s "* ]] || { echo "unknown scenario: $s" >&2; exit 2; }
done
COMMAND="bench/run.sh --scale $SCALE --runs $RUNS --duration $DURATION --warmup $WARMUP --connections $CONNECTIONS --threads $THREADS"
[[ "$ONLY" == "item,status,agency,search,changes,notmodified,post" ]] || COMMAND+=" --scenarios $ONLY"
[[ -z "$LABEL" ]] || COMMAND+=" --label $LABEL"

export BENCH_PG_PORT="${BENCH_PG_PORT:-55450}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
API_URL="http://127.0.0.1:${BENCH_API_PORT:-5091}"
RAW_URL="http://127.0.0.1:${BENCH_RAW_PORT:-5092}"
SEED=20231
DB="planapi_bench_s$SCALE"
WORK="$BENCH/.work/s$SCALE"
OUT="$WORK/run-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$OUT" "$BENCH/results"
PSQL=(psql -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -X -q -v ON_ERROR_STOP=1)
q() { "${PSQL[@]}" -At -d "$DB" -c "$1"; }
log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------------------------
if ! command -v wrk >/dev/null; then
  [[ $(id -u) -eq 0 ]] || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
  log "installing wrk"; apt-get install -y wrk >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y wrk >/dev/null; }
fi
for tool in pgbench psql dotnet python3 curl; do command -v "$tool" >/dev/null || { echo "$tool is missing" >&2; exit 1; }; done

# --- cleanup: stop exactly what this script started ----------------------------------------------------------------
API_PID="" RAW_PID="" RSS_PID="" PG_STARTED=0
cleanup() {
  for pid in $RSS_PID $API_PID $RAW_PID; do kill "$pid" 2>/dev/null || true; done
  for pid in $API_PID $RAW_PID; do wait "$pid" 2>/dev/null || true; done
  if [[ $PG_STARTED == 1 ]]; then "$BENCH/pg.sh" stop || true; fi
}
trap cleanup EXIT

# --- PostgreSQL (the bench's own cluster; synchronous_commit stays on) ----------------------------------------------
if [[ "$("$BENCH/pg.sh" status)" != running ]]; then "$BENCH/pg.sh" start; PG_STARTED=1; fi

# --- build -------------------------------------------------------------------------------------------------------
log "building the API, the generator and the raw app (Release)"
# BENCH_API_REPO: another checkout whose API is measured (a "before" commit) with this checkout's bench and references.
API_REPO="${BENCH_API_REPO:-$REPO}"
COMMIT_STAMP="$(git -C "$API_REPO" rev-parse --short HEAD)$(git -C "$API_REPO" diff --quiet HEAD -- src || echo '+uncommitted')"
dotnet build "$API_REPO/src/PlanApi/PlanApi.csproj" -c Release -nologo -v quiet -clp:NoSummary >/dev/null
dotnet build "$BENCH/Generator/Generator.csproj" -c Release -nologo -v quiet -clp:NoSummary >/dev/null
dotnet build "$BENCH/RawApp/RawApp.csproj" -c Release -nologo -v quiet -clp:NoSummary >/dev/null
API_DIR="$API_REPO/src/PlanApi/bin/Release/net10.0"
RAW_DIR="$BENCH/RawApp/bin/Release/net10.0"

# --- the store -------------------------------------------------------------------------------------------------------
CONN="$("$BENCH/pg.sh" url "$DB")"
stamp="$("${PSQL[@]}" -At -d postgres -c "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = '$DB'")"
if [[ $REGENERATE == 1 || "$stamp" != "planapi-bench scale=$SCALE seed=$SEED "* ]]; then
  log "generating the store at scale $SCALE into $DB"
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS $DB" -c "CREATE DATABASE $DB"
  "${PSQL[@]}" -d "$DB" -f "$REPO/db/planapi.sql" >/dev/null
  gen_start=$(date +%s)
  dotnet "$BENCH/Generator/bin/Release/net10.0/Generator.dll" --connection "$CONN" --scale "$SCALE" --seed "$SEED" 2>&1 | tee "$WORK/generate.log" >&2
  echo "$(( $(date +%s) - gen_start ))" > "$WORK/generate.seconds"
  rm -f "$WORK/keys.tsv"
fi
[[ -s "$WORK/generate.seconds" ]] || echo "?" > "$WORK/generate.seconds"

# Reporter keys, issued with the project's CLI against the bench database: Can Tho departments with a published plan
# this year; each key posts on the items of its own plan that its agency leads or co-operates on (ordinals 1-20).
# Keys kept from an earlier run must still be valid in this store (a regenerated or restored store has other keys).
if [[ -s "$WORK/keys.tsv" ]]; then
  valid=0
  while IFS=$'\t' read -r _ _ key; do
    valid=$(( valid + $(q "SELECT count(*) FROM api_keys WHERE key_hash = encode(sha256(convert_to('$key', 'UTF8')), 'hex') AND revoked_at IS NULL") ))
  done < "$WORK/keys.tsv"
  [[ $valid == "$(wc -l < "$WORK/keys.tsv")" ]] || { log "the kept reporter keys are not all valid in $DB: issuing new ones"; rm -f "$WORK/keys.tsv"; }
fi
if [[ ! -s "$WORK/keys.tsv" ]]; then
  log "issuing reporter keys with scripts/cli.sh"
  : > "$WORK/keys.tsv"
  q "SELECT a.code || chr(9) || p.id FROM plans p JOIN agencies a ON a.id = p.issuer_id
     WHERE p.year = (SELECT max(year) FROM plans) AND p.lifecycle = 'published' AND a.code LIKE 'so-%-can-tho'
     ORDER BY a.code LIMIT 6" | while IFS=$'\t' read -r code plan; do
    key="$(ConnectionStrings__PlanDb="$CONN" "$REPO/scripts/cli.sh" keys create --client "QLVB $code" --role reporter --agency "$code" | tail -1)"
    [[ "$key" == pk_* ]] || { echo "cli.sh did not print a key for $code" >&2; exit 1; }
    printf '%s\t%s\t%s\n' "$code" "$plan" "$key" >> "$WORK/keys.tsv"
  done
fi

# --- scenario parameters -----------------------------------------------------------------------------------------
PLAN="$(q "SELECT p.id FROM plans p JOIN agencies a ON a.id = p.issuer_id WHERE a.code = 'ubnd-can-tho' AND p.lifecycle <> 'draft'
           ORDER BY (SELECT count(*) FROM plan_items i WHERE i.plan_id = p.id) DESC, p.year DESC LIMIT 1")"
ORDINAL=3
AGENCY=ban-tdkt-can-tho
QUERY="khen thuong"
AFTER="$(q "SELECT max(sequence) / 2 FROM change_records")"
: > "$OUT/post-targets.tsv"
while IFS=$'\t' read -r code plan key; do
  q "SELECT i.ordinal FROM plan_items i JOIN agencies a ON a.code = '$code'
     WHERE i.plan_id = '$plan' AND i.ordinal <= 20
       AND (i.lead_agency_id = a.id OR EXISTS (SELECT 1 FROM plan_item_coordinators c WHERE c.plan_item_id = i.id AND c.agency_id = a.id))
     ORDER BY i.ordinal" | while read -r ord; do
    printf '/plans/%s/items/%s/progress-reports\t%s\n' "$plan" "$ord" "$key" >> "$OUT/post-targets.tsv"
  done
done < "$WORK/keys.tsv"
[[ -s "$OUT/post-targets.tsv" ]] || { echo "no POST targets" >&2; exit 1; }

# --- start the API (Release, default configuration) and the raw app ----------------------------------------------------
# The only setting changed: the per-client rate limit (50/s, burst 200, per address for anonymous callers), which would
# otherwise answer 429 to nearly every benchmark request from 127.0.0.1. "Application Name" only labels the connections.
start_app() { # dir dll url appname logfile [connection string options]
  (cd "$1" && ConnectionStrings__PlanDb="$CONN;Application Name=$4${6:+;$6}" ASPNETCORE_ENVIRONMENT=Production \
     Limits__RequestsPerSecond=100000000 Limits__Burst=100000000 \
     exec dotnet "$2" --urls "$3" >"$5" 2>&1) &
  echo $!
}
wait_ready() { # url
  for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "not ready: $1" >&2; return 1
}
for url in "$API_URL" "$RAW_URL"; do
  if curl -s -o /dev/null "$url"; then echo "$url is already taken by another process: stop it or set BENCH_API_PORT/BENCH_RAW_PORT" >&2; exit 1; fi
done
log "starting the API on $API_URL and the raw app on $RAW_URL"
API_PID="$(start_app "$API_DIR" PlanApi.dll "$API_URL" planapi-bench "$OUT/api.log")"
wait_ready "$API_URL/health/ready"
# The raw app applies the API's own session settings itself (DataServices.WithSessionDefaults: jit off, lock_timeout,
# statements auto-prepared); pgbench gets jit off and the API's default lock_timeout (3 s) from PGOPTIONS and prepares
# with -M prepared.
RAW_PID="$(start_app "$RAW_DIR" RawApp.dll "$RAW_URL" rawapp-bench "$OUT/raw.log")"
wait_ready "$RAW_URL/json"
for pid in "$API_PID" "$RAW_PID"; do kill -0 "$pid" 2>/dev/null || { echo "process $pid exited; see $OUT/*.log" >&2; exit 1; }; done

# Peak RSS: the kernel's high-water mark (VmHWM) of the API process, sampled with VmRSS every half second.
( while kill -0 "$API_PID" 2>/dev/null; do
    awk -v t="$(date +%s.%N)" '/^VmRSS|^VmHWM/ {v[$1]=$2} END {printf "%s\t%s\t%s\n", t, v["VmRSS:"], v["VmHWM:"]}' "/proc/$API_PID/status" 2>/dev/null || true
    sleep 0.5
  done ) > "$OUT/rss.tsv" &
RSS_PID=$!

ENC_Q="${QUERY// /%20}"
declare -A URL
URL[item,api]="$API_URL/api/v1/plans/$PLAN/items/$ORDINAL";       URL[item,raw]="$RAW_URL/raw/plans/$PLAN/items/$ORDINAL"
URL[status,api]="$API_URL/api/v1/plans/$PLAN/status";              URL[status,raw]="$RAW_URL/raw/plans/$PLAN/status"
URL[agency,api]="$API_URL/api/v1/agencies/$AGENCY/items";          URL[agency,raw]="$RAW_URL/raw/agencies/$AGENCY/items"
URL[search,api]="$API_URL/api/v1/plans/$PLAN/items?q=$ENC_Q";      URL[search,raw]="$RAW_URL/raw/plans/$PLAN/items?q=$ENC_Q"
URL[changes,api]="$API_URL/api/v1/changes?after=$AFTER";           URL[changes,raw]="$RAW_URL/raw/changes?after=$AFTER"
URL[notmodified,api]="${URL[status,api]}";                         URL[notmodified,raw]="${URL[status,raw]}"
URL[post,api]="$API_URL";                                          URL[post,raw]="$RAW_URL"
BARE_URL="$RAW_URL/json"

# Same answer from the API and from the raw SQL? (the bytes of each GET; dates make them differ only across midnight)
: > "$OUT/same-bytes.tsv"
for s in item status agency search changes; do
  a="$(curl -fs "${URL[$s,api]}" | sha256sum | cut -c1-16)"
  r="$(curl -fs "${URL[$s,raw]}" | sed 's#"/raw/#"/api/v1/#g' | sha256sum | cut -c1-16)"   # next links name their own path
  printf '%s\t%s\n' "$s" "$([[ $a == "$r" ]] && echo yes || echo no)" >> "$OUT/same-bytes.tsv"
done

export BENCH_LUA="$BENCH/lua" BENCH_POST_TARGETS="$OUT/post-targets.tsv"
etag_of() { curl -fs -D - -o /dev/null "$1" | awk 'tolower($1) == "etag:" {print $2}' | tr -d '\r'; }

# wrk against one target; prints nothing, writes $OUT/<name>.txt
run_wrk() { # name kind(get|inm|post) url duration [prefix]
  local name="$1" kind="$2" url="$3" dur="$4" prefix="${5:-}"
  case "$kind" in
    get) wrk -t "$THREADS" -c "$CONNECTIONS" --timeout 10s -d "$dur" -s "$BENCH/lua/get.lua" "$url" > "$OUT/$name.txt" 2>&1 ;;
    inm) local etag; etag="$(etag_of "$url")"
         BENCH_ETAG="$etag" wrk -t "$THREADS" -c "$CONNECTIONS" --timeout 10s -d "$dur" -s "$BENCH/lua/inm.lua" "$url" > "$OUT/$name.txt" 2>&1
         # Every answer must have been a 304: the representation may not have changed during the run.
         echo "BENCH_ETAG before=$etag after=$(etag_of "$url")" >> "$OUT/$name.txt" ;;
    post) BENCH_PATH_PREFIX="$prefix" BENCH_RUN_ID="$name-$RANDOM$RANDOM" \
            wrk -t "$THREADS" -c "$CONNECTIONS" --timeout 10s -d "$dur" -s "$BENCH/lua/post.lua" "$url" > "$OUT/$name.txt" 2>&1 ;;
  esac
}

# pgbench variables (the POST script takes the first key's identity; pgbench checks no permissions)
IFS=$'\t' read -r KEY_AGENCY _ KEY_SECRET < "$WORK/keys.tsv"
KEY_HASH="$(printf '%s' "$KEY_SECRET" | sha256sum | cut -d' ' -f1)"
KEY_ID="$(q "SELECT id FROM api_keys WHERE key_hash = '$KEY_HASH'")"
KEY_AGENCY_ID="$(q "SELECT id FROM agencies WHERE code = '$KEY_AGENCY'")"
REPORT_JSON='{"id":"00000000-0000-7000-8000-000000000000","planId":"00000000-0000-7000-8000-000000000000","ordinal":1,"reportingAgency":{"code":"so-x-can-tho","name":"Sở thành phố Cần Thơ","shortName":"Sở"},"status":"in_progress","percentComplete":40,"summary":"Đã triển khai, đang tổng hợp kết quả thực hiện.","evidence":null,"periodFrom":null,"periodTo":null,"reportedAt":"2026-11-24T02:16:58.409684+00:00"}'
PGB_POST_VARS=(-D "scope=key:$KEY_ID" -D "keyid=$KEY_ID" -D "agency=$KEY_AGENCY" -D "agencyid=$KEY_AGENCY_ID"
  -D "client=QLVB $KEY_AGENCY" -D pct=40 -D status=in_progress -D "summary=Đã triển khai, đang tổng hợp kết quả thực hiện."
  -D "after=$REPORT_JSON" -D "trace=4bf92f3577b34da6a3ce929d0e0e4736" -D 'etag="_arnDb6RNvH2VPPlclpgxLrP"'
  -D "reqhash=$(printf '%064d' 0)")
PGB_POST_FILES=() PGB_WRITE_FILES=()
n=0
while IFS=$'\t' read -r _ plan _; do
  n=$((n + 1))
  sed "s/:PLAN\b/:plan$n/g" "$BENCH/sql/post.sql" > "$OUT/pgb-post-$n.sql"
  sed "s/:PLAN\b/:plan$n/g" "$BENCH/sql/post-writes.sql" > "$OUT/pgb-post-writes-$n.sql"
  PGB_POST_FILES+=(-f "$OUT/pgb-post-$n.sql"); PGB_WRITE_FILES+=(-f "$OUT/pgb-post-writes-$n.sql")
  PGB_POST_VARS+=(-D "plan$n=$plan")
done < "$WORK/keys.tsv"

run_pgbench() { # name clients args...
  local name="$1" clients="$2"; shift 2
  mkdir -p "$OUT/$name.log.d"
  PGOPTIONS="-c jit=off -c lock_timeout=3000" pgbench -h 127.0.0.1 -p "$BENCH_PG_PORT" -U postgres -n -M prepared -c "$clients" -j "$THREADS" -T "$SECONDS_PER_RUN" \
    -l --log-prefix="$OUT/$name.log.d/tx" "$@" "$DB" > "$OUT/$name.txt" 2>&1 || true
}
pgb() { # name scenario clients
  local name="$1" s="$2" c="$3"
  case "$s" in
    item) run_pgbench "$name" "$c" -f "$BENCH/sql/item.sql" -D "plan=$PLAN" -D "ordinal=$ORDINAL" ;;
    status|notmodified) run_pgbench "$name" "$c" -f "$BENCH/sql/status.sql" -D "plan=$PLAN" ;;
    agency) run_pgbench "$name" "$c" -f "$BENCH/sql/agency.sql" -D "code=$AGENCY" -D limit=20 -D offset=0 ;;
    search) run_pgbench "$name" "$c" -f "$BENCH/sql/search.sql" -D "plan=$PLAN" -D "key=$QUERY" -D limit=20 -D offset=0 ;;
    changes) run_pgbench "$name" "$c" -f "$BENCH/sql/changes.sql" -D "after=$AFTER" -D limit1=101 ;;
    post) run_pgbench "$name" "$c" "${PGB_POST_FILES[@]}" "${PGB_POST_VARS[@]}" ;;
    post-writes) run_pgbench "$name" "$c" "${PGB_WRITE_FILES[@]}" "${PGB_POST_VARS[@]}" ;;
  esac
}

# --- warm-up (JIT, pools, caches) ----------------------------------------------------------------------------------
# The API runs each scenario for --warmup first: under load on 2 cores, .NET's tiered compilation needs tens of seconds
# to move a scenario's hot methods to optimized code (its background compiler shares the cores with the load), and a
# few seconds would measure the compiler instead of the steady state a server runs in. The raw app is small: 3 s.
log "warming up ($WARMUP per API scenario)"
for s in "${SCENARIOS[@]}"; do
  case "$s" in
    notmodified) run_wrk warmup-notmodified-api inm "${URL[notmodified,api]}" "$WARMUP" ;;
    post) run_wrk warmup-post-api post "$API_URL" "$WARMUP" /api/v1; run_wrk warmup-post-raw post "$RAW_URL" 3s /raw ;;
    *) run_wrk "warmup-$s-api" get "${URL[$s,api]}" "$WARMUP"; run_wrk "warmup-$s-raw" get "${URL[$s,raw]}" 3s ;;
  esac
done
run_wrk warmup-bare get "$BARE_URL" 3s
# The pool size the API reached under $CONNECTIONS connections: pgbench runs with as many clients.
POOL="$(q "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'planapi-bench'")"
[[ "$POOL" -ge 1 ]] || POOL="$CONNECTIONS"
log "API connection pool: $POOL connections; pgbench runs with -c $POOL"

# --- CPU time per run ----------------------------------------------------------------------------------------------
# Clock ticks (utime + stime) a process has spent, all its threads; for the PostgreSQL cluster the postmaster with the
# children it has reaped (cutime + cstime: backends that ended, e.g. pgbench's) plus every live child (backends,
# checkpointer, WAL writer...). The difference across a run is the CPU the run cost there.
CLK_TCK="$(getconf CLK_TCK)"
PG_PIDFILE="${BENCH_PG_DATA:-$BENCH/.pgdata}/data/postmaster.pid"
proc_ticks() { # pid -> utime+stime
  sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}
pg_ticks() {
  local pm; pm="$(head -1 "$PG_PIDFILE")"
  { sed 's/^.*) //' "/proc/$pm/stat" | awk '{print $12 + $13 + $14 + $15}'
    for c in $(pgrep -P "$pm" || true); do sed 's/^.*) //' "/proc/$c/stat" 2>/dev/null | awk '{print $12 + $13}' || true; done
  } | awk '{t += $1} END {print t + 0}'
}
# Runs the command after name and pid (one wrk or pgbench run) between two readings; writes $OUT/<name>.cpu:
# "app_ticks pg_ticks clk_tck load_start load_end" (app_ticks "-" when no app serves the run: pgbench).
measured() { # name app_pid|- command...
  local name="$1" app="$2"; shift 2
  local a0=0 p0 l0; l0="$(cut -d' ' -f1 /proc/loadavg)"
  [[ "$app" == - ]] || a0="$(proc_ticks "$app")"
  p0="$(pg_ticks)"
  "$@"
  local a1=0 p1; p1="$(pg_ticks)"
  [[ "$app" == - ]] || a1="$(proc_ticks "$app")"
  printf '%s %s %s %s %s\n' "$([[ "$app" == - ]] && echo - || echo $((a1 - a0)))" "$((p1 - p0))" "$CLK_TCK" "$l0" \
    "$(cut -d' ' -f1 /proc/loadavg)" > "$OUT/$name.cpu"
}

# --- measured runs: per round, each scenario's targets back to back, their order rotated each round -----------------
declare -A TARGETS
TARGETS[item]="api raw pgb"; TARGETS[status]="api raw pgb"; TARGETS[agency]="api raw pgb"; TARGETS[search]="api raw pgb"; TARGETS[changes]="api raw pgb"
TARGETS[notmodified]="api raw bare"; TARGETS[post]="api raw pgb pgbw"
: > "$OUT/runs.tsv"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$RUNS"); do
  log "round $round/$RUNS: bare"
  measured "r$round-bare" "$RAW_PID" run_wrk "r$round-bare" get "$BARE_URL" "$DURATION"; printf '%s\t%s\t%s\t%s\n' "$round" bare bare "r$round-bare" >> "$OUT/runs.tsv"
  for s in "${SCENARIOS[@]}"; do
    read -r -a targets <<< "${TARGETS[$s]}"
    k=${#targets[@]}
    for ((j = 0; j < k; j++)); do
      t="${targets[$(( (j + round - 1) % k ))]}"
      name="r$round-$s-$t"
      log "round $round/$RUNS: $s / $t"
      case "$t" in api) app="$API_PID" ;; raw|bare) app="$RAW_PID" ;; *) app=- ;; esac
      case "$s/$t" in
        post/api) measured "$name" "$app" run_wrk "$name" post "$API_URL" "$DURATION" /api/v1 ;;
        post/raw) measured "$name" "$app" run_wrk "$name" post "$RAW_URL" "$DURATION" /raw ;;
        post/pgb) measured "$name" "$app" pgb "$name" post "$POOL" ;;
        post/pgbw) measured "$name" "$app" pgb "$name" post-writes "$POOL" ;;
        notmodified/api) measured "$name" "$app" run_wrk "$name" inm "${URL[notmodified,api]}" "$DURATION" ;;
        notmodified/raw) measured "$name" "$app" run_wrk "$name" inm "${URL[notmodified,raw]}" "$DURATION" ;;
        notmodified/bare) measured "$name" "$app" run_wrk "$name" get "$BARE_URL" "$DURATION" ;;
        */pgb) measured "$name" "$app" pgb "$name" "$s" "$POOL" ;;
        *) measured "$name" "$app" run_wrk "$name" get "${URL[$s,$t]}" "$DURATION" ;;
      esac
      printf '%s\t%s\t%s\t%s\n' "$round" "$s" "$t" "$name" >> "$OUT/runs.tsv"
    done
  done
done
LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"

kill "$RSS_PID" 2>/dev/null || true; RSS_PID=""
HWM="$(awk '/^VmHWM/ {print $2}' "/proc/$API_PID/status")"

# --- report ------------------------------------------------------------------------------------------------------
cat > "$OUT/meta.json" <<EOF
{
  "scale": $SCALE, "runs": $RUNS, "duration": "$DURATION", "connections": $CONNECTIONS, "threads": $THREADS,
  "command": "$COMMAND", "pool": $POOL, "api_vmhwm_kb": $HWM,
  "generate_seconds": "$(cat "$WORK/generate.seconds")",
  "date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)",
  "cpu": "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo) × $(nproc)",
  "memory": "$(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo)",
  "kernel": "$(uname -r)", "dotnet": "$(dotnet --version)", "postgres": "$("${PSQL[@]}" -At -d postgres -c 'SHOW server_version')",
  "wrk": "$(wrk -v 2>&1 | head -1 | cut -d' ' -f1-2)",
  "load_start": "$LOAD_START", "load_end": "$LOAD_END",
  "plan": "$PLAN", "ordinal": $ORDINAL, "agency": "$AGENCY", "query": "$QUERY", "after": $AFTER,
  "post_targets": $(wc -l < "$OUT/post-targets.tsv"), "post_plans": $(wc -l < "$WORK/keys.tsv"),
  "store": "$(q "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = current_database()")",
  "database_size": "$(q "SELECT pg_size_pretty(pg_database_size(current_database()))")",
  "label": "$LABEL", "commit": "$COMMIT_STAMP",
  "counts": "$(q "SELECT (SELECT count(*) FROM agencies) || ' agencies, ' || (SELECT count(*) FROM groupings) || ' groupings, ' || (SELECT count(*) FROM plans) || ' plans, ' || (SELECT count(*) FROM plan_items) || ' items, ' || (SELECT count(*) FROM progress_reports) || ' progress reports, ' || (SELECT count(*) FROM change_records) || ' change records, ' || (SELECT count(*) FROM audit_entries) || ' audit entries'")"
}
EOF
if [[ -n "$LABEL" ]]; then
  mkdir -p "$BENCH/results/steps"
  python3 "$BENCH/summarize.py" --step "$OUT" "$BENCH/results/steps/$LABEL.json"
  log "done: $BENCH/results/steps/$LABEL.json (raw outputs in $OUT)"
  exit 0
fi
python3 "$BENCH/summarize.py" "$OUT" "$BENCH/results/scale-$SCALE.json" "$BENCH/RESULTS.md"
log "done: $BENCH/RESULTS.md (raw outputs in $OUT)"
