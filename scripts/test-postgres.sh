#!/usr/bin/env bash
# Runs the test suite a second time on PostgreSQL (`make test-postgres`).
#
# Installs PostgreSQL from Debian's packages when it is missing (as root), starts
# a throwaway cluster on 127.0.0.1 in a temporary directory, points DATABASE_URL
# at it for the unit and HTTP tests, and removes the cluster afterwards. The
# unit tests search with SEARCH_BACKEND=database (PostgreSQL full-text search).
# Usage: scripts/test-postgres.sh [pytest arguments for the unit run]
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}

find_pg_bin() {
  ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1
}

PG_BIN=$(find_pg_bin)
if [ -z "$PG_BIN" ]; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is not installed; install Debian's 'postgresql' package" \
         "(or run this as root to have it installed)." >&2
    exit 1
  fi
  echo "Installing PostgreSQL from Debian's packages..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    postgresql >/dev/null
  PG_BIN=$(find_pg_bin)
fi

# The server refuses to run as root: run it as Debian's postgres user then.
if [ "$(id -u)" = "0" ]; then
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

DATA_DIR=$(mktemp -d /tmp/portal-pg.XXXXXX)
chmod 700 "$DATA_DIR"
[ "$(id -u)" = "0" ] && chown postgres:postgres "$DATA_DIR"
PORT=$("$BIN/python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

stop_cluster() {
  as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DATA_DIR"
}
trap stop_cluster EXIT

# A throwaway cluster: trust on loopback only, no durability (tests only).
as_pg "$PG_BIN/initdb" -D "$DATA_DIR/data" -U portal --auth=trust \
  --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PG_BIN/pg_ctl" -D "$DATA_DIR/data" -l "$DATA_DIR/server.log" -w \
  -o "-h 127.0.0.1 -p $PORT -k $DATA_DIR -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null
echo "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"

export DATABASE_URL="postgres://portal@127.0.0.1:$PORT/portal"
# The unit run searches with PostgreSQL's full-text search (the SQLite run keeps
# Whoosh); tests of Whoosh itself pin it with the whoosh_backend fixture.
# Tests marked own_database run on a SQLite database of their own whatever
# DATABASE_URL says: the SQLite run (make test) has already run them.
SEARCH_BACKEND=database "$BIN/pytest" -m "not own_database" "$@"
# The browser tests run once, on SQLite (make test): they check pages, scripts
# and accessibility, which do not depend on the database; the real site on
# PostgreSQL is driven over HTTP by tests/reliability/ (also part of make test).
