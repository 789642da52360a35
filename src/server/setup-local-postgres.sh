#!/usr/bin/env bash
# Sets up PostgreSQL 15 + PostGIS 3 from Debian's packages for a team on one machine: installs
# them, starts the system cluster, creates a database role and a database with PostGIS, and
# prints the DATABASE_URL for `npm run server`. Run as root (or with sudo). Idempotent: a second
# run keeps the database and sets a new password.
#   sudo bash src/server/setup-local-postgres.sh [DATABASE] [ROLE]
set -euo pipefail
DB="${1:-fulv}"
ROLE="${2:-fulv}"
if [ "$(id -u)" -ne 0 ]; then echo "Run as root: sudo bash $0 $*" >&2; exit 1; fi
if ! [[ "$DB" =~ ^[a-z_][a-z0-9_]*$ && "$ROLE" =~ ^[a-z_][a-z0-9_]*$ ]]; then
  echo "Database and role names must be lower-case letters, digits and _." >&2; exit 1
fi
if ! dpkg-query -W -f='${Status}' postgresql-15-postgis-3 2>/dev/null | grep -q 'install ok installed'; then
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 postgresql-15-postgis-3
fi
# The Debian package makes cluster 15/main (port 5432, scram-sha-256 on 127.0.0.1).
pg_ctlcluster 15 main start 2>/dev/null || service postgresql start
PASSWORD="$(head -c 24 /dev/urandom | base64 | tr -d '/+=' | head -c 32)"
psql_admin() { runuser -u postgres -- psql -v ON_ERROR_STOP=1 -q "$@"; }
if [ "$(psql_admin -tAc "select 1 from pg_roles where rolname = '$ROLE'")" != "1" ]; then
  psql_admin -c "create role $ROLE login"
fi
psql_admin -c "alter role $ROLE password '$PASSWORD'"
if [ "$(psql_admin -tAc "select 1 from pg_database where datname = '$DB'")" != "1" ]; then
  psql_admin -c "create database $DB owner $ROLE encoding 'UTF8' template template0"
fi
# PostGIS is created by the superuser once; the server's migrations then run as the owner.
psql_admin -d "$DB" -c 'create extension if not exists postgis'
PORT="$(runuser -u postgres -- psql -tAc 'show port')"
echo "PostgreSQL + PostGIS is ready. Start the server with:"
echo "  DATABASE_URL='postgres://$ROLE:$PASSWORD@127.0.0.1:$PORT/$DB' npm run server"
