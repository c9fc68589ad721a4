#!/usr/bin/python3
"""Print "tests: N passed, M failed" from meson's testlog.json.

GTest programs run with --tap: each "ok"/"not ok" line is one case (a
skipped case counts as neither). Any other test counts as one."""
import json
import re
import sys

passed = failed = 0
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
    elif result in ('OK', 'EXPECTEDFAIL'):
        passed += 1
    elif result == 'SKIP':
        pass
    else:
        failed += 1
print(f'tests: {passed} passed, {failed} failed')
