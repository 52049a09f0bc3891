#!/usr/bin/env bash
# Two builds side by side on this (shared, noisy) machine: starts jar A and jar B at once (same JVM options,
# ./run's unless BARAZA_JAVA_OPTS says otherwise), warms both, then alternates short wrk runs between them so
# both meet the same contention, and reports for each the requests per second, the latency and the JVM CPU
# time per request. The ratio B/A is the figure to trust; bench/compare.sh does the same for JVM options.
# Usage: bench/compare-jars.sh JAR_A JAR_B [path] [rounds]
#   e.g. bench/compare-jars.sh /tmp/before/baraza.jar baraza-app/target/baraza.jar / 8
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
jar_a=$1; jar_b=$2; path=${3:-/}; rounds=${4:-8}
machine=$(bench_machine)

pids=()
stop_both() { for pid in "${pids[@]}"; do BARAZA_PID=$pid bench_stop; done; }
trap stop_both EXIT
for side in a b; do
  port=$BENCH_PORT; [ $side = b ] && port=$((BENCH_PORT + 1))
  jar=$jar_a; [ $side = b ] && jar=$jar_b
  BENCH_JAR=$jar BENCH_PORT=$port BENCH_DATA=$BENCH_OUT/data-$side BENCH_LOG=$BENCH_OUT/server-$side.log bench_start
  pids+=("$BARAZA_PID")
  BENCH_PORT=$port bench_wait_healthy "$(date +%s.%N)" >/dev/null
done

cpu_of() { awk -v tick="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / tick}' "/proc/$1/stat"; }
declare -A cpu requests p50 p99
for side in 0 1; do
  cpu[$side]=0; requests[$side]=0; p50[$side]=""; p99[$side]=""
  wrk -t2 -c50 -d"${BENCH_WARMUP:-30}s" "http://127.0.0.1:$((BENCH_PORT + side))$path" >/dev/null
done
for _ in $(seq 1 "$rounds"); do
  for side in 0 1; do
    before=$(cpu_of "${pids[$side]}")
    out=$(wrk -t2 -c50 -d5s --latency "http://127.0.0.1:$((BENCH_PORT + side))$path")
    after=$(cpu_of "${pids[$side]}")
    cpu[$side]=$(awk -v x="${cpu[$side]}" -v a="$before" -v b="$after" 'BEGIN {print x + b - a}')
    requests[$side]=$(( ${requests[$side]} + $(echo "$out" | awk '/requests in/ {print $1}') ))
    p50[$side]="${p50[$side]} $(echo "$out" | awk '$1=="50%" {print $2}')"
    p99[$side]="${p99[$side]} $(echo "$out" | awk '$1=="99%" {print $2}')"
  done
done

echo "## Side by side: \`$path\`"
echo "$machine"
echo "- command: \`bench/compare-jars.sh $jar_a $jar_b $path $rounds\` ($rounds alternating rounds of \`wrk -t2 -c50 -d5s --latency\` after ${BENCH_WARMUP:-30} s of warm-up each)"
echo "- load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| | jar | requests/s | JVM CPU ms per request | p50 of each round | p99 of each round |"
echo "|---|---|---|---|---|---|"
for side in 0 1; do
  label=A; jar=$jar_a
  [ $side = 1 ] && { label=B; jar=$jar_b; }
  echo "| $label | \`$jar\` | $(( ${requests[$side]} / (rounds * 5) )) | $(awk -v c="${cpu[$side]}" -v n="${requests[$side]}" 'BEGIN {printf "%.3f", 1000 * c / n}') |${p50[$side]} |${p99[$side]} |"
done
