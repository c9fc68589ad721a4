#!/usr/bin/env bash
# Regenerates the screenshots in tests/screenshots/: the real app under Xvfb,
# in English and Spanish, wide and narrow, on a store with the sample data.
#   tests/screenshots/take.sh [BUILDDIR] [NAME-FILTER]
set -euo pipefail
top=$(cd "$(dirname "$0")/../.." && pwd)
build=$(cd "${1:-$top/build}" && pwd)
filter=${2:-}
out=$top/tests/screenshots
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

export GSETTINGS_SCHEMA_DIR=$build/resources
export AMPARO_LOCALEDIR=$build/po
export GSETTINGS_BACKEND=keyfile
export XDG_CONFIG_HOME=$work/config XDG_DATA_HOME=$work/data XDG_CACHE_HOME=$work/cache
export NO_AT_BRIDGE=1 GTK_A11Y=none
db=$work/sample.db
if "$build/src/amparo" --help 2>/dev/null | grep -q -- --load-sample-data; then
  "$build/src/amparo" --database="$db" --create --load-sample-data >/dev/null
fi

# shot NAME LANGUAGE SECTION WIDTH HEIGHT [EXTRA-ARGS...]
shot () {
  local name=$1 lang=$2 section=$3 width=$4 height=$5
  shift 5
  [ -z "$filter" ] || [[ $name == *$filter* ]] || return 0
  rm -rf "$XDG_CONFIG_HOME"
  gsettings set io.github.amparo.Amparo window-width "$width"
  gsettings set io.github.amparo.Amparo window-height "$height"
  gsettings set io.github.amparo.Amparo last-section "$section"
  xvfb-run -a -s "-screen 0 ${width}x${height}x24" dbus-run-session -- \
    bash -c '"$0" --database="$1" --language="$2" "${@:5}" & pid=$!
             sleep "${AMPARO_SHOT_DELAY:-6}"
             import -window root "$3"
             kill $pid; wait $pid 2>/dev/null || true' \
    "$build/src/amparo" "$db" "$lang" "$out/$name.png" "" "$@" 2>/dev/null
  echo "$out/$name.png"
}

for lang in en es; do
  shot "clients-$lang-wide" "$lang" clients 1200 760
  shot "clients-$lang-narrow" "$lang" clients 400 760
  shot "agenda-$lang-wide" "$lang" agenda 1200 760
  shot "agenda-$lang-narrow" "$lang" agenda 400 760
  shot "press-$lang-wide" "$lang" press 1200 760
  shot "demands-$lang-wide" "$lang" demands 1200 760
done

# Demands: the list, and a demand's page with its status timeline, opened
# at start by AMPARO_OPEN_DEMAND (a uid, or words of its English or
# Spanish wording).
for lang in en es; do
  shot "demands-list-$lang-wide" "$lang" demands 1200 860
  shot "demands-list-$lang-narrow" "$lang" demands 400 860
  AMPARO_OPEN_DEMAND="Title 42" shot "demand-timeline-$lang-wide" "$lang" demands 1200 1000
  AMPARO_OPEN_DEMAND="Title 42" shot "demand-timeline-$lang-narrow" "$lang" demands 400 1000
done

# Clients: a client page with a separated family, opened at start by
# AMPARO_OPEN_CLIENT (a uid or words to search for).
for lang in en es; do
  AMPARO_OPEN_CLIENT="Wilmer Tzul" shot "client-separated-$lang-wide" "$lang" clients 1200 1000
  AMPARO_OPEN_CLIENT="Wilmer Tzul" shot "client-separated-$lang-narrow" "$lang" clients 400 1000
done

# Press releases: the bilingual editor and the combined preview of a
# release, opened at start by AMPARO_OPEN_RELEASE (a uid, or words of its
# English or Spanish title); AMPARO_PRESS_PREVIEW=1 shows its preview in
# English and Spanish.
for lang in en es; do
  AMPARO_OPEN_RELEASE="Biden Administration" shot "release-editor-$lang-wide" "$lang" press 1200 1000
  AMPARO_OPEN_RELEASE="Biden Administration" shot "release-editor-$lang-narrow" "$lang" press 400 1000
  AMPARO_OPEN_RELEASE="Biden Administration" AMPARO_PRESS_PREVIEW=1 shot "release-preview-$lang-wide" "$lang" press 1200 1000
  AMPARO_OPEN_RELEASE="Biden Administration" AMPARO_PRESS_PREVIEW=1 shot "release-preview-$lang-narrow" "$lang" press 400 1000
