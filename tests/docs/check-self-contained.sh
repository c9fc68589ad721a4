#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# A fresh clone stands alone: README.md, HACKING.md and docs/ name no path
# outside the repository ("../" anything), and no file in the tree points
# at the design folder the project grew up next to ("../shared", or its
# DESIGN.md, STYLE.md, GLOSSARY.md, PLATFORM-NOTES.md, now under docs/).
top=${1:?usage: check-self-contained.sh SOURCE_ROOT}
cd "$top" || exit 1
status=0

hits=$(grep -n -- '\.\./' README.md HACKING.md $(find docs -type f -name '*.md') 2>/dev/null)
if [ -n "$hits" ]; then
  echo "These lines point outside the repository:"
  echo "$hits"
  status=1
fi

hits=$(grep -rIn --exclude-dir='.git' --exclude-dir='build*' --exclude-dir='b' \
         --exclude='check-self-contained.sh' -e '\.\./shared' -e '/work/shared' \
         -e 'DESIGN\.md' -e 'STYLE\.md' -e 'GLOSSARY\.md' -e 'PLATFORM-NOTES\.md' . 2>/dev/null)
if [ -n "$hits" ]; then
  echo "These files refer to a folder outside the repository:"
  echo "$hits"
  status=1
fi

for doc in docs/architecture.md docs/style.md docs/glossary.md docs/platform-notes.md docs/decisions.md; do
  [ -s "$doc" ] || { echo "missing: $doc"; status=1; }
done

[ $status = 0 ] && echo "ok: README.md, HACKING.md and docs/ stand alone"
exit $status
