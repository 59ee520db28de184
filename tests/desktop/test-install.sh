#!/usr/bin/env bash
# test-install.sh — `meson install --destdir` puts the desktop data where GNOME looks for it.
# Usage: test-install.sh BUILD_DIR APP_BUILT(true|false)   Prints TAP.
#
# Copyright 2026 The Hark authors
# SPDX-License-Identifier: GPL-3.0-or-later
set -uo pipefail

build=$1
app_built=$2
if [ "$app_built" != true ]; then
  echo "1..0 # SKIP built with -Dapp=false: the desktop data is installed only with the window"
  exit 0
fi

prefix=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "prefix"))')
datadir=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "datadir"))')
bindir=$(meson introspect "$build" --buildoptions |
  python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "bindir"))')
case "$datadir" in /*) ;; *) datadir="$prefix/$datadir" ;; esac
case "$bindir" in /*) ;; *) bindir="$prefix/$bindir" ;; esac

dest=$(mktemp -d "$build/test-install.XXXXXX")
trap 'rm -rf "$dest"' EXIT

if ! meson install -C "$build" --no-rebuild --destdir "$dest" >"$dest.log" 2>&1; then
  echo "Bail out! meson install failed:"
  sed 's/^/# /' "$dest.log"
  rm -f "$dest.log"
  exit 1
fi
rm -f "$dest.log"

share="$dest$datadir"
expected=(
  "$share/applications/org.hark.Hark.desktop"
  "$share/metainfo/org.hark.Hark.metainfo.xml"
  "$share/glib-2.0/schemas/org.hark.Hark.gschema.xml"
  "$share/icons/hicolor/scalable/apps/org.hark.Hark.svg"
  "$share/icons/hicolor/symbolic/apps/org.hark.Hark-symbolic.svg"
  # What the desktop file's Exec= starts.
  "$dest$bindir/hark"
)
echo "1..$((${#expected[@]} + 2))"
n=0
status=0
for f in "${expected[@]}"; do
  n=$((n + 1))
  if [ -s "$f" ]; then
    echo "ok $n ${f#"$dest"}"
  else
    echo "not ok $n ${f#"$dest"} is missing"
    status=1
  fi
done

# The installed schema compiles on its own, as glib-compile-schemas will do on the user's system.
n=$((n + 1))
if glib-compile-schemas --strict --dry-run "$share/glib-2.0/schemas" 2>&1 | sed 's/^/# /'; then
  echo "ok $n installed schema compiles"
else
  echo "not ok $n installed schema does not compile"
  status=1
fi

# Nothing named by the app id lands outside the standard folders.
n=$((n + 1))
stray=$(find "$dest" -name 'org.hark.Hark*' | grep -v -e "^$share/applications/" \
  -e "^$share/metainfo/" -e "^$share/glib-2.0/schemas/" -e "^$share/icons/hicolor/" || true)
if [ -z "$stray" ]; then
  echo "ok $n no stray data files"
else
  echo "not ok $n data files in unexpected places:"
  echo "$stray" | sed 's/^/# /'
  status=1
fi
exit $status
