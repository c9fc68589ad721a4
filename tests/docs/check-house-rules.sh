#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The layering rules of docs/architecture.md ("Rules of the house"), so a
# fresh clone's `make check` enforces them: the database engines only in
# src/store, libsoup only in src/net, no GTK or libadwaita in the core
# (src/store, src/net, src/export), which must build without widgets.
top=${1:?usage: check-house-rules.sh SOURCE_ROOT}
cd "$top/src" || exit 1
status=0

outside () {
  # $1: what, $2: regex of a call, $3: the only folder allowed
  hits=$(grep -rnE "$2" --include='*.c' --include='*.h' . | grep -v "^\./$3/")
  if [ -n "$hits" ]; then
    echo "$1 outside src/$3/:"
    echo "$hits"
    status=1
  fi
}

outside "sqlite3 calls" '\bsqlite3_[a-z_0-9]+ *\(' store
outside "libpq calls" '\bPQ[a-zA-Z]+ *\(' store
outside "libsoup calls" '\bsoup_[a-z_0-9]+ *\(' net

hits=$(grep -rnE '#include *<(gtk/|adwaita)' store net export)
if [ -n "$hits" ]; then
  echo "GTK or libadwaita in the core (store, net, export):"
  echo "$hits"
  status=1
fi

[ $status = 0 ] && echo "ok: store, net and export keep to their layers"
exit $status
