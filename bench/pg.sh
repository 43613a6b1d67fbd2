#!/usr/bin/env bash
# The benchmark's own PostgreSQL cluster: data in bench/.pgdata (git-ignored), port BENCH_PG_PORT (default 55450).
# Same server options as scripts/pg.sh (max_connections=200), durable: fsync and synchronous_commit stay ON.
# Usage: bench/pg.sh start|stop|status|url [database]
set -euo pipefail
BENCH="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
PORT="${BENCH_PG_PORT:-55450}"
PGBIN="${PLANAPI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[[ -x "$PGBIN/initdb" ]] || { echo "PostgreSQL server binaries not found; set PLANAPI_PG_BIN." >&2; exit 1; }
as_owner() { if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi; }
ROOT="${BENCH_PG_DATA:-$BENCH/.pgdata}"
mkdir -p "$ROOT"
[[ $(id -u) -eq 0 ]] && chown postgres:postgres "$ROOT"
DATA="$ROOT/data"; SOCK="$ROOT/run"; LOG="$ROOT/server.log"
running() { as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }
case "${1:-}" in
  start)
    if [[ ! -s "$DATA/PG_VERSION" ]]; then
      as_owner mkdir -p "$DATA"
      as_owner "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-locale >"$ROOT/initdb.log" 2>&1 \
        || { cat "$ROOT/initdb.log" >&2; exit 1; }
    fi
    as_owner mkdir -p "$SOCK"
    if ! running; then
      # Only the load-friendly knobs differ from a stock cluster: bigger WAL between checkpoints (bulk load) and a
      # realistic shared_buffers for a 23 GB machine. Durability is untouched.
      as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -w -t 120 start \
        -o "-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c max_connections=200 -c max_wal_size=4GB -c shared_buffers=${BENCH_PG_SHARED_BUFFERS:-512MB}" >/dev/null \
        || { tail -20 "$LOG" >&2; exit 1; }
    fi
    for _ in $(seq 1 60); do "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q && break; sleep 0.5; done
    echo "bench PostgreSQL on 127.0.0.1:$PORT (data: $DATA)" >&2 ;;
  stop) if [[ -s "$DATA/PG_VERSION" ]] && running; then as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null; fi ;;
  status) running && echo running || echo stopped ;;
  url) printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$PORT" "${2:-planapi_bench}" ;;
  *) echo "usage: $0 start|stop|status|url [database]" >&2; exit 2 ;;
esac
