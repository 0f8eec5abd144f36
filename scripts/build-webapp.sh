#!/usr/bin/env bash
# Build the web app into src/labelstack/static/app/, where the server serves it.
# The typed API client is regenerated from the installed package's schema first.
set -euo pipefail
cd "$(dirname "$0")/../webapp"
# `npm install` rather than `npm ci`: it installs the locked versions just the same, but
# does not refuse a lock file that lacks other platforms' optional binaries (Tailwind's
# oxide engine), which the registry mirror here does not describe.
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm install --no-audit --no-fund
fi
npm run build