done

# The website dialogs (import progress and report, publish question),
# rendered by tests/screenshots/dialog-shots from a feed in the tests.
for lang in en es; do
  [ -z "$filter" ] || [[ "import-publish-$lang" == *$filter* ]] || continue
  xvfb-run -a -s "-screen 0 1200x900x24" dbus-run-session -- \
    "$build/tests/screenshots/dialog-shots" "$out" "$lang" "$top/tests/net/data/rss-press.xml" 2>/dev/null
done

# The publish dialog's website states: schedule under embargo, scheduled
# (pull back / update), take down a withdrawn release (tests/web).
for lang in en es; do
  [ -z "$filter" ] || [[ "publish-states-$lang" == *$filter* ]] || continue
  xvfb-run -a -s "-screen 0 1200x900x24" dbus-run-session -- \
    "$build/tests/web/publish-shots" "$out" "$lang" 2>/dev/null
done

# The spreadsheet import window (a name to confirm, rejected rows, a
# Windows-1252 file), wide and at 600 px.
for lang in en es; do
  [ -z "$filter" ] || [[ "csv-import-$lang" == *$filter* ]] || continue
  xvfb-run -a -s "-screen 0 1200x1000x24" dbus-run-session -- \
    "$build/tests/screenshots/csv-import-shots" "$out" "$lang" 2>/dev/null
done

