#!/usr/bin/env bash
# Load on the sync server: pulls of 100 changes and pushes of 10, with wrk
# at 1, 16 and 128 connections on 127.0.0.1. Prints requests/s, p50, p99,
# errors and the server's peak RSS; asserts nothing about time.
#
#   bench-server.sh FORBEDRING_SERVER [DEMO.json]
#
# FB_BENCH_SECONDS sets the length of each run (5 s).
set -euo pipefail

server=$1
demo=${2:-${FB_DEMO_JSON:-/work/shared/data/demo.json}}
seconds=${FB_BENCH_SECONDS:-5}
email=ingrid.eksempelsen@ous.example
password=bench-password-1

if ! command -v wrk >/dev/null || ! command -v curl >/dev/null; then
  echo "bench-server: needs wrk and curl; skipped"
  exit 0
fi
if [ ! -r "$demo" ]; then
  echo "bench-server: no demo data at $demo; skipped"
  exit 0
fi

tmp=$(mktemp -d)
pid=
cleanup () {
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT

uuid () { cat /proc/sys/kernel/random/uuid; }

printf '%s\n' "$password" > "$tmp/password"
"$server" --db "$tmp/server.db" init >/dev/null
"$server" --db "$tmp/server.db" demo load "$demo" --password-file "$tmp/password" >/dev/null

"$server" --db "$tmp/server.db" serve --listen 127.0.0.1:0 --quiet ${FB_BENCH_THREADS:+--threads $FB_BENCH_THREADS} >"$tmp/serve.log" 2>&1 &
pid=$!
port=
for _ in $(seq 1 100); do
  port=$(sed -n 's/^Listening on port \([0-9]*\).*/\1/p' "$tmp/serve.log")
  [ -n "$port" ] && break
  sleep 0.05
done
if [ -z "$port" ]; then
  echo "bench-server: the server did not start:" >&2
  cat "$tmp/serve.log" >&2
  exit 1
fi
base=http://127.0.0.1:$port/api/v1

api () {
  curl -sS --noproxy '*' -H 'Content-Type: application/json' "$@"
}

token=$(api -X POST -d "{\"email\":\"$email\",\"password\":\"$password\"}" "$base/login" |
        sed -n 's/.*"token":"\([^"]*\)".*/\1/p')
if [ -z "$token" ]; then
  echo "bench-server: could not sign in as $email" >&2
  exit 1
fi
auth="Authorization: Bearer $token"
trust=$(python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(next(u["trust_id"] for u in d["users"] if u["email"] == sys.argv[2]))' "$demo" "$email")

# A project and a measure of the user's own, with 300 data points, so that
# a pull of 100 is 100 real records whatever the demo holds.
project=$(uuid)
measure=$(uuid)
push_ok () {
  local answer
  answer=$(api -X POST -H "$auth" --data-binary @- "$base/push")
  if ! grep -q '"status":"applied"' <<<"$answer" || grep -q '"status":"rejected"' <<<"$answer"; then
    echo "bench-server: a setup push was not applied: ${answer:0:400}" >&2
    exit 1
  fi
}
push_ok <<EOF
{"device_id":"bench","batch_id":"$(uuid)","changes":[
 {"entity":"project","id":"$project","fields":{"title":"Lasttest av synkronisering","trust_id":"$trust"}},
 {"entity":"measure","id":"$measure","fields":{"name":"Fall per 1000 liggedøgn","project_id":"$project"}}]}
EOF
for batch in 1 2 3; do
  changes=
  for i in $(seq 1 100); do
    day=$(( (i % 28) + 1 ))
    changes+=$(printf '%s{"entity":"data_point","id":"%s","fields":{"measure_id":"%s","period":"2025-%02d-%02d","value":%d.5,"denominator":1000,"note":"Registrert fra avdelingens rapport"}}' \
      "${changes:+,}" "$(uuid)" "$measure" $(( (batch + i) % 12 + 1 )) "$day" "$i")
  done
  push_ok <<<"{\"device_id\":\"bench\",\"batch_id\":\"$(uuid)\",\"changes\":[$changes]}"
done

visible=$(api -H "$auth" "$base/pull?since=0&limit=100" | grep -o '"entity":' | wc -l)
echo "bench-server: $visible changes in a pull of limit=100; wrk for ${seconds}s per run"

cat >"$tmp/report.lua" <<'EOF'
function done(summary, latency, requests)
  local e = summary.errors
  local errors = e.connect + e.read + e.write + e.status + e.timeout
  io.write(string.format("RESULT %.0f %.2f %.2f %d %d\n",
                         summary.requests / (summary.duration / 1e6),
                         latency:percentile(50) / 1000, latency:percentile(99) / 1000,
                         errors, summary.requests))
end
EOF

cat >"$tmp/pull.lua" <<EOF
wrk.headers["Authorization"] = "Bearer $token"
wrk.path = "/api/v1/pull?since=0&limit=100"
dofile("$tmp/report.lua")
EOF

# Each push is a new batch of 10 new data points: ids from the run, the
# thread and a counter, so no batch or record repeats across runs.
cat >"$tmp/push.lua" <<EOF
local threads = {}
local counter = 0
local run = 0

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  run = tonumber(args[1])
end

function request()
  local parts = {}
  counter = counter + 1
  for i = 1, 10 do
    parts[i] = string.format('{"entity":"data_point","id":"%08x-%04x-4%03x-8%03x-%012x",' ..
                             '"fields":{"measure_id":"$measure","period":"2026-%02d-01",' ..
                             '"value":%d,"denominator":1000}}',
                             run, tid, 0, i, counter, (counter % 12) + 1, counter % 97)
  end
  local body = string.format('{"device_id":"bench-%d","batch_id":"bench-%d-%d-%d","changes":[%s]}',
                             tid, run, tid, counter, table.concat(parts, ","))
  return wrk.format("POST", "/api/v1/push",
                    { ["Authorization"] = "Bearer $token",
                      ["Content-Type"] = "application/json" }, body)
end
dofile("$tmp/report.lua")
EOF

stamp=$(( $(date +%s) % 100000000 ))
runs=0
printf '\n%-6s %6s %10s %9s %9s %7s %9s\n' kind conns 'req/s' 'p50 ms' 'p99 ms' errors requests
for kind in pull push; do
  for conns in 1 16 128; do
    threads=$(( conns < 2 ? 1 : 2 ))
    runs=$(( runs + 1 ))
    out=$(wrk -t "$threads" -c "$conns" -d "${seconds}s" --latency --timeout 5s \
              -s "$tmp/$kind.lua" "http://127.0.0.1:$port/api/v1/$kind" -- $(( stamp * 10 + runs )))
    read -r _ rps p50 p99 errors requests < <(grep '^RESULT' <<<"$out")
    printf '%-6s %6d %10s %9s %9s %7s %9s\n' "$kind" "$conns" "$rps" "$p50" "$p99" "$errors" "$requests"
  done
done

hwm=$(sed -n 's/^VmHWM:[[:space:]]*//p' "/proc/$pid/status")
echo
echo "server peak RSS (VmHWM): $hwm"

# Every push answered was applied, not refused: 10 new points each.
if command -v sqlite3 >/dev/null; then
  q () { sqlite3 "file:$tmp/server.db?mode=ro" "$1" 2>/dev/null || echo '?'; }
  batches=$(q "SELECT count(*) FROM batch WHERE batch_id LIKE 'bench-%'")
  refused=$(q "SELECT count(*) FROM batch WHERE batch_id LIKE 'bench-%' AND answer NOT LIKE '%applied%'
               OR batch_id LIKE 'bench-%' AND answer LIKE '%rejected%'")
  points=$(q "SELECT count(*) FROM record WHERE entity = 'data_point'
              AND json_extract (fields, '\$.measure_id') = '$measure'
              AND json_extract (fields, '\$.note') IS NULL")
  echo "pushed batches stored: $batches, with a refused change: $refused; points from them: $points"
fi
