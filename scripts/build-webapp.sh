#!/usr/bin/env bash
# Build the web app into src/labelstack/static/app/, where the server serves it.
# The typed API client is regenerated from the installed package's schema first.
set -euo pipefail
cd "$(dirname "$0")/../webapp"
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm run build
