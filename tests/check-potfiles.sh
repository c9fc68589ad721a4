#!/bin/sh
# Every file with translatable strings is in po/POTFILES.in, and the Spanish
# translation covers every string the sources use: nothing untranslated,
# nothing fuzzy.
set -u
top=${1:-.}
cd "$top" || exit 1
status=0
marked=$( { grep -rlE '\b(_|N_|C_|NC_)\(' src 2>/dev/null; \
            grep -rl 'translatable="yes"' ui resources 2>/dev/null; } | sort -u)
for f in $marked; do
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "not in po/POTFILES.in: $f"
    status=1
  fi
done
for f in $(grep -v '^#' po/POTFILES.in); do
  [ -f "$f" ] || { echo "listed in po/POTFILES.in but missing: $f"; status=1; }
done
stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null po/es.po 2>&1)
echo "po/es.po: $stats"
case "$stats" in
  *untranslated*|*fuzzy*|*rror*) status=1 ;;
esac
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if xgettext --from-code=UTF-8 -f po/POTFILES.in -k_ -kN_ -kC_:1c,2 -kNC_:1c,2 \
     -o "$tmp/amparo.pot" 2>"$tmp/err"; then
  missing=$(msgcmp --use-untranslated po/es.po "$tmp/amparo.pot" 2>&1 | grep -c 'used but not defined')
  if [ "$missing" -gt 0 ]; then
    echo "po/es.po lacks $missing message(s) the sources use; run ninja amparo-update-po and translate"
    status=1
  fi
else
  cat "$tmp/err"
  status=1
fi
exit $status
