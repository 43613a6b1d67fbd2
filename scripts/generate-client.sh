#!/usr/bin/env bash
# Generates a C# client for PlanApi from the published contract with NSwag, using the settings the test run checks
# (openapi/nswag.json; tests/PlanApi.ClientTests builds the same client and calls the API with it).
#
#   scripts/generate-client.sh                                    # ./PlanApiClient.cs, namespace PlanApi.Client
#   scripts/generate-client.sh ../qlvb/PlanApiClient.cs Qlvb.PlanApi
#   INPUT=http://127.0.0.1:5080/openapi/v1.json scripts/generate-client.sh   # from a running API instead of the file
#
# The result is one C# file for .NET 9 or later that needs no package (System.Text.Json and HttpClient only).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
OUTPUT="$(realpath -m "${1:-PlanApiClient.cs}")"
NAMESPACE="${2:-PlanApi.Client}"
INPUT="${INPUT:-$REPO/openapi/v1.json}"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

cd "$REPO"
dotnet tool restore >/dev/null
mkdir -p "$(dirname "$OUTPUT")"
dotnet tool run nswag run openapi/nswag.json "/variables:Input=$INPUT,Output=$OUTPUT,Namespace=$NAMESPACE" >/dev/null
echo "Wrote $OUTPUT (namespace $NAMESPACE) from $INPUT"
