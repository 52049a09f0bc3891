#!/usr/bin/env bash
# Start-up time and idle memory: the README's run command (./run, jar already built) until the first
# 200 on /actuator/health, five times on a data directory that already exists (the everyday case),
# plus once on an empty one (the first run: initdb + migrations + demo data).
# Usage: bench/startup.sh   (from the repository root; only 127.0.0.1 is used)
set -euo pipefail
cd "$(dirname "$0")/.."
. bench/lib.sh
trap bench_stop EXIT
bench_build
machine=$(bench_machine)

rm -rf "$BENCH_DATA"
start=$(date +%s.%N); bench_start
first=$(bench_wait_healthy "$start")
curl -s -o /dev/null "http://127.0.0.1:$BENCH_PORT/"
bench_stop

times=()
cpus=()
for run in 1 2 3 4 5; do
  start=$(date +%s.%N); bench_start
  times+=("$(bench_wait_healthy "$start")")
  cpus+=("$(bench_cpu_seconds)")
  home=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$BENCH_PORT/")
  [ "$home" = 200 ] || { echo "home page answered $home" >&2; exit 1; }
  if [ $run = 5 ]; then
    sleep 10  # let start-up garbage settle before reading idle memory
    jvm=$(bench_rss_jvm); pg=$(bench_rss_postgres)
  fi
  bench_stop
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
median_cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n 3p)

echo "## Start-up and idle memory"
echo "$machine"
echo "- command: \`bench/startup.sh\` (./run with the jar built; BARAZA_PORT=$BENCH_PORT, BARAZA_DATA_DIR=bench/out/data)"
echo "- first run on an empty data directory (initdb, migrations, demo data): ${first} s"
echo "- start-up to first 200 on /actuator/health, 5 runs: ${times[*]} s → median **${median} s**"
echo "- CPU time the JVM spent until then: ${cpus[*]} s → median ${median_cpu} s (on 2 cores, wall time can be as low as about half of it)"
echo "- idle RSS 10 s after start: JVM **${jvm} MB**, embedded PostgreSQL (all its processes, PSS) ${pg} MB"
