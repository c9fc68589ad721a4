#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds a fuzzer with clang (libFuzzer, AddressSanitizer,
# UndefinedBehaviorSanitizer) and runs it on its seed corpus. Targets:
#   feed  the feed parser and HTML converter (fuzz-feed.c, corpus/)
#   csv   the CSV reader and import checks over a real store
#         (fuzz-csv.c, corpus-csv/)
#
#   tests/fuzz/run-fuzz.sh SECONDS        fuzz every target that long (on request)
#   run-fuzz.sh --target csv SECONDS      one target
#   run-fuzz.sh --tap --runs N --out DIR [--target T]   what `make check` runs (TAP)
#
# New inputs go to a working corpus in the output folder, never into
# tests/fuzz/corpus*; crashes are saved there too.
set -u

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
tap=0
runs=""
seconds=""
target=""
out="$top/build-fuzz"

while [ $# -gt 0 ]; do
  case "$1" in
    --tap) tap=1 ;;
    --runs) runs=$2; shift ;;
    --out) out=$2; shift ;;
    --target) target=$2; shift ;;
    *) seconds=$1 ;;
  esac
  shift
done
[ -n "$runs$seconds" ] || seconds=60

if [ -z "$target" ]; then
  # Every target in turn (make fuzz).
  status=0
  for t in feed csv thumbnail; do  # thumbnail: documents (#18)
    echo "== fuzz-$t ($seconds s)"
    "$0" --target "$t" --out "$out" ${runs:+--runs "$runs"} ${seconds:+"$seconds"} || status=1
  done
  exit $status
fi

skip() {
  if [ $tap = 1 ]; then echo "1..0 # SKIP $1"; else echo "skipped: $1" >&2; fi
  exit 0
}

command -v clang >/dev/null 2>&1 || skip "clang is not installed (Debian: clang libclang-rt-14-dev)"
command -v pkg-config >/dev/null 2>&1 || skip "pkg-config is not installed"

out="$out/$target"
mkdir -p "$out/work-corpus" "$out/crashes"
cat > "$out/config.h" <<CONFIG
#define PACKAGE_VERSION "fuzz"
#define GETTEXT_PACKAGE "amparo"
#define LOCALEDIR "/usr/share/locale"
#define APPLICATION_ID "io.github.amparo.Amparo"
#define PACKAGE_DATADIR "/usr/share/amparo"
CONFIG

case "$target" in
  feed)
    sources="$here/fuzz-feed.c $top/src/net/amparo-feed-parser.c $top/src/net/amparo-html-text.c
             $top/src/net/amparo-bilingual-split.c $top/src/export/amparo-markup.c
             $top/src/net/amparo-net-error.c"
    watch="$top/src/net/*.h $top/src/export/amparo-markup.h"
    includes="-I$top/src/net -I$top/src/export"
    packages="glib-2.0 libxml-2.0"
    corpus="$here/corpus"
    defines="-DG_LOG_DOMAIN=\"amparo-fuzz\""
    ;;
  csv)
    # The store's migrations are compiled in as a GResource, as in the app.
    command -v glib-compile-resources >/dev/null 2>&1 || skip "glib-compile-resources is missing"
    glib-compile-resources --generate-source --sourcedir="$top" --c-name amparo_core \
      --target="$out/amparo-core-resources.c" "$top/resources/amparo-core.gresource.xml" || exit 1
    sources="$here/fuzz-csv.c $top/src/export/amparo-csv.c $top/src/export/amparo-csv-reader.c
             $top/src/export/amparo-private-file.c $top/src/export/amparo-iso-codes.c
             $top/src/store/*.c $out/amparo-core-resources.c"
    watch="$top/src/store/*.h $top/src/export/amparo-csv*.h $top/resources/sql/*.sql"
    includes="-I$top/src/store -I$top/src/export"
    # json-glib: the import maps country and language names to iso-codes' codes.
    packages="gio-2.0 sqlite3 libpq json-glib-1.0"
    packages="$packages libarchive"  # documents (#18): the store's document export
    corpus="$here/corpus-csv"
    defines=""  # each source names its own log domain
    ;;
  thumbnail)
    # documents (#18): the thumbnailer over pictures and PDFs.
    sources="$here/fuzz-thumbnail.c $top/src/export/amparo-thumbnailer.c"
    watch="$top/src/export/amparo-thumbnailer.h"
    includes="-I$top/src/export"
    packages="gio-2.0 gdk-pixbuf-2.0 poppler-glib cairo"
    corpus="$here/corpus-thumbnail"
    defines=""
    ;;
  *) echo "unknown target $target" >&2; exit 2 ;;
esac

binary="$out/fuzz-$target"
rebuild=1
if [ -x "$binary" ]; then
  rebuild=0
  for f in $sources $watch; do
    [ "$f" -nt "$binary" ] && rebuild=1
  done
fi
if [ $rebuild = 1 ]; then
  # shellcheck disable=SC2046,SC2086
  if ! clang -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
       $defines -I"$out" $includes \
       $(pkg-config --cflags $packages) $sources \
       $(pkg-config --libs $packages) -lm -o "$binary" 2>"$out/build.log"; then
    if grep -q "fuzzer" "$out/build.log" && ! ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-*.a >/dev/null 2>&1; then
      skip "clang's libFuzzer runtime is missing (Debian: libclang-rt-14-dev)"
    fi
    [ $tap = 1 ] && { echo "1..1"; echo "not ok 1 fuzz-$target builds"; sed 's/^/# /' "$out/build.log"; }
    cat "$out/build.log" >&2
    exit 1
  fi
fi

if [ -n "$runs" ]; then
  limit="-runs=$runs -max_total_time=20"
else
  limit="-max_total_time=$seconds"
fi

# The CSV target's store lives in a temp folder of its own.
work_tmp=$(mktemp -d)
# shellcheck disable=SC2086
TMPDIR="$work_tmp" ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 G_DEBUG= MALLOC_CHECK_= MALLOC_PERTURB_= \
  "$binary" $limit -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -dict="$here/fuzz-$target.dict" -artifact_prefix="$out/crashes/" \
    "$out/work-corpus" "$corpus" >"$out/fuzz.log" 2>&1
status=$?
rm -rf "$work_tmp"

if [ $tap = 1 ]; then
  echo "1..1"
  if [ $status = 0 ]; then
    echo "ok 1 fuzz-$target: $(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$out/fuzz.log" | tail -1)"
  else
    echo "not ok 1 fuzz-$target found a problem (see $out/crashes)"
    tail -40 "$out/fuzz.log" | sed 's/^/# /'
  fi
else
  tail -5 "$out/fuzz.log"
fi
exit $status
