#!/usr/bin/env bash
# Renders Swagger UI in headless Chromium and checks that every operation of openapi/v1.json is on the page.
# Usage: scripts/check-swagger-ui.sh [base URL, default http://127.0.0.1:5080]   (needs: apt-get install chromium)
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BASE="${1:-http://127.0.0.1:5080}"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
DOM="$(timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --user-data-dir="$PROFILE" \
  --virtual-time-budget=10000 --dump-dom "$BASE/swagger/index.html" 2>/dev/null)"
RENDERED=$(grep -o 'class="opblock opblock-[a-z]*' <<<"$DOM" | wc -l)
EXPECTED=$(grep -cE '^ +"(get|put|post|delete|patch)": \{' "$REPO/openapi/v1.json" || true)
echo "Swagger UI rendered $RENDERED of $EXPECTED operations."
[[ "$RENDERED" -eq "$EXPECTED" && "$EXPECTED" -gt 0 ]]
