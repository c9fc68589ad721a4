#!/usr/bin/python3
"""The flatpak manifest must be valid JSON that builds this app with meson
and gives it what it needs: network (website), Wayland with X11 fallback,
IPC, DRI, and the Secret Service for the website password."""
import json
import shutil
import subprocess
import sys

path = sys.argv[1]
manifest = json.load(open(path, encoding='utf-8'))
problems = []
if manifest.get('id') != 'io.github.amparo.Amparo':
    problems.append('id is not io.github.amparo.Amparo')
if manifest.get('command') != 'amparo':
    problems.append('command is not amparo')
if manifest.get('runtime') != 'org.gnome.Platform':
    problems.append('not on the GNOME runtime')
args = set(manifest.get('finish-args', []))
for needed in ('--share=network', '--share=ipc', '--socket=wayland',
               '--socket=fallback-x11', '--device=dri',
               '--talk-name=org.freedesktop.secrets'):
    if needed not in args:
        problems.append('finish-args lack ' + needed)
modules = [m for m in manifest.get('modules', []) if isinstance(m, dict)]
app = [m for m in modules if m.get('name') == 'amparo']
if not app:
    problems.append('no "amparo" module')
elif app[0].get('buildsystem') != 'meson' or not app[0].get('sources'):
    problems.append('the amparo module is not a meson build with sources')

if shutil.which('flatpak-builder'):
    run = subprocess.run(['flatpak-builder', '--show-manifest', path],
                         capture_output=True, text=True)
    if run.returncode != 0 or 'WARNING' in run.stderr:
        problems.append('flatpak-builder --show-manifest: ' + (run.stderr.strip() or 'failed'))

for p in problems:
    print('not ok:', p)
sys.exit(1 if problems else 0)
