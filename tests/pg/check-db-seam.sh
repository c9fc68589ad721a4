#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The store's house rule (postgres #10): SQLite is called only from the
# SQLite driver, libpq only from the PostgreSQL driver; everything else
# speaks src/store/amparo-db.h.
#   tests/pg/check-db-seam.sh [SOURCE-ROOT]
#
# The SQLite driver is amparo-db-sqlite.c and its header amparo-db-sqlite.h
# (what only a store file has: opening it, the WAL, the page copy,
# integrity checks, tracing; and the SQLite handles the code below still
# uses). NOT_YET_CONVERTED is a shrinking allow-list: files that still call
# SQLite directly because their owners were changing them while the
# driver seam landed. Convert one to amparo-db.h, then delete its line
# here. New code uses the driver.
set -u
top=${1:-.}
cd "$top" || exit 1

NOT_YET_CONVERTED="
"
SQLITE_DRIVER=src/store/amparo-db-sqlite.c
SQLITE_DRIVER_HEADER=src/store/amparo-db-sqlite.h
PG_DRIVER=src/store/amparo-db-pg.c

status=0
for f in $(grep -rlE 'sqlite3_[a-z_]+' src | sort); do
  [ "$f" = "$SQLITE_DRIVER" ] && continue
  [ "$f" = "$SQLITE_DRIVER_HEADER" ] && continue
  if printf '%s\n' $NOT_YET_CONVERTED | grep -qxF "$f"; then continue; fi
  echo "calls SQLite outside the SQLite driver: $f"
  grep -nE 'sqlite3_[a-z_]+' "$f" | head -3
  status=1
done
for f in $(grep -rlE '\bPQ[a-zA-Z]+ *\(|libpq-fe\.h' src | sort); do
  [ "$f" = "$PG_DRIVER" ] && continue
  echo "calls libpq outside the PostgreSQL driver: $f"
  grep -nE '\bPQ[a-zA-Z]+ *\(|libpq-fe\.h' "$f" | head -3
  status=1
done
# A file converted but still listed: take it off the list.
for f in $NOT_YET_CONVERTED; do
  if [ -f "$f" ] && ! grep -qE 'sqlite3_[a-z_]+' "$f"; then
    echo "no longer calls SQLite; remove it from NOT_YET_CONVERTED: $f"
    status=1
  fi
done
[ $status = 0 ] && echo "ok: SQLite only in $SQLITE_DRIVER and its header (and $(printf '%s\n' $NOT_YET_CONVERTED | grep -c .) files not yet converted), libpq only in $PG_DRIVER"
exit $status
