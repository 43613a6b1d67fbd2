#!/usr/bin/env bash
# Runs a PlanApi command against the local database (started if needed), e.g. the first admin key:
#   scripts/cli.sh keys create --client "Ban TĐKT thành phố" --role admin
#   scripts/cli.sh keys list [--all] | keys revoke ID
#   scripts/cli.sh import FILE [--commit [--replace-draft]]   (a .docx, .txt or .md plan document)
# Set ConnectionStrings__PlanDb to use another server.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PLANAPI_CALLER_DIR="$PWD"
cd "$REPO"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
if [[ -z "${ConnectionStrings__PlanDb:-}" ]]; then
  if [[ "$(scripts/pg.sh status)" != running ]]; then
    scripts/pg.sh start
    trap 'scripts/pg.sh stop' EXIT
  fi
  export ConnectionStrings__PlanDb="$(scripts/pg.sh url planapi)"
fi
dotnet build src/PlanApi/PlanApi.csproj -c Release -nologo -v quiet -clp:NoSummary >/dev/null
Logging__LogLevel__Default=Warning dotnet run --project src/PlanApi -c Release --no-build --no-launch-profile -- "$@"
