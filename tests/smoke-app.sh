#!/usr/bin/env bash
# Starts the built app on an empty database and waits for its window.
# Needs a display (the test script runs the suite under Xvfb).
set -euo pipefail

app=$1
if [ -z "${DISPLAY:-}" ]; then
  echo "1..0 # SKIP no display"
  exit 77
fi

tmp=$(mktemp -d)
trap 'kill "$pid" 2>/dev/null || true; rm -rf "$tmp"' EXIT

XDG_DATA_HOME="$tmp/data" "$app" & pid=$!

for _ in $(seq 1 200); do
  if xdotool search --onlyvisible --pid "$pid" --name '^Forbedring$' >/dev/null 2>&1 &&
     [ -s "$tmp/data/forbedring/forbedring.db" ]; then
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "the app exited early" >&2
      exit 1
    fi
    # The window came up, on an empty database created where it belongs.
    echo "window shown"
    exit 0
  fi
  sleep 0.05
done

echo "no window within 10 s" >&2
exit 1
