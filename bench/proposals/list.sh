#!/usr/bin/env bash
# Issue 3, figure (b): the proposals list page for anonymous visitors with 10,000 proposals in the
# database, under 50 concurrent clients on 127.0.0.1 (wrk -t2 -c50 --latency), beside the static-file
# ceiling measured in the same run. wrk keeps no cookies, so every request is a new visitor: a new random
# order is drawn and sorted for each one (the default and most expensive order), and the seed cookie is set.
# Usage: bench/proposals/list.sh [seconds]   (from the repository root; default 20)
#   BENCH_JAR=path/to/baraza.jar runs that jar instead of ./run (which builds when sources changed);
#   BENCH_ARGS="--some.setting=value" passes arguments to it.
# wrk's --timeout is 10 s rather than its default 2 s, so that slow requests count in the latencies
# instead of being dropped as socket timeouts.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_PORT=${BENCH_PORT:-18590}
export BENCH_OUT=${BENCH_OUT:-$PWD/bench/out/proposals}
export BENCH_DATA=${BENCH_DATA:-$BENCH_OUT/data}
. bench/lib.sh
trap bench_stop EXIT
duration=${1:-20}
db_port=${BENCH_DB_PORT:-18591}

for tool in wrk psql; do
  if ! command -v $tool >/dev/null; then
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo=sudo
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q wrk postgresql-client >/dev/null
  fi
done
rm -rf "$BENCH_DATA"
machine=$(bench_machine)
start=$(date +%s.%N)
if [ -n "${BENCH_JAR:-}" ]; then
  BARAZA_PORT=$BENCH_PORT BARAZA_DATA_DIR=$BENCH_DATA BARAZA_EMBEDDED_DB_PORT=$db_port \
    java ${BARAZA_JAVA_OPTS:-} -jar "$BENCH_JAR" ${BENCH_ARGS:-} >"$BENCH_OUT/server.log" 2>&1 &
  BARAZA_PID=$!
else
  bench_build
  BARAZA_EMBEDDED_DB_PORT=$db_port bench_start
fi
bench_wait_healthy "$start" >/dev/null
base="http://127.0.0.1:$BENCH_PORT"

seeded=$( { time -p sql -f bench/proposals/seed.sql; } 2>"$BENCH_OUT/seed-time.txt" )
process=$(echo "$seeded" | awk '/^process / {print $2}')
seconds=$(awk '/^real/ {print $2}' "$BENCH_OUT/seed-time.txt")
count=$(sql -c "SELECT count(*) FROM proposal WHERE process_id = $process")
list="/processes/$process/proposals"

for path in "$list" /css/baraza.css; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "$base$path")
  [ "$code" = 200 ] || { echo "$path answers $code" >&2; exit 1; }
done

# CPU seconds used so far by the embedded PostgreSQL (postmaster and its backends, which the pool keeps open).
db_cpu_seconds() {
  local pids total=0
  pids=$(pgrep -f "postgres -D $BENCH_DATA" || true)
  for pid in $pids; do
    for p in $pid $(pgrep -P "$pid" || true); do
      total=$(awk -v t="$total" '{print t + $14 + $15}' "/proc/$p/stat" 2>/dev/null || echo "$total")
    done
  done
  awk -v t="$total" -v tick="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / tick}'
}

measure() {
  local path=$1 out cpu_before cpu_after db_before db_after rps p50 p99 errors requests cpu_ms db_ms
  cpu_before=$(bench_cpu_seconds)
  db_before=$(db_cpu_seconds)
  out=$(wrk -t2 -c50 -d"${duration}s" --latency --timeout 10s "$base$path")
  cpu_after=$(bench_cpu_seconds)
  db_after=$(db_cpu_seconds)
  echo "$out" >"$BENCH_OUT/wrk$(echo "$path" | tr '/?&=' '____').txt"
  rps=$(echo "$out" | awk '/^Requests\/sec/ {printf "%.0f", $2}')
  p50=$(echo "$out" | awk '$1=="50%" {print $2}')
  p99=$(echo "$out" | awk '$1=="99%" {print $2}')
  errors=$(echo "$out" | awk '/Non-2xx|Socket errors/ {print}' | tr '\n' ' ')
  requests=$(echo "$out" | awk '/requests in/ {print $1}')
  cpu_ms=$(awk -v a="$cpu_before" -v b="$cpu_after" -v n="$requests" 'BEGIN {printf "%.2f", 1000 * (b - a) / n}')
  db_ms=$(awk -v a="$db_before" -v b="$db_after" -v n="$requests" 'BEGIN {printf "%.2f", 1000 * (b - a) / n}')
  echo "| \`$path\` | $rps | $p50 | $p99 | $cpu_ms | $db_ms | ${errors:-none} |"
  RPS[$path]=$rps
}

paths=("$list" "$list?sort=supports" "$list?q=water+school" "$list?sort=newest&page=400"
       "/api/v1/processes/$process/proposals" /css/baraza.css)
# Warm-up: the JIT compiles the hot paths, PostgreSQL caches the table, before anything is measured
# (on a loaded machine 10 s of one path was not enough: the first path measured paid for the others).
for path in "${paths[@]}" "$list"; do
  wrk -t2 -c50 -d10s "$base$path" >/dev/null
done

declare -A RPS
echo "## Proposals list with 10,000 proposals, anonymous visitors, 50 concurrent clients"
echo "$machine"
echo "- data: $count proposals in one process of Demo City, seeded in ${seconds} s by \`bench/proposals/seed.sql\` (generate_series)"
echo "- command: \`bench/proposals/list.sh $duration\` → for each path \`wrk -t2 -c50 -d${duration}s --latency --timeout 10s http://127.0.0.1:$BENCH_PORT<path>\` after 10 s of warm-up on each"
echo
echo "| path | requests/s | p50 | p99 | JVM CPU ms per request | PostgreSQL CPU ms per request | errors |"
echo "|---|---|---|---|---|---|---|"
for path in "${paths[@]}"; do
  measure "$path"
done
echo
echo "- list page (random order, a new visitor each request) at $(awk -v a="${RPS[$list]}" -v b="${RPS[/css/baraza.css]}" 'BEGIN {printf "%.0f", 100*a/b}')% of the static-file ceiling"
echo "- sizes: list page $(curl -s -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$base$list") B gzip, $(curl -s -o /dev/null -w '%{size_download}' "$base$list") B plain (wrk sends no Accept-Encoding)"
echo "- RSS after load: JVM $(bench_rss_jvm) MB"
echo
echo "Query plans of the random page's ids and of the count, from the same database (EXPLAIN ANALYZE):"
echo
echo '```'
org=$(sql -c "SELECT organization_id FROM participatory_process WHERE id = $process")
where="p.organization_id = $org AND p.process_id = $process AND p.hidden_at IS NULL AND p.withdrawn_at IS NULL"
sql -c "EXPLAIN (ANALYZE, TIMING OFF) SELECT id FROM ((SELECT p.id, 0 AS part, p.shuffle FROM proposal p WHERE $where AND p.shuffle >= 1234567 ORDER BY p.shuffle, p.id LIMIT 20) UNION ALL (SELECT p.id, 1 AS part, p.shuffle FROM proposal p WHERE $where AND p.shuffle < 1234567 ORDER BY p.shuffle, p.id LIMIT 20)) rotated ORDER BY part, shuffle, id LIMIT 20" | grep -E "Scan|Execution" | sed 's/^ *//'
sql -c "EXPLAIN (ANALYZE, TIMING OFF) SELECT count(*) FROM proposal p WHERE $where" | grep -E "Scan|Execution" | sed 's/^ *//'
echo '```'
