#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the privacy view of the real Amparo window through AT-SPI.

Usage: privacy-check.py AMPARO_BINARY LANGUAGE

privacy (#17). The binary is started as a developer starts it, on the
sample store, with one client's page open. The check presses the header
button "Show the Client Their Record" through AT-SPI, as a screen reader
user would, then reads everything the window offers on the bus: the
client's name is there, and no other person of the store is, by full
name in either order, nor are the client's other names or notes. The
button to leave speaks the staff's language. TAP output.
"""

import csv
import os
import subprocess
import sys
import tempfile
import time

# Not under test, and libatspi warns on GTK 4.8 (see a11y-check.py).
APP_DEBUG = os.environ.pop('G_DEBUG', None)

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi, GLib  # noqa: E402

CLIENT = 'Wilmer Estuardo Tzul Ixcoy'
BUTTON = {'en': 'Show the Client Their Record', 'es': 'Mostrar al cliente su expediente'}
LEAVE = {'en': 'Staff: Return to Amparo…', 'es': 'Personal: volver a Amparo…'}
# The client reads Spanish first ("quc,spa"): the view is in Spanish.
HEADING = 'Su expediente'
STEP_SECONDS = 240

results = []


def check(ok, what, details=''):
    results.append(ok)
    print(('ok' if ok else 'not ok') + f' {len(results)} - {what}')
    if not ok and details:
        for line in details.splitlines():
            print('# ' + line)


def children(node):
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield child


def walk(node):
    try:
        role = node.get_role_name()
    except GLib.Error:
        return
    yield node, role
    try:
        kids = list(children(node))
    except GLib.Error:
        return
    for child in kids:
        yield from walk(child)


def name_of(node):
    """A node's name, or '' for a widget that left the window meanwhile
    (the privacy view rebuilds its rows as the client's dates load)."""
    try:
        return node.get_name() or ''
    except GLib.Error:
        return ''


def said(node):
    """A node's name, and its text when it has a text interface."""
    try:
        parts = [node.get_name() or '']
    except GLib.Error:
        return ''  # a widget that left the window while being read
    try:
        text = node.get_text_iface()
        if text is not None:
            parts.append(Atspi.Text.get_text(text, 0, Atspi.Text.get_character_count(text)))
    except (GLib.Error, AttributeError, TypeError):
        pass
    return ' '.join(p for p in parts if p)


def find_app(process):
    deadline = time.monotonic() + STEP_SECONDS
    while time.monotonic() < deadline and process.poll() is None:
        for app in children(Atspi.get_desktop(0)):
            try:
                if app.get_process_id() == process.pid and app.get_child_count() > 0:
                    return app
            except GLib.Error:
                pass
        time.sleep(0.2)
    return None


def wait_for(app, predicate):
    deadline = time.monotonic() + STEP_SECONDS
    nodes = []
    while time.monotonic() < deadline:
        try:
            nodes = list(walk(app))
            if predicate(nodes):
                break
        except GLib.Error:
            pass  # the tree changed under the reader: read it again
        time.sleep(0.3)
    return nodes


def click(node):
    for candidate in [node] + [c for c, _ in walk(node)]:
        if Atspi.Action.get_n_actions(candidate) > 0:
            Atspi.Action.do_action(candidate, 0)
            return True
    return False


def other_people(binary, env, database, tmp):
    """Every other person in the store, as the list and the page write them."""
    path = os.path.join(tmp, 'persons.csv')
    subprocess.run([binary, f'--database={database}', f'--export-csv={path}'],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    names, own = [], []
    with open(path, encoding='utf-8-sig') as f:
        for row in csv.DictReader(f):
            given, family = row['Given names'], row['Family names']
            if f'{given} {family}' == CLIENT:
                own = [n for n in (row['Aliases'], row['Notes']) if n]
                continue
            names += [f'{given} {family}', f'{family}, {given}']
    return names, own


def main():
    binary, language = sys.argv[1:3]
    if not os.environ.get('DISPLAY'):
        print('1..0 # SKIP no display (run under xvfb-run)')
        sys.exit(0)
    tmp = tempfile.mkdtemp(prefix='amparo-privacy-')
    env = dict(os.environ)
    for var in ('NO_AT_BRIDGE', 'GTK_A11Y', 'LANGUAGE'):
        env.pop(var, None)
    env.update(XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp, XDG_CACHE_HOME=tmp,
               GSETTINGS_BACKEND='memory', AMPARO_OPEN_CLIENT=CLIENT)
    if APP_DEBUG:
        env['G_DEBUG'] = APP_DEBUG
    database = os.path.join(tmp, 'privacy.db')
    subprocess.run([binary, f'--database={database}', '--create', '--load-sample-data'],
                   env=env, check=True, stdout=subprocess.DEVNULL)
    others, own = other_people(binary, env, database, tmp)
    check(len(others) >= 10, f'the sample store has other people ({len(others) // 2})')

    Atspi.init()
    process = subprocess.Popen([binary, f'--database={database}', f'--language={language}'], env=env)
    try:
        app = find_app(process)
        check(app is not None, 'the window shows up on the accessibility bus')
        if app is None:
            return
        # The client page is open and the list names other people.
        nodes = wait_for(app, lambda ns: any(r == 'push button' and name_of(n) == BUTTON[language]
                                             for n, r in ns)
                         and any(o in said(n) for n, _ in ns for o in others))
        before = [o for o in others if any(o in said(n) for n, _ in nodes)]
        check(bool(before), 'before: the staff view names other clients', '')
        buttons = [n for n, r in nodes if r == 'push button' and name_of(n) == BUTTON[language]]
        check(bool(buttons) and click(buttons[0]), f'the header button “{BUTTON[language]}” is pressed')

        nodes = wait_for(app, lambda ns: any(HEADING in said(n) for n, _ in ns))
        texts = [said(n) for n, _ in nodes]
        check(any(HEADING in t for t in texts), f'the privacy view shows “{HEADING}”')
        check(any(CLIENT in t for t in texts), f'it names the client, {CLIENT}')
        seen = sorted({o for o in others for t in texts if o in t})
        check(not seen, 'no other client’s name is anywhere on the bus', '\n'.join(seen))
        leaked = [o for o in own for t in texts if o in t]
        check(not leaked, 'nor the client’s other names or notes', '\n'.join(leaked))
        leave = [n for n, r in nodes if r == 'push button' and LEAVE[language] in name_of(n).replace('_', '')]
        check(bool(leave), f'the staff’s way out speaks {language}: “{LEAVE[language]}”')
    finally:
        if process.poll() is not None:
            check(False, f'Amparo is still running (it ended with {process.returncode})')
        process.terminate()
        process.wait(timeout=30)
    print(f'1..{len(results)}')


if __name__ == '__main__':
    main()
    sys.exit(0 if results and all(results) else 1)
