#!/usr/bin/env bash
# Compares two configurations side by side on this (shared, noisy) machine: starts Baraza twice,
# with JVM options A and B (JVM flags, or -Dspring.property=value), warms both, then alternates
# short wrk runs between them so both meet the same contention, and reports for each the JVM CPU
# time per request, the requests per second and the RSS. The ratio B/A is the figure to trust.
# Usage: bench/compare.sh "OPTIONS A" "OPTIONS B" [path] [rounds]
#   e.g. bench/compare.sh "" "-XX:+UseSerialGC -Xmx256m" /
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
options_a=$1; options_b=$2; path=${3:-/}; rounds=${4:-8}
bench_build
machine=$(bench_machine)

pids=()
stop_both() { for pid in "${pids[@]}"; do BARAZA_PID=$pid bench_stop; done; }
trap stop_both EXIT
for side in a b; do
  port=$BENCH_PORT; [ $side = b ] && port=$((BENCH_PORT + 1))
  options=$options_a; [ $side = b ] && options=$options_b
  BARAZA_JAVA_OPTS=$options BENCH_PORT=$port BENCH_DATA=$BENCH_OUT/data-$side BENCH_LOG=$BENCH_OUT/server-$side.log bench_start
  pids+=("$BARAZA_PID")
  BENCH_PORT=$port bench_wait_healthy "$(date +%s.%N)" >/dev/null
done
idle_a=$(( $(ps -o rss= -p "${pids[0]}") / 1024 )); idle_b=$(( $(ps -o rss= -p "${pids[1]}") / 1024 ))

cpu_of() { awk -v tick="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tick}' "/proc/$1/stat"; }
declare -A cpu requests
for side in 0 1; do
  cpu[$side]=0; requests[$side]=0
  wrk -t2 -c50 -d"${BENCH_WARMUP:-30}s" "http://127.0.0.1:$((BENCH_PORT + side))$path" >/dev/null
done
for _ in $(seq 1 "$rounds"); do
  for side in 0 1; do
    before=$(cpu_of "${pids[$side]}")
    out=$(wrk -t2 -c50 -d5s "http://127.0.0.1:$((BENCH_PORT + side))$path")
    after=$(cpu_of "${pids[$side]}")
    cpu[$side]=$(awk -v x="${cpu[$side]}" -v a="$before" -v b="$after" 'BEGIN {print x + b - a}')
    requests[$side]=$(( ${requests[$side]} + $(echo "$out" | awk '/requests in/ {print $1}') ))
  done
done

echo "## Side by side: \`$path\`"
echo "$machine"
echo "- command: \`bench/compare.sh \"$options_a\" \"$options_b\" $path $rounds\` ($rounds alternating rounds of \`wrk -t2 -c50 -d5s\` after ${BENCH_WARMUP:-30} s of warm-up each)"
echo
echo "| | JVM options | requests/s | JVM CPU ms per request | idle RSS | RSS after |"
echo "|---|---|---|---|---|---|"
for side in 0 1; do
  label=A; options=$options_a; idle=$idle_a
  [ $side = 1 ] && { label=B; options=$options_b; idle=$idle_b; }
  echo "| $label | \`${options:-none}\` | $(( ${requests[$side]} / (rounds * 5) )) | $(awk -v c="${cpu[$side]}" -v n="${requests[$side]}" 'BEGIN {printf "%.3f", 1000 * c / n}') | $idle MB | $(( $(ps -o rss= -p "${pids[$side]}") / 1024 )) MB |"
done
