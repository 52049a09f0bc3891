#!/usr/bin/env bash
# Results of a heading with 400,000 ballots on demand: inserts them with generate_series into the embedded test
# database, times reading the box, computing (mes-add1 and greedy, each with the greedy comparison) and the HTTP
# pages. Prints the BENCH lines; RESULTS.md records a run. Usage: bench/budget-results/run.sh [ballots]
set -euo pipefail
cd "$(dirname "$0")/../.."
BALLOTS="${1:-400000}"
BUILD_DIR="${BARAZA_BENCH_BUILD_DIR:-/tmp/build-bench-budget-results}"
mvn -q -B -o -pl baraza-app -Dbaraza.build.dir="$BUILD_DIR" verify \
  -Dtest='NoSuchTest*' -Dit.test='BudgetResultsBenchmarkIT' \
  -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dbaraza.bench.budgetResults=true -Dbaraza.bench.ballots="$BALLOTS" >"$BUILD_DIR.log" 2>&1 || true
grep -h "^BENCH" "$BUILD_DIR.log" || { echo "no figures: see $BUILD_DIR.log" >&2; exit 1; }
