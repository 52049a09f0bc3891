#!/usr/bin/env bash
# Builds the PB engine's JMH benchmarks (module baraza-bench, Maven profile "bench") and runs them
# locally, then writes bench/pb/RESULTS.md: the machine, the commands, mean ± error per file and
# rule, beside pabutools' recorded times (shared/data/pabulib/expected-pabutools.json) as ratios.
#
#   bench/pb/run.sh            every benchmark, -f 1 -wi 3 -i 5 (1 s iterations)
#   bench/pb/run.sh brief      under 10 minutes: parse and the five rules Baraza offers (greedy, mes,
#                              mes-add1, mes-add1-greedy, phragmen) on the largest file (Poland_Krakow_2024)
#                              and the synthetic city, -f 1 -wi 2 -i 3; mes-add1 on its four slowest files
#                              (Hungary_Budapest_2024 first) single-shot, 10 after 10 warm-up runs
#   bench/pb/run.sh bounded    the same, but the heavier rules (phragmen, the add1 rules) timed
#                              single-shot (-bm ss -wi 1 -i 3), on the large files and on
#                              Hungary_Budapest_2024: finishes in ~20 min
#
# Every JMH run is bounded by BENCH_TIMEOUT seconds (default 5400). Raw JSON in bench/out/pb/.
set -euo pipefail
cd "$(dirname "$0")/../.."
PLAN=${1:-full}
OUT=bench/out/pb
mkdir -p "$OUT"
rm -f "$OUT"/jmh-*.json "$OUT"/commands.txt
uptime >"$OUT/load-at-start.txt"
DATA=${PABULIB_DIR:-$(cd .. && pwd)/shared/data/pabulib}
TIMEOUT=${BENCH_TIMEOUT:-5400}

mvn -q -B -Dstyle.color=never -Pbench -pl baraza-pb,baraza-bench package -DskipTests
JAR=baraza-bench/target/benchmarks.jar
STANDARD=(-f 1 -wi 3 -i 5 -w 1s -r 1s -tu ms -jvmArgsAppend "-Dbaraza.pabulib=$DATA")

run() { # run NAME JMH-ARGS...
  local name=$1; shift
  local cmd=(java -jar "$JAR" "$@" -rf json -rff "$OUT/jmh-$name.json")
  printf '%s\n' "${cmd[*]}" >>"$OUT/commands.txt"
  timeout "$TIMEOUT" "${cmd[@]}" 2>&1 | tee "$OUT/jmh-$name.log" | grep -E '^(# Benchmark:|# Parameters|Benchmark|[A-Za-z]+Benchmark\.)' || true
}

LIGHT=greedy,mes,auto
# mes-add1's slowest files: Budapest's forint steps, and three whose outcome changes at every step.
SLOWEST="Hungary_Budapest_2024.pb,France_Toulouse_2024.pb,Poland_Warszawa_2019_Ursynow.pb,Poland_Warszawa_2026.pb"
BIG="Poland_Krakow_2024.pb,Poland_Wroclaw_2015_150_-_500.pb,Poland_Warszawa_2026.pb,Poland_Lodz_2022.pb,Hungary_Budapest_2022_VIII_Jozsefvaros.pb"
case "$PLAN" in
  full)
    run all "${STANDARD[@]}" ;;
  brief)
    SHORT=(-f 1 -wi 2 -i 3 -w 1s -r 1s -tu ms -jvmArgsAppend "-Dbaraza.pabulib=$DATA")
    FIVE=greedy,mes,mes-add1,mes-add1-greedy,phragmen
    run parse "${SHORT[@]}" ParseBenchmark -p file=Poland_Krakow_2024.pb,$SLOWEST
    run cityparse "${SHORT[@]}" SyntheticCityBenchmark.parseEveryHeading
    run largest "${SHORT[@]}" RuleBenchmark -p file=Poland_Krakow_2024.pb -p rule=$FIVE
    run city "${SHORT[@]}" SyntheticCityBenchmark.applyToEveryHeading -p rule=$FIVE
    run slowest -f 1 -wi 10 -i 10 -bm ss -tu ms -jvmArgsAppend "-Dbaraza.pabulib=$DATA" RuleBenchmark \
      -p rule=mes-add1 -p file=$SLOWEST ;;
  bounded)
    run parse "${STANDARD[@]}" 'ParseBenchmark|SyntheticCityBenchmark'
    run light "${STANDARD[@]}" RuleBenchmark -p rule=$LIGHT
    run heavy -f 1 -wi 1 -i 3 -bm ss -tu ms -jvmArgsAppend "-Dbaraza.pabulib=$DATA" RuleBenchmark \
      -p rule=phragmen,mes-add1,mes-add1-greedy,equalshares/add1 -p file=$BIG
    run heavy-hungary -f 1 -wi 1 -i 3 -bm ss -tu ms -jvmArgsAppend "-Dbaraza.pabulib=$DATA" RuleBenchmark \
      -p rule=phragmen,mes-add1,mes-add1-greedy,equalshares/add1 -p file=Hungary_Budapest_2024.pb ;;
  *)
    echo "usage: bench/pb/run.sh [full|brief|bounded]" >&2; exit 64 ;;
esac

python3 bench/pb/results.py "$OUT" "$DATA/expected-pabutools.json" "bench/pb/run.sh $PLAN" >bench/pb/RESULTS.md
echo "wrote bench/pb/RESULTS.md"
