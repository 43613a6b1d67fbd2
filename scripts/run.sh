#!/usr/bin/env bash
# Runs PlanApi: starts a local PostgreSQL (unless ConnectionStrings__PlanDb names a server), migrates,
# seeds the Cần Thơ 2023 plan and serves the API. Ctrl-C stops the API, then the database.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"
URL="${PLANAPI_URL:-http://127.0.0.1:5080}"

if [[ -z "${ConnectionStrings__PlanDb:-}" ]]; then
  scripts/pg.sh start
  export ConnectionStrings__PlanDb="$(scripts/pg.sh url planapi)"
  trap 'scripts/pg.sh stop; echo "PostgreSQL stopped." >&2' EXIT
fi

dotnet build src/PlanApi/PlanApi.csproj -c Release -nologo -v quiet -clp:NoSummary
echo
echo "PlanApi: Swagger UI at $URL/swagger  (contract: $URL/openapi/v1.json). Ctrl-C stops."
echo
# In the foreground: Ctrl-C reaches the API, which finishes in-flight requests and exits; then the trap stops PostgreSQL.
ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}" \
  dotnet run --project src/PlanApi -c Release --no-build --no-launch-profile -- --urls "$URL" || true
