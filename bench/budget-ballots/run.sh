#!/usr/bin/env bash
# Issue 4, "ballot casting throughput and p99 under 500 concurrent voters, beside the PostgreSQL insert ceiling",
# all in one run on 127.0.0.1:
#  VOTERS distinct verified residents, one thread each, signed in with real sessions, released at once to cast an
#  approval budget ballot (two city-wide projects; their district's heading taken part in) in each of EDITIONS
#  editions in balloting, over HTTP (CSRF, census eligibility, ballot rules, voter roll + ballot box + headings +
#  choices in one synchronous-commit transaction, change key for replacing); then every acknowledged receipt is
#  looked up in the box by its hash, and box = roll = acknowledged is checked;
#  ceiling: pgbench with a one-insert script against the same embedded PostgreSQL (-c CLIENTS -j 2 -T SECONDS -n).
# Usage: bench/budget-ballots/run.sh [VOTERS=500] [EDITIONS=10] [SECONDS=20]   (from the repository root)
#   BENCH_JAR=path/to/baraza.jar runs that jar instead of ./run, with ./run's JVM options unless BARAZA_JAVA_OPTS is set.
#   BENCH_WARMUP_EDITIONS=N: N more editions in which every voter casts first, untimed, so the ballot's path is compiled
#   by the JIT before the timed EDITIONS (default 0, as in the first figures; bench/consultations/run.sh has the same)
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_OUT=${BENCH_OUT:-$PWD/bench/out/budget-ballots}
export BENCH_DATA=${BENCH_DATA:-$BENCH_OUT/data}
export BENCH_PORT=${BENCH_PORT:-18504}
. bench/lib.sh
trap bench_stop EXIT
voters=${1:-500}
editions=${2:-10}
seconds=${3:-20}
db_port=${BENCH_DB_PORT:-18506}
clients=${BENCH_PGBENCH_CLIENTS:-20}
warmup=${BENCH_WARMUP_EDITIONS:-0}

bench_need_postgres_client
bench_start_with_database

sql -v voters="$voters" -v editions="$((editions + warmup))" -f bench/budget-ballots/voters.sql >"$BENCH_OUT/editions.txt"
edition_ids=$(cut -d' ' -f1 "$BENCH_OUT/editions.txt" | paste -sd, -)
WARMUP=$warmup java bench/load/CastingLoad.java budgets "$base" "$BENCH_OUT/editions.txt" "$voters" bench-password-2026 "$BENCH_OUT/receipts.txt" \
  "$BARAZA_PID" "$postmaster" | tee "$BENCH_OUT/ballotload.txt" >&2
acknowledged=$(wc -l <"$BENCH_OUT/receipts.txt")
sql -c "DROP TABLE IF EXISTS bench_receipt" -c "CREATE TABLE bench_receipt (edition bigint, code text)"
sql -c "\\copy bench_receipt FROM '$BENCH_OUT/receipts.txt' WITH (DELIMITER ' ')"
found=$(sql -c "SELECT count(*) FROM bench_receipt r WHERE EXISTS (SELECT 1 FROM budget_ballot b WHERE b.edition_id = r.edition
  AND b.receipt_hash = sha256(convert_to('baraza-budget-receipt:' || r.edition || ':' || replace(r.code, '-', ''), 'UTF8')))")
in_box=$(sql -c "SELECT count(*) FROM budget_ballot WHERE edition_id IN ($edition_ids)")
on_roll=$(sql -c "SELECT count(*) FROM budget_voter_roll WHERE edition_id IN ($edition_ids)")
choices=$(sql -c "SELECT count(*) FROM budget_ballot_choice WHERE edition_id IN ($edition_ids)")
# heading rows given a second version after their insert (by the trigger that keeps their arrays of choices)
heading_updates=$(sql -c "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'budget_ballot_heading'")
per_second=$(awk '/^votes_per_second/ {print $2}' "$BENCH_OUT/ballotload.txt")
latency=$(grep '^latency_ms' "$BENCH_OUT/ballotload.txt")
cpu_ms=$(awk '/^server_cpu_ms_per_vote/ {print $2}' "$BENCH_OUT/ballotload.txt")
db_ms=$(awk '/^database_cpu_ms_per_vote/ {print $2}' "$BENCH_OUT/ballotload.txt")

bench_insert_ceiling edition project

echo "## Budget ballots: casting under $voters concurrent voters (issue 4)"
echo "$machine"
echo "- command: \`BENCH_WARMUP_EDITIONS=$warmup bench/budget-ballots/run.sh $voters $editions $seconds\`; PostgreSQL synchronous_commit=$sync_commit"
echo
echo "| acknowledged ballots | ballots/s | latency (ms) | CPU ms per ballot: JVM + PostgreSQL | checked in the database |"
echo "|---|---|---|---|---|"
echo "| $acknowledged of $((voters * (editions + warmup))) (timed: $((voters * editions)) after $((voters * warmup)) warm-up) | $per_second | ${latency#latency_ms } | $cpu_ms + $db_ms | $found of $acknowledged receipts found; box $in_box = roll $on_roll; $choices choices; $heading_updates heading rows updated after insert |"
echo
echo "- ceiling: \`pgbench -n -c $clients -j 2 -T $seconds\` single-row inserts, same server: $tps inserts/s, PostgreSQL CPU ${insert_cpu_ms} ms per insert;"
echo "  ballots/s at $(awk -v v="$per_second" -v t="$tps" 'BEGIN {printf "%.1f", 100 * v / t}')% of it; a ballot costs"
echo "  $(awk -v a="$cpu_ms" -v b="$db_ms" -v c="$insert_cpu_ms" 'BEGIN {printf "%.0f", (a + b) / c}') times an insert in CPU"
