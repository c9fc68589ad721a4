#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Reads the real Amparo window through AT-SPI, as a screen reader does.

Usage: a11y-check.py AMPARO_BINARY PO_FILE LANGUAGE [--uninstalled-only]

The binary is started exactly as a developer starts it from the build
(`./build/src/amparo --language=es`): the accessibility bus on, and none of
the environment variables that point at the build's translations or schema.
Then, in LANGUAGE:
  - the section switcher shows the section names in that language;
  - every button and input has an accessible name (not GTK's fallback, the
    widget's type name), and in Spanish no name is an English interface
    string (an msgid of PO_FILE whose translation differs);
  - each row of the client list reads, as Orca hears it, the person's name,
    age, whereabouts and next hearing in that language.
With --uninstalled-only only the first check runs, on an empty store.
TAP output, one line per check.
"""

import os
import re
import subprocess
import sys
import tempfile
import time

# This reader is not under test: libatspi warns when it asks GTK for a
# cache GTK 4.8 does not offer, and the test environment's fatal-warnings
# would stop the reader there. GLib reads G_DEBUG as it loads, so before gi.
APP_DEBUG = os.environ.pop('G_DEBUG', None)

import gi  # noqa: E402
gi.require_version('Atspi', '2.0')
from gi.repository import Atspi  # noqa: E402

SECTIONS = {
    'en': ['Clients', 'Agenda', 'Press Releases', 'Demands', 'Reports'],
    'es': ['Clientes', 'Agenda', 'Comunicados', 'Exigencias', 'Informes'],
}
# What a client row says about age and the next hearing, by language.
ROW_WORDS = {
    'en': [re.compile(r'\b(years?|months?|Age unknown)\b', re.I),
           re.compile(r'Next hearing|No hearing scheduled')],
    'es': [re.compile(r'\b(años?|mes(es)?|Edad desconocida)\b', re.I),
           re.compile(r'Próxima audiencia|Sin audiencia')],
}
MAIN_MENU = {'en': 'Main Menu', 'es': 'Menú principal'}
# Windows opened from the main menu and checked too: (menu item, a label
# only that window shows).
MENU_WINDOWS = {
    'en': [('Preferences', 'Case Store')],
    'es': [('Preferencias', 'Archivo de casos')],
}
CONTROL_ROLES = {
    'push button', 'toggle button', 'check box', 'radio button', 'entry',
    'text', 'password text', 'spin button', 'combo box', 'switch', 'slider',
}
# The language buttons name each language in itself ("English" in the
# Spanish window too), so a person finds their language whatever is showing.
NAMED_IN_ITSELF = {'English', 'EN'}
TYPE_NAME = re.compile(r'^(Gtk|Adw|Amparo)[A-Z]\w*$')

results = []


def check(ok, what, details=''):
    results.append(ok)
    print(('ok' if ok else 'not ok') + f' {len(results)} - {what}')
    if not ok and details:
        for line in details.splitlines():
            print('# ' + line)


def read_po(path):
    """msgid → msgstr for the entries whose translation differs."""
    entries, key, msgid, msgstr = {}, None, [], []
    with open(path, encoding='utf-8') as po:
        for line in po:
            line = line.strip()
            if line.startswith('msgctxt') or line.startswith('msgid '):
                if msgid and key == 'msgstr':
                    entries[''.join(msgid)] = ''.join(msgstr)
                if line.startswith('msgctxt'):
                    msgid, msgstr, key = [], [], 'ctxt'
                    continue
                msgid, msgstr, key = [], [], 'msgid'
                line = line[len('msgid'):].strip()
            elif line.startswith('msgid_plural'):
                key = 'plural'
                continue
            elif line.startswith('msgstr'):
                key = 'msgstr'
                line = line.split(' ', 1)[1] if ' ' in line else '""'
            if line.startswith('"') and key in ('msgid', 'msgstr'):
                text = bytes(line[1:-1], 'utf-8').decode('unicode_escape')
                text = text.encode('latin-1').decode('utf-8')
                (msgid if key == 'msgid' else msgstr).append(text)
    if msgid and key == 'msgstr':
        entries[''.join(msgid)] = ''.join(msgstr)
    return {k: v for k, v in entries.items() if k and v and k != v}


def english_matchers(po_entries):
    """Exact English strings, and patterns for the ones with %s or %d."""
    exact, patterns = set(), []
    for msgid in po_entries:
        if '\n' in msgid or len(msgid) < 3:
            continue
        if '%' in msgid:
            parts = re.split(r'%(?:\d\$)?[sdu]|%l?ld|%' r"'?d", msgid)
            if sum(len(p) for p in parts) >= 8:
                patterns.append(re.compile(
                    '^' + '.+'.join(re.escape(p) for p in parts) + '$'))
        else:
            exact.add(msgid)
            exact.add(msgid.replace('_', ''))
    return exact, patterns


def spoken(name):
    """The name as heard: GTK 4.8 joins a button's mnemonic label and its
    child label ("_Save Save"); a screen reader says the words once."""
    words = name.replace('_', '').split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        words = words[:half]
    return ' '.join(words)


def children(node):
    for i in range(node.get_child_count()):
        child = node.get_child_at_index(i)
        if child is not None:
            yield child


def walk(node, parent_role=None):
    try:
        role = node.get_role_name()
    except gi.repository.GLib.Error:
        return
    yield node, role, parent_role
    for child in children(node):
        yield from walk(child, role)


def is_visible(node):
    # GTK 4.8 sets VISIBLE but never SHOWING.
    return node.get_state_set().contains(Atspi.StateType.VISIBLE)


def heard(node):
    """What Orca reads for a list row: its name, or its visible texts."""
    name = node.get_name()
    if name:
        return name
    texts = []
    for child, role, _ in walk(node):
        if role == 'label' and is_visible(child):
            texts.append(child.get_name())
    return ', '.join(t for t in texts if t)


# How long one step may wait for the window to show what it should. Only
# a hang reaches it; a slow machine just takes longer.
STEP_SECONDS = 240


def find_app(process):
    deadline = time.monotonic() + STEP_SECONDS
    pid = process.pid
    while time.monotonic() < deadline and process.poll() is None:
        desktop = Atspi.get_desktop(0)
        for app in children(desktop):
            try:
                if app.get_process_id() == pid and app.get_child_count() > 0:
                    return app
            except gi.repository.GLib.Error:
                pass
        time.sleep(0.2)
    return None


def why_not_shown(process, app_log):
    status = process.poll()
    app_log.flush()
    app_log.seek(0)
    last = app_log.read()[-2000:]
    state = 'still running' if status is None else f'exited with status {status}'
    return f'amparo {state}; it said:\n{last}'


def wait_for(app, predicate, seconds=STEP_SECONDS):
    """Polls the tree until predicate(nodes) holds; returns the nodes."""
    deadline = time.monotonic() + seconds
    nodes = []
    while time.monotonic() < deadline:
        try:
            nodes = list(walk(app))
            if predicate(nodes):
                break
        except gi.repository.GLib.Error:
            pass  # a widget left the window while being read: read again
        time.sleep(0.3)
    return nodes


def main():
    binary, po_file, language = sys.argv[1:4]
    if not os.environ.get('DISPLAY') and not os.environ.get('WAYLAND_DISPLAY'):
        print('1..0 # SKIP no display (run under xvfb-run)')
        sys.exit(0)
    uninstalled_only = '--uninstalled-only' in sys.argv
    tmp = tempfile.mkdtemp(prefix='amparo-a11y-')
    env = dict(os.environ)
    # Exactly as a developer runs it: accessibility on, no pointers to the
    # build's translations or schema.
    for var in ('NO_AT_BRIDGE', 'GTK_A11Y', 'AMPARO_LOCALEDIR',
                'GSETTINGS_SCHEMA_DIR', 'LANGUAGE'):
        env.pop(var, None)
    env['XDG_DATA_HOME'] = tmp
    env['XDG_CONFIG_HOME'] = tmp
    env['XDG_CACHE_HOME'] = tmp
    env['GSETTINGS_BACKEND'] = 'memory'
    if APP_DEBUG:
        env['G_DEBUG'] = APP_DEBUG
    args = [binary, f'--language={language}']
    if uninstalled_only:
        # A store of its own, so it is a window of its own: on the default
        # store the app is a single instance, and a copy already on the
        # session bus would take this one's window and exit at once (what
        # a CI run showed: not ok within a second).
        args += [f'--database={os.path.join(tmp, "own.db")}', '--create']
    else:
        database = os.path.join(tmp, 'a11y.db')
        subprocess.run([binary, f'--database={database}', '--create', '--load-sample-data'],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        args.append(f'--database={database}')
        # A record open in every section, so the editors' rows and buttons
        # are in the tree too: a separated child, a release, a demand.
        env['AMPARO_OPEN_CLIENT'] = 'Wilmer Tzul'
        env['AMPARO_OPEN_RELEASE'] = 'Biden Administration'
        env['AMPARO_OPEN_DEMAND'] = 'Title 42'

    Atspi.init()
    # The app's messages go to a file, so a window that never shows up is
    # reported with why (its exit status and last words), not just "not ok".
    app_log = open(os.path.join(tmp, 'amparo.log'), 'w+', encoding='utf-8')
    process = subprocess.Popen(args, env=env, stderr=app_log)
    try:
        app = find_app(process)
        check(app is not None, 'the window shows up on the accessibility bus',
              why_not_shown(process, app_log))
        if app is None:
            return
        want = SECTIONS[language]
        nodes = wait_for(app, lambda ns: all(
            any(r == 'page tab' and n.get_name() == s for n, r, _ in ns)
            for s in want))
        tabs = sorted({n.get_name() for n, r, _ in nodes if r == 'page tab'})
        check(all(s in tabs for s in want),
              f'the sections are named in {language}: {", ".join(want)}',
              'found: ' + ', '.join(tabs))
        if uninstalled_only:
            return
        nodes = wait_for(app, lambda ns: sum(
            1 for n, r, p in ns if r == 'list item' and p == 'list'
            and ROW_WORDS[language][1].search(heard(n) or '')) >= 3)
        check_names(nodes, language, po_file)
        check_client_rows(nodes, language)
        for item, mark in MENU_WINDOWS[language]:
            nodes = open_from_main_menu(app, language, item, mark)
            if nodes:
                check_names(nodes, language, po_file, f'with {item} open')
    finally:
        process.terminate()
        process.wait(timeout=30)
    print(f'1..{len(results)}')


def click(node):
    # GTK 4.8 puts the "click" action on a menu button's inner toggle.
    for candidate in [node] + [c for c, _, _ in walk(node)]:
        if Atspi.Action.get_n_actions(candidate) > 0:
            Atspi.Action.do_action(candidate, 0)
            return True
    return False


def open_from_main_menu(app, language, item, mark):
    """Opens a window from the main menu as a person would; returns the
    app's nodes once a label only that window shows is there. Other
    tests' windows share the X display with no window manager, and a
    window that maps takes the focus, which closes an open menu: so the
    menu is opened again until its item shows (a person would too)."""
    menu = [n for n, r, _ in walk(app)
            if r == 'push button' and n.get_name() == MAIN_MENU[language]]
    check(bool(menu) and click(menu[0]), f'the main menu opens ({item})')
    entries = []
    deadline = time.monotonic() + STEP_SECONDS
    while menu and not entries and time.monotonic() < deadline:
        nodes = wait_for(app, lambda ns: any(r == 'menu item' and n.get_name() == item
                                             for n, r, _ in ns), seconds=10)
        entries = [n for n, r, _ in nodes if r == 'menu item' and n.get_name() == item]
        if not entries:
            click(menu[0])
    check(bool(entries) and click(entries[0]), f'the menu item {item} opens its window')
    nodes = wait_for(app, lambda ns: any(n.get_name() == mark for n, _, _ in ns))
    found = any(n.get_name() == mark for n, _, _ in nodes)
    check(found, f'{item} shows “{mark}”')
    return nodes if found else None


def check_names(nodes, language, po_file, where=''):
    unnamed, english = [], []
    exact, patterns = english_matchers(read_po(po_file))
    for node, role, parent_role in nodes:
        if role not in CONTROL_ROLES or parent_role == 'combo box':
            continue
        name = node.get_name() or ''
        if not name.strip() or TYPE_NAME.match(name):
            unnamed.append(f'{role} {name!r} in {describe(node)}')
        elif language == 'es':
            said = spoken(name)
            if said in NAMED_IN_ITSELF:
                continue
            if said in exact or any(p.match(said) for p in patterns):
                english.append(f'{role} {name!r} in {describe(node)}')
    where = f' {where}' if where else ''
    check(not unnamed, f'every button and input has a name ({language}){where}',
          '\n'.join(unnamed))
    if language == 'es':
        check(not english, f'no button or input is named in English{where}',
              '\n'.join(english))


def describe(node):
    """The nearest named ancestors, to find the widget in the .ui files."""
    path = []
    parent = node.get_parent()
    while parent is not None and len(path) < 3:
        name = parent.get_name()
        if name:
            path.append(name)
        parent = parent.get_parent()
    return ' < '.join(path) or '(top)'


def check_client_rows(nodes, language):
    rows = [heard(n) for n, r, p in nodes
            if r == 'list item' and p == 'list' and is_visible(n)
            and ROW_WORDS[language][1].search(heard(n) or '')]
    check(len(rows) >= 3, f'the client list reads its rows ({len(rows)})',
          '\n'.join(rows))
    age, hearing = ROW_WORDS[language]
    bad = [row for row in rows
           if len(row.split(', ')) < 4 or not age.search(row) or not hearing.search(row)]
    check(rows and not bad,
          'each client row reads name, age, whereabouts and next hearing',
          '\n'.join(bad or rows))
    for row in rows[:3]:
        print('# heard: ' + row)


if __name__ == '__main__':
    main()
    sys.exit(0 if results and all(results) else 1)