# The whole case (issue #9): a full client page, and each of its forms
# (opened at start by AMPARO_CLIENT_FORM), wide and 600 px. Drawn with
# cairo: GL under a busy Xvfb can leave the capture black.
caller_renderer=${GSK_RENDERER-}
for lang in en es; do
  export GSK_RENDERER=cairo
  AMPARO_SHOT_DELAY=12 AMPARO_OPEN_CLIENT="Wilmer Tzul" shot "case-page-$lang-wide" "$lang" clients 1200 2400
  AMPARO_SHOT_DELAY=12 AMPARO_OPEN_CLIENT="Wilmer Tzul" shot "case-page-$lang-narrow" "$lang" clients 600 2400
  for form in proceedings.add-proceeding proceedings.edit-event proceedings.reschedule \
              family.edit-link family.add-evidence contacts.add proceedings.add-membership; do
    name=${form#*.}
    AMPARO_SHOT_DELAY=14 AMPARO_OPEN_CLIENT="Wilmer Tzul" AMPARO_CLIENT_FORM=$form \
      shot "case-form-$name-$lang-wide" "$lang" clients 1200 900
    AMPARO_SHOT_DELAY=14 AMPARO_OPEN_CLIENT="Wilmer Tzul" AMPARO_CLIENT_FORM=$form \
      shot "case-form-$name-$lang-narrow" "$lang" clients 600 900
  done
  # Give back the caller's renderer (GSK_RENDERER=cairo take.sh … keeps it).
  if [ -n "$caller_renderer" ]; then export GSK_RENDERER=$caller_renderer; else unset GSK_RENDERER; fi
done

# Reports: the dashboard, light and dark (ADW_DEBUG_COLOR_SCHEME), wide
# and at 600 px. The cairo renderer: on a loaded machine llvmpipe spends
# longer compiling shaders than the shot waits.
for lang in en es; do
  GSK_RENDERER=cairo shot "reports-$lang-wide" "$lang" reports 1200 1000
  GSK_RENDERER=cairo shot "reports-$lang-600" "$lang" reports 600 1000
  GSK_RENDERER=cairo ADW_DEBUG_COLOR_SCHEME=prefer-dark shot "reports-$lang-dark-wide" "$lang" reports 1200 1000
  GSK_RENDERER=cairo ADW_DEBUG_COLOR_SCHEME=prefer-dark shot "reports-$lang-dark-600" "$lang" reports 600 1000
done

# newuser (#13): every list-detail section folds alike at 600 px through the
# shared layout (the list, then a record open with the back button).
for lang in en es; do
  shot "demands-$lang-600" "$lang" demands 600 760
  shot "press-$lang-600" "$lang" press 600 760
  AMPARO_OPEN_DEMAND="Title 42" shot "demand-open-$lang-600" "$lang" demands 600 1000
  AMPARO_OPEN_RELEASE="Biden Administration" shot "release-open-$lang-600" "$lang" press 600 1000
  shot "clients-$lang-600" "$lang" clients 600 760
  AMPARO_OPEN_CLIENT="Joselyn" shot "client-open-$lang-600" "$lang" clients 600 1000
  shot "agenda-$lang-600" "$lang" agenda 600 760
done

# Preferences → Case Store (#10): this computer or the shared server.
for lang in en es; do
  [ -z "$filter" ] || [[ "store-prefs-$lang" == *$filter* ]] || continue
  GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1200x900x24" dbus-run-session -- \
    "$build/tests/screenshots/prefs-shots" "$out" "$lang" 2>/dev/null
done

# case (#9): a client's Languages row, its searchable list open, and
# Contacts to Re-verify over the window, wide and at 600 px.
for lang in en es; do
  for width in 1200 600; do
    [ -z "$filter" ] || [[ "case-shots-$lang" == *$filter* ]] || continue
    GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1200x1000x24" dbus-run-session -- \
      "$build/tests/screenshots/case-shots" "$out" "$lang" "$width" 2>/dev/null
  done
done

# privacy (#17): the privacy view turned toward a client (Spanish, the
# client's language, whatever the staff's), the idle lock and the journal,
# wide and at 600 px.
for lang in en es; do
  for width in 1200 600; do
    [ -z "$filter" ] || [[ "privacy-shots-$lang" == *$filter* ]] || continue
    GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1200x1000x24" dbus-run-session -- \
      "$build/tests/screenshots/privacy-shots" "$out" "$lang" "$width" "$db" 2>/dev/null
  done
done

# documents (#18): a client's Documents with thumbnails and a damaged
# file's placeholder, wide and at 600 px (its own store, made there).
for lang in en es; do
  [ -z "$filter" ] || [[ "documents-$lang" == *$filter* ]] || continue
  GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1200x900x24" dbus-run-session -- \
    "$build/tests/screenshots/documents-shots" "$out" "$lang" 2>/dev/null
done

# Reports (#16): a client page's Adverse Parties, light and dark, wide and
# at 600 px. Last, because it adds two adverse parties to the sample store
# (through the store, tests/reports/adverse-shots-seed.c); the window is
# tall so the panel, low on the page, is in the shot.
if [ -x "$build/tests/reports/adverse-shots-seed" ] && { [ -z "$filter" ] || [[ adverse == *$filter* ]]; }; then
  "$build/tests/reports/adverse-shots-seed" "$db"
  for lang in en es; do
    GSK_RENDERER=cairo AMPARO_OPEN_CLIENT="Brayan Mejía" shot "adverse-$lang-wide" "$lang" clients 1200 3200
    GSK_RENDERER=cairo AMPARO_OPEN_CLIENT="Brayan Mejía" shot "adverse-$lang-600" "$lang" clients 600 3600
    GSK_RENDERER=cairo ADW_DEBUG_COLOR_SCHEME=prefer-dark AMPARO_OPEN_CLIENT="Brayan Mejía" shot "adverse-$lang-dark-wide" "$lang" clients 1200 3200
    GSK_RENDERER=cairo ADW_DEBUG_COLOR_SCHEME=prefer-dark AMPARO_OPEN_CLIENT="Brayan Mejía" shot "adverse-$lang-dark-600" "$lang" clients 600 3600
  done
fi

# roles (#17): Preferences → Staff and a client record restricted to named staff.
for lang in en es; do
  [ -z "$filter" ] || [[ "staff-prefs-$lang restricted-record-$lang" == *$filter* ]] || continue
  GSK_RENDERER=cairo xvfb-run -a -s "-screen 0 1200x900x24" dbus-run-session -- \
    "$build/tests/screenshots/roles-shots" "$out" "$lang" 2>/dev/null
done

# ocr (#18): Read Hearing Notice, the notice beside the hearing it proposes.
for lang in en es; do
  [ -z "$filter" ] || [[ "notice-read-$lang" == *$filter* ]] || continue
  xvfb-run -a -s '-screen 0 1280x1024x24' dbus-run-session -- \
    "$build/tests/screenshots/notice-shots" "$out" "$lang" 2>/dev/null
done
