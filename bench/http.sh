#!/usr/bin/env bash
# Throughput and latency under 50 concurrent clients on 127.0.0.1 with wrk: the home page, the
# districts API, and a static file served by the same server as the ceiling (same run, same
# machine: the ratio holds even though absolute figures move with the load on 2 cores).
# Usage: bench/http.sh [seconds]   (from the repository root)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
trap bench_stop EXIT
duration=${1:-20}

if ! command -v wrk >/dev/null; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk >/dev/null
fi
bench_build
machine=$(bench_machine)
start=$(date +%s.%N); bench_start
bench_wait_healthy "$start" >/dev/null
base="http://127.0.0.1:$BENCH_PORT"

# wrk prints "Requests/sec: N" and a latency distribution; keep rps, p50, p99.
measure() {
  local path=$1 out cpu_before cpu_after
  cpu_before=$(bench_cpu_seconds); pg_before=$(bench_cpu_seconds_postgres)
  out=$(wrk -t2 -c50 -d"${duration}s" --latency "$base$path")
  cpu_after=$(bench_cpu_seconds); pg_after=$(bench_cpu_seconds_postgres)
  echo "$out" >"$BENCH_OUT/wrk$(echo "$path" | tr '/' '_').txt"
  local rps p50 p99 errors
  rps=$(echo "$out" | awk '/^Requests\/sec/ {printf "%.0f", $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu_ms=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$requests" 'BEGIN {printf "%.2f", 1000 * (b - a) / n}')
  pg_ms=$(awk -v a="$pg_before" -v b="$pg_after" -v n="$requests" 'BEGIN {printf "%.2f", 1000 * (b - a) / n}')
  echo "| \`$path\` | $rps | $p50 | $p99 | $cpu_ms | $pg_ms | ${errors:-none} |"
  RPS[$path]=$rps
}

for path in / /api/v1/districts /css/baraza.css; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  [ "$code" = 200 ] || echo "warning: $path answers $code" >&2
done
# Warm-up: the JIT compiles the hot paths before anything is measured. On a busy 2-core machine
# 10 s was not enough: the home page cost 1.9 ms of CPU per request after 10 s, 0.38 ms after 60 s.
warmup=${BENCH_WARMUP:-30}
for path in / /api/v1/districts /css/baraza.css /; do
  wrk -t2 -c50 -d"${warmup}s" "$base$path" >/dev/null
done

declare -A RPS
echo "## HTTP under 50 concurrent clients"
echo "$machine"
echo "- command: \`bench/http.sh $duration\` → for each path \`wrk -t2 -c50 -d${duration}s --latency http://127.0.0.1:$BENCH_PORT<path>\` after ${warmup} s of warm-up on each path (the home page twice)"
echo
echo "| path | requests/s | p50 | p99 | JVM CPU ms per request | PostgreSQL CPU ms per request | errors |"
echo "|---|---|---|---|---|---|---|"
measure /
measure /api/v1/districts
measure /css/baraza.css
echo
echo "- home page at $(awk -v a="${RPS[/]}" -v b="${RPS[/css/baraza.css]}" 'BEGIN {printf "%.0f", 100*a/b}')% of the static-file ceiling; districts API at $(awk -v a="${RPS[/api/v1/districts]}" -v b="${RPS[/css/baraza.css]}" 'BEGIN {printf "%.0f", 100*a/b}')%"
echo "- RSS after load: JVM $(bench_rss_jvm) MB"
echo "- sizes: / $(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base/") B gzip, /api/v1/districts $(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base/api/v1/districts") B gzip (wrk sends no Accept-Encoding: it measures uncompressed responses)"
