#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs a command against a throwaway PostgreSQL 15 server:
#   tests/pg/with-pg-server.sh PROGRAM [ARGS…]
# starts a server on 127.0.0.1 on a free port in a temporary folder, with
# the unaccent and pg_trgm extensions in template1 (so every database the
# tests create has them), exports AMPARO_TEST_ENGINE=pg and
# AMPARO_TEST_PG_URI (the server's maintenance database), runs PROGRAM,
# and stops and removes the server afterwards, also when PROGRAM fails or
# is interrupted. PROGRAM's exit status is kept. AMPARO_TEST_PG_KILL and
# AMPARO_TEST_PG_START stop the server at once and start it again.
#
# initdb refuses to run as root: as root the server runs as the
# `postgres` account (created by the postgresql-15 package).
set -eu

PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}
if [ ! -x "$PGBIN/initdb" ]; then
  echo "1..0 # SKIP PostgreSQL 15 is not installed ($PGBIN/initdb); apt-get install postgresql-15"
  exit 0
fi

dir=$(mktemp -d "${TMPDIR:-/tmp}/amparo-pg-XXXXXX")
as_server=""
if [ "$(id -u)" = 0 ]; then
  chown postgres: "$dir"
  as_server="runuser -u postgres --"
fi

stop_server() {
  $as_server "$PGBIN/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

$as_server "$PGBIN/initdb" -D "$dir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
# Members of `password_login` must give their password (the Case Store
# preferences test); every other account is trusted, as before.
printf 'host all +password_login 127.0.0.1/32 scram-sha-256\n' | cat - "$dir/data/pg_hba.conf" > "$dir/hba" &&
  $as_server cp "$dir/hba" "$dir/data/pg_hba.conf"
$as_server "$PGBIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

psql -q -h 127.0.0.1 -p "$port" -U postgres -d template1 -v ON_ERROR_STOP=1 \
  -c 'CREATE EXTENSION IF NOT EXISTS unaccent; CREATE EXTENSION IF NOT EXISTS pg_trgm;' >&2
psql -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 \
  -c 'CREATE ROLE password_login NOLOGIN;' >&2

export AMPARO_TEST_ENGINE=pg
export AMPARO_TEST_PG_URI="postgresql://postgres@127.0.0.1:$port/postgres"
export AMPARO_TEST_PG_LOG="$dir/server.log"
# The server away (postgres #10): shell commands that kill the server
# at once (as a crash or a pulled cable would) and start it again on the
# same port, for tests of what a desk sees meanwhile.
export AMPARO_TEST_PG_DATA="$dir/data"
export AMPARO_TEST_PG_KILL="$as_server $PGBIN/pg_ctl -D $dir/data -m immediate stop"
export AMPARO_TEST_PG_START="$as_server $PGBIN/pg_ctl -D $dir/data -l $dir/server.log -w -o '-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off' start"

rc=0
"$@" || rc=$?
exit $rc
