#!/usr/bin/python3
"""Print "tests: N passed, M failed" from meson's testlog.json.

GTest programs run with --tap: each "ok"/"not ok" line is one case (a
skipped case counts as neither). Any other test counts as one."""
import json
import re
import sys

passed = failed = 0
# What each failed test said last: CI keeps only the end of the output, so
# the reason must sit next to the summary line, not pages above it.
why = []


def explain(test):
    name = test.get('name', '?')
    out = (test.get('stdout') or '').splitlines()
    err = (test.get('stderr') or '').splitlines()
    said = [l for l in out + err
            if (re.match(r'^(not ok|Bail out!|#)', l) or 'ERROR' in l or 'CRITICAL' in l)
            and '-DEBUG: ' not in l]
    tail = said[-6:] or (out + err)[-6:]
    why.append(f'why {name} failed ({test.get("result")}):')
    why.extend('  ' + l[:300] for l in tail)


try:
    lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
except OSError:
    lines = []
for line in lines:
    if not line.strip():
        continue
    test = json.loads(line)
    result = test.get('result')
    cases = [l for l in (test.get('stdout') or '').splitlines()
             if re.match(r'^(not )?ok\b', l)]
    if cases and result not in ('TIMEOUT', 'ERROR'):
        for case in cases:
            if re.search(r'#\s*SKIP', case, re.I):
                continue
            if case.startswith('not ok') and not re.search(r'#\s*TODO', case, re.I):
                failed += 1
            else:
                passed += 1
        if result == 'FAIL' and not any(c.startswith('not ok') for c in cases):
            failed += 1
        if result == 'FAIL':
            explain(test)
    elif result in ('OK', 'EXPECTEDFAIL'):
        passed += 1
    elif result == 'SKIP':
        pass
    else:
        failed += 1
        explain(test)
if why:
    print('\n'.join(why))
print(f'tests: {passed} passed, {failed} failed')
