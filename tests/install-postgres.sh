#!/usr/bin/env bash
# Installs Debian's PostgreSQL 15 and PostGIS 3 for the server tests, which start a throwaway
# cluster of their own (tests/helpers/postgres-cluster.ts); the system cluster is not used.
set -euo pipefail
BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [ -x "$BIN/initdb" ] && [ -n "$(ls /usr/share/postgresql/15/extension/postgis.control 2>/dev/null)" ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "PostgreSQL 15 with PostGIS 3 is missing. Install it with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql-15 postgresql-15-postgis-3" >&2
  echo "or point PG_BIN at the bin directory of a PostgreSQL that has PostGIS." >&2
  exit 1
fi
echo "Installing PostgreSQL 15 and PostGIS 3 from Debian…"
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3 >/dev/null
