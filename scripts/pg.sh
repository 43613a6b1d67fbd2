#!/usr/bin/env bash
# Starts or stops the project's own PostgreSQL cluster (data in .pgdata/, git-ignored).
# Usage: scripts/pg.sh start|stop|status|url   (PLANAPI_PG_PORT, default 55432; PLANAPI_PG_FAST=1 for tests;
# PLANAPI_PG_DATA_ROOT, default .pgdata/, for a second cluster beside the usual one, as drills/run.sh uses)
# As root it runs the server as the 'postgres' user, since PostgreSQL refuses to run as root.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PORT="${PLANAPI_PG_PORT:-55432}"
PGBIN="${PLANAPI_PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}"
[[ -x "$PGBIN/initdb" ]] || { echo "PostgreSQL server binaries not found (looked in /usr/lib/postgresql/*/bin); set PLANAPI_PG_BIN." >&2; exit 1; }

as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

# The data folder lives in the repository unless the server's user cannot reach it (a clone under /root).
data_root() {
  local dir="${PLANAPI_PG_DATA_ROOT:-$REPO/.pgdata}"
  if [[ $(id -u) -eq 0 ]]; then
    mkdir -p "$dir"
    chown postgres:postgres "$dir" 2>/dev/null || true
    if ! runuser -u postgres -- test -w "$dir" 2>/dev/null; then
      dir="/var/tmp/planapi-pgdata-$(printf '%s' "${PLANAPI_PG_DATA_ROOT:-$REPO}" | md5sum | cut -c1-12)"
      mkdir -p "$dir" && chown postgres:postgres "$dir"
    fi
  else
    mkdir -p "$dir"
  fi
  printf '%s' "$dir"
}

ROOT="$(data_root)"
DATA="$ROOT/data"
SOCK="$ROOT/run"
LOG="$ROOT/server.log"

url() { printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s' "$PORT" "${1:-planapi}"; }

running() { as_owner "$PGBIN/pg_ctl" -D "$DATA" status >/dev/null 2>&1; }

start() {
  if [[ ! -s "$DATA/PG_VERSION" ]]; then
    as_owner mkdir -p "$DATA" "$SOCK"
    as_owner "$PGBIN/initdb" -D "$DATA" -U postgres -A trust -E UTF8 --no-locale >"$ROOT/initdb.log" 2>&1 \
      || { cat "$ROOT/initdb.log" >&2; exit 1; }
  fi
  as_owner mkdir -p "$SOCK"
  if ! running; then
    local opts="-p $PORT -k $SOCK -c listen_addresses=127.0.0.1 -c max_connections=200"
    if [[ "${PLANAPI_PG_FAST:-0}" == 1 ]]; then
      # Test runs only: durability is not needed for throw-away databases.
      opts="$opts -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    fi
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -l "$LOG" -o "$opts" -w -t 60 start >/dev/null \
      || { tail -20 "$LOG" >&2; exit 1; }
  fi
  for _ in $(seq 1 60); do
    "$PGBIN/pg_isready" -h 127.0.0.1 -p "$PORT" -q && break
    sleep 0.5
  done
  "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qtAc \
    "SELECT 1 FROM pg_database WHERE datname = 'planapi'" | grep -q 1 \
    || "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d postgres -qc "CREATE DATABASE planapi" >/dev/null
}

stop() {
  if [[ -s "$DATA/PG_VERSION" ]] && running; then
    as_owner "$PGBIN/pg_ctl" -D "$DATA" -m fast -w stop >/dev/null
  fi
}

case "${1:-}" in
  start) start; echo "PostgreSQL on 127.0.0.1:$PORT (data: $DATA)" >&2 ;;
  stop) stop ;;
  status) running && echo running || echo stopped ;;
  url) url "${2:-planapi}" ;;
  *) echo "usage: $0 start|stop|status|url [database]" >&2; exit 2 ;;
esac
