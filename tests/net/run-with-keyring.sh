#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs a test program against a private Secret Service: its own session
# bus (dbus-run-session) and a gnome-keyring-daemon unlocked with an empty
# password in throwaway folders, so no real keyring is ever touched.
# Without those tools the test is skipped, in TAP.
set -u

if ! command -v dbus-run-session >/dev/null 2>&1 ||
   ! command -v gnome-keyring-daemon >/dev/null 2>&1; then
  echo "1..0 # SKIP needs dbus-run-session and gnome-keyring-daemon (Debian: dbus, gnome-keyring)"
  exit 0
fi

if [ "${AMPARO_IN_PRIVATE_KEYRING:-}" != 1 ]; then
  AMPARO_IN_PRIVATE_KEYRING=1 exec dbus-run-session -- "$0" "$@" 2>/dev/null
fi

scratch=$(mktemp -d)
trap 'kill "$keyring_pid" 2>/dev/null; rm -rf "$scratch"' EXIT
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
       XDG_RUNTIME_DIR="$scratch/run" XDG_CACHE_HOME="$scratch/cache"
mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_RUNTIME_DIR" "$XDG_CACHE_HOME"
chmod 700 "$XDG_RUNTIME_DIR"

# The daemon must not inherit the tests' fatal warnings or malloc checks.
printf 'amparo-test' | env -u G_DEBUG -u MALLOC_CHECK_ -u MALLOC_PERTURB_ gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
# Wait until the daemon owns org.freedesktop.secrets on our bus. On a
# loaded machine this took longer than the 5 s once given, and the test
# then found no keyring (test-store-preferences-pg failed so): wait up to
# 120 s, and say so in TAP if it never comes.
i=0
while [ $i -lt 1200 ]; do
  if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
       org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q true; then
    break
  fi
  sleep 0.1
  i=$((i + 1))
done
if [ $i -ge 1200 ]; then
  echo "Bail out! gnome-keyring-daemon never owned org.freedesktop.secrets on the test's bus"
  exit 1
fi

"$@"
