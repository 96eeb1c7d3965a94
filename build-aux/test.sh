#!/usr/bin/env bash
# Installs what Forbedring needs, builds it and runs every test, under Xvfb
# with a private session bus where a display is needed. Ends with one line:
# "N passed, N failed, N skipped", and exits non-zero on any failure.
set -uo pipefail
cd "$(dirname "$0")/.."

build-aux/install-deps.sh || exit 1

builddir=${FB_BUILDDIR:-build}
if [ ! -d "$builddir" ]; then
  meson setup "$builddir" || exit 1
fi
ninja -C "$builddir" || { echo "0 passed, 1 failed"; exit 1; }

export GDK_BACKEND=x11 GSK_RENDERER=cairo
rm -f "$builddir/meson-logs/testlog.json"
xvfb-run -a -s '-screen 0 1280x800x24 -noreset' \
  dbus-run-session -- meson test -C "$builddir" --print-errorlogs --num-processes 2 "$@"
status=$?

log="$builddir/meson-logs/testlog.json"
if [ ! -s "$log" ]; then
  echo "0 passed, 1 failed"
  exit 1
fi

summary=$(jq -r -s '"\(map(select(.result=="OK" or .result=="EXPECTEDFAIL"))|length) passed, \(map(select(.result=="FAIL" or .result=="TIMEOUT" or .result=="ERROR" or .result=="UNEXPECTEDPASS"))|length) failed, \(map(select(.result=="SKIP"))|length) skipped"' "$log")
failed=$(jq -r -s 'map(select(.result=="FAIL" or .result=="TIMEOUT" or .result=="ERROR" or .result=="UNEXPECTEDPASS"))|length' "$log")

echo "$summary"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then
  exit 1
fi
exit 0
