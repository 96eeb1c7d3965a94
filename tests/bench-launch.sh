#!/usr/bin/env bash
# Time from launch to the first shown window, and the app's memory, with
# the sample data and with 1 000 projects. Needs a display (run it under
# xvfb-run like the UI tests). Prints figures; asserts nothing about time.
set -euo pipefail

app=$1
cli=$2
runs=${FB_BENCH_RUNS:-5}

if [ -z "${DISPLAY:-}" ] || ! command -v xdotool >/dev/null; then
  echo "bench-launch: needs a display and xdotool; skipped"
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$cli" --db "$tmp/sample.db" demo load >/dev/null

"$cli" --db "$tmp/many.db" demo load >/dev/null
for i in $(seq 1 985); do
  echo "$i"
done | while read -r i; do
  "$cli" --db "$tmp/many.db" project create --title "Forbedringsprosjekt nr. $i" \
    --trust "Oslo universitetssykehus HF" >/dev/null
done

measure () {
  local db=$1 label=$2
  local times=() rss=0

  for _ in $(seq 1 "$runs"); do
    local start end pid
    start=$(date +%s%N)
    "$app" --db "$db" & pid=$!
    until xdotool search --onlyvisible --pid "$pid" --name '^Forbedring$' >/dev/null 2>&1; do
      sleep 0.005
    done
    end=$(date +%s%N)
    times+=($(( (end - start) / 1000000 )))
    sleep 1
    rss=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
    kill "$pid"
    wait "$pid" 2>/dev/null || true
  done

  local sorted
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  echo "launch to first window, $label, median of $runs: $(echo "$sorted" | sed -n "$(( (runs + 1) / 2 ))p") ms (min $(echo "$sorted" | head -1) ms; target about 230 ms)"
  echo "peak RSS, $label: $(( rss / 1024 )) MiB (target < 120 MiB)"
}

measure "$tmp/sample.db" "sample data"
measure "$tmp/many.db" "1000 projects"
