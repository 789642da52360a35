#!/usr/bin/env bash
# The whole test suite: static checks, unit tests, the server's tests against a throwaway
# PostgreSQL + PostGIS, then end-to-end tests in headless Chromium against the production build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tests/install-chromium.sh
bash tests/install-gdal.sh
bash tests/install-postgres.sh
echo "== lint and types"
npx eslint .
npm run --silent typecheck
echo "== unit tests"
npx vitest run --project unit
echo "== server tests (PostgreSQL + PostGIS)"
npx vitest run --project server
echo "== production build"
npx vite build --logLevel warn
echo "== end-to-end tests (headless Chromium)"
npx vitest run --project e2e
