#!/usr/bin/env bash
# kill-storm.sh AMPARO [KILLS]: SIGKILL real `amparo` processes at random
# moments of CSV imports, CSV exports and backups of one store, and check
# after every kill what a careful administrator would:
#   - the store holds the persons it had before the import or all of the
#     import, never part of it;
#   - an export file, if there is one, is whole (every person) and 0600;
#   - a backup file, if there is one, passes `amparo --check`;
#   - no half-made file is left under a name a person would open (a kill
#     can leave a "….partial-XXXXXX" beside it: it must be 0600);
#   - the store itself passes `amparo --check` every 25 kills and at the end.
# Prints one line of figures at the end; exits 1 at the first broken rule.
# Not part of `make check` (it takes minutes): `make kill-storm`.
set -u
amparo=$(realpath "$1"); kills=${2:-300}
dir=$(mktemp -d /tmp/amparo-storm-XXXXXX)
db="$dir/store.db"
trap 'rm -rf "$dir"' EXIT
export GSETTINGS_BACKEND=memory AMPARO_BACKUP_DIR="$dir/daily"

create=""
"$amparo" --help 2>&1 | grep -q -- "--create" && create="--create"
"$amparo" --database="$db" $create --load-sample-data >/dev/null || { echo "cannot make the store"; exit 1; }

count() { sqlite3 "$db" "PRAGMA busy_timeout=5000; SELECT count(*) FROM persons WHERE deleted_at IS NULL" 2>/dev/null | tail -1; }
fail() { echo "BROKEN after kill $1 ($2): $3"; exit 1; }

rows=3000
make_csv() { # $1 file, $2 round: A-Numbers of their own, so every row is new
  python3 - "$1" "$2" "$rows" <<'PY'
import sys
path, rnd, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(path, "w", encoding="utf-8") as f:
    f.write("Given names,Family names,A-Number,Date of birth\r\n")
    for j in range(n):
        a = 100000000 + rnd * n + j
        f.write(f"Niña {j},Prueba Ñandú {rnd},A{a:09d},2012-03-04\r\n")
PY
}

# How long each operation takes here, unkilled, so kills land inside it.
ms() { date +%s%3N; }
make_csv "$dir/warm.csv" 0
t0=$(ms); "$amparo" --database="$db" --import-csv="$dir/warm.csv" >/dev/null; t_import=$(( $(ms) - t0 ))
t0=$(ms); "$amparo" --database="$db" --export-csv="$dir/warm-export.csv" >/dev/null; t_export=$(( $(ms) - t0 ))
t0=$(ms); "$amparo" --database="$db" --backup="$dir/warm-backup.db" >/dev/null; t_backup=$(( $(ms) - t0 ))
rm -f "$dir"/warm*

n_import=0 n_export=0 n_backup=0 n_whole=0 n_partial=0 n_finished=0
for ((k = 1; k <= kills; k++)); do
  op=$(( RANDOM % 3 ))
  before=$(count)
  case $op in
    0) make_csv "$dir/in.csv" "$k"; span=$t_import
       "$amparo" --database="$db" --import-csv="$dir/in.csv" >/dev/null 2>&1 & n_import=$((n_import + 1)) ;;
    1) rm -f "$dir/out.csv"; span=$t_export
       "$amparo" --database="$db" --export-csv="$dir/out.csv" >/dev/null 2>&1 & n_export=$((n_export + 1)) ;;
    2) rm -f "$dir/copy.db"; span=$t_backup
       "$amparo" --database="$db" --backup="$dir/copy.db" >/dev/null 2>&1 & n_backup=$((n_backup + 1)) ;;
  esac
  pid=$!
  delay=$(( RANDOM % (span * 12 / 10 + 1) ))
  sleep "$(printf '0.%03d' $((delay % 1000)))"; sleep $((delay / 1000))
  if kill -0 $pid 2>/dev/null; then kill -KILL $pid 2>/dev/null; else n_finished=$((n_finished + 1)); fi
  wait $pid 2>/dev/null
  after=$(count)
  case $op in
    0) [ "$after" = "$before" ] || [ "$after" = $((before + rows)) ] ||
         fail $k import "persons $before → $after (import of $rows)" ;;
    1) if [ -e "$dir/out.csv" ]; then
         [ "$(stat -c %a "$dir/out.csv")" = 600 ] || fail $k export "export is $(stat -c %a "$dir/out.csv")"
         lines=$(python3 -c "import csv,sys; print(sum(1 for _ in csv.reader(open(sys.argv[1], encoding='utf-8', newline=''))) - 1)" "$dir/out.csv")
         [ "$lines" = "$before" ] || fail $k export "export has $lines of $before persons"
         n_whole=$((n_whole + 1))
       fi ;;
    2) if [ -e "$dir/copy.db" ]; then
         "$amparo" --database="$dir/copy.db" --check >/dev/null 2>&1 || fail $k backup "backup fails --check"
         n_whole=$((n_whole + 1))
       fi ;;
  esac
  for f in "$dir"/*; do
    case "$f" in
      *partial*) [ "$(stat -c %a "$f")" = 600 ] || fail $k leftovers "$f is $(stat -c %a "$f")"
                 n_partial=$((n_partial + 1)); rm -f "$f" ;;
    esac
  done
  if (( k % 25 == 0 )); then
    "$amparo" --database="$db" --check >/dev/null 2>&1 || fail $k check "store fails --check"
  fi
done
"$amparo" --database="$db" --check >/dev/null 2>&1 || fail end check "store fails --check"
echo "kill-storm: $kills kills ($n_import during --import-csv of $rows rows, $n_export during --export-csv, $n_backup during --backup; $n_finished ran to the end first); $n_whole export/backup files left, all whole, 0600 and checked; $n_partial half-made files under a .partial name, all 0600; store ok, $(count) persons; unkilled: import ${t_import} ms, export ${t_export} ms, backup ${t_backup} ms"
