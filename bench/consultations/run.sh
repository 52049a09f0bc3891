#!/usr/bin/env bash
# Issue 3, figures (a) and (c), with PostgreSQL's own insert rate as the ceiling, all in one run on 127.0.0.1:
#  (a) votes per second and p50/p99 latency: VOTERS distinct verified residents, one thread each, signed in
#      with real sessions, released at once to cast a ballot in each of POLLS open polls over HTTP (CSRF,
#      eligibility, voter roll + ballot box in one synchronous-commit transaction); then every acknowledged
#      receipt is looked up in the ballot box, and box = roll = acknowledged is checked;
#  ceiling: pgbench with a one-insert script against the same embedded PostgreSQL (-c CLIENTS -j 2 -T SECONDS -n);
#  (c) the time to count a consultation of BALLOTS ballots (one single-choice and one top-3 ranked question):
#      the SQL aggregate alone (EXPLAIN ANALYZE) and the JSON results endpoint computing afresh, median of 5;
#      and the one-off seal (the whole box rewritten in random order after closing).
# Usage: bench/consultations/run.sh [VOTERS=500] [POLLS=10] [BALLOTS=400000] [SECONDS=20]   (from the repository root)
#   BENCH_JAR=path/to/baraza.jar runs that jar instead of ./run (which builds when sources changed), with the same
#   JVM options as ./run (-XX:+UseSerialGC -Xmx384m) unless BARAZA_JAVA_OPTS is set.
set -euo pipefail
cd "$(dirname "$0")/../.."
export BENCH_OUT=${BENCH_OUT:-$PWD/bench/out/consultations}
export BENCH_DATA=${BENCH_DATA:-$BENCH_OUT/data}
export BENCH_PORT=${BENCH_PORT:-18494}
. bench/lib.sh
trap bench_stop EXIT
voters=${1:-500}
polls=${2:-10}
ballots=${3:-400000}
seconds=${4:-20}
db_port=${BENCH_DB_PORT:-18496}
clients=${BENCH_PGBENCH_CLIENTS:-20}
# BENCH_WARMUP_POLLS=N: N more polls in which every voter casts first, untimed, so the vote's path is compiled
# by the JIT before the timed POLLS (default 0, as in the first round of figures)
warmup=${BENCH_WARMUP_POLLS:-0}

bench_need_postgres_client
bench_start_with_database
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

# (a) votes
sql -v voters="$voters" -v consultations="$((polls + warmup))" -f bench/consultations/voters.sql >"$BENCH_OUT/polls.txt"
poll_ids=$(cut -d' ' -f1 "$BENCH_OUT/polls.txt" | paste -sd, -)
WARMUP=$warmup java bench/load/CastingLoad.java consultations "$base" "$BENCH_OUT/polls.txt" "$voters" bench-password-2026 "$BENCH_OUT/receipts.txt" \
  "$BARAZA_PID" "$postmaster" | tee "$BENCH_OUT/voteload.txt" >&2
acknowledged=$(wc -l <"$BENCH_OUT/receipts.txt")
sql -c "DROP TABLE IF EXISTS bench_receipt" -c "CREATE TABLE bench_receipt (consultation bigint, code text)"
sql -c "\\copy bench_receipt FROM '$BENCH_OUT/receipts.txt' WITH (DELIMITER ' ')"
found=$(sql -c "SELECT count(*) FROM bench_receipt r WHERE EXISTS (SELECT 1 FROM ballot b WHERE b.consultation_id = r.consultation
  AND b.receipt_hash = sha256(convert_to('baraza-receipt:' || r.consultation || ':' || replace(r.code, '-', ''), 'UTF8')))")
in_box=$(sql -c "SELECT count(*) FROM ballot WHERE consultation_id IN ($poll_ids)")
on_roll=$(sql -c "SELECT count(*) FROM voter_roll WHERE consultation_id IN ($poll_ids)")
votes_per_second=$(awk '/^votes_per_second/ {print $2}' "$BENCH_OUT/voteload.txt")
latency=$(grep '^latency_ms' "$BENCH_OUT/voteload.txt")

# the ceiling: PostgreSQL's own single-row insert rate on the same server
bench_insert_ceiling poll choice

# (c) results of BALLOTS ballots
seed_start=$(date +%s.%N)
consultation=$(sql -v ballots="$ballots" -f bench/consultations/ballots.sql | tail -1)
seed_seconds=$(echo "$(date +%s.%N) - $seed_start" | bc | awk '{printf "%.0f", $1}')
choices=$(sql -c "SELECT count(*) FROM ballot_choice WHERE consultation_id = $consultation")
curl -s -o /dev/null "$base/api/v1/consultations/$consultation/results"   # warm-up (JIT, buffers)
sql_ms=$(for i in 1 2 3 4 5; do sql -v c="$consultation" -f bench/consultations/tally.sql | awk '/Execution Time/ {print $3}'; done | median)
http_ms=$(for i in 1 2 3 4 5; do
  # a new closed_at makes a new results version: the endpoint counts afresh instead of answering from its cache
  sql -c "UPDATE consultation SET closed_at = closed_at + interval '1 microsecond' WHERE id = $consultation"
  curl -s -o "$BENCH_OUT/results.json" -w '%{time_total}\n' "$base/api/v1/consultations/$consultation/results" | awk '{printf "%.0f\n", $1 * 1000}'
done | median)
cached_ms=$(for i in 1 2 3 4 5; do curl -s -o /dev/null -w '%{time_total}\n' "$base/api/v1/consultations/$consultation/results" \
  | awk '{printf "%.1f\n", $1 * 1000}'; done | median)
grep -q '"ballotsInBox":'"$ballots" "$BENCH_OUT/results.json" || echo "warning: results do not count $ballots ballots" >&2
# the seal: the mixing job rewrites the whole box once after closing (it runs every minute)
sql -c "UPDATE consultation SET sealed_at = NULL WHERE id = $consultation"
seal_line=""
for _ in $(seq 1 600); do
  seal_line=$(grep "consultation $consultation sealed" "$BENCH_OUT/server.log" || true)
  [ -n "$seal_line" ] && break
  sleep 1
done
seal_ms=$(echo "$seal_line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')

echo "## Consultations: votes and results (issue 3, figures a and c)"
echo "$machine"
echo "- command: \`bench/consultations/run.sh $voters $polls $ballots $seconds\`; PostgreSQL synchronous_commit=$sync_commit"
echo
echo "### (a) $voters distinct verified voters casting concurrently"
echo "- \`java bench/load/CastingLoad.java consultations\`: one thread per resident, each signed in through /login with its own session"
echo "  and CSRF token, all released at once; each casts one ballot in each of $polls open polls (one single-choice question)"
echo
echo "| acknowledged ballots | votes/s | latency (ms) | CPU ms per vote: JVM + PostgreSQL | checked in the database |"
echo "|---|---|---|---|---|"
cpu_ms=$(awk '/^server_cpu_ms_per_vote/ {print $2}' "$BENCH_OUT/voteload.txt")
db_ms=$(awk '/^database_cpu_ms_per_vote/ {print $2}' "$BENCH_OUT/voteload.txt")
echo "| $acknowledged of $((voters * (polls + warmup))) (timed: $((voters * polls)) after $((voters * warmup)) warm-up) | $votes_per_second | ${latency#latency_ms } | $cpu_ms + $db_ms | $found of $acknowledged receipts found; box $in_box = roll $on_roll |"
echo
echo "### The ceiling: PostgreSQL's single-row insert rate, same server"
echo "- \`pgbench -n -c $clients -j 2 -T $seconds -f insert.sql\` with \`INSERT INTO bench_insert (poll, choice) VALUES (1, 2);\`"
echo "- $tps inserts/s, PostgreSQL CPU ${insert_cpu_ms} ms per insert; votes/s at $(awk -v v="$votes_per_second" -v t="$tps" 'BEGIN {printf "%.1f", 100 * v / t}')% of it"
echo "- by CPU cost, which other work on the machine moves less than wall-clock rates: a vote costs"
echo "  $(awk -v a="$cpu_ms" -v b="$db_ms" -v c="$insert_cpu_ms" 'BEGIN {printf "%.0f", (a + b) / c}') times an insert"
echo "  (a vote is a whole HTTP request: session, CSRF, eligibility, a synchronous commit of 3 inserts, a rendered receipt page)"
echo
echo "### (c) Results of a consultation with $ballots ballots ($choices choices: a single-choice and a top-3 ranked question)"
echo "- seeded with generate_series in ${seed_seconds} s (bench/consultations/ballots.sql)"
echo "- the aggregate alone (EXPLAIN ANALYZE of ResultsQuery's statement, median of 5): ${sql_ms} ms"
echo "- \`GET /api/v1/consultations/$consultation/results\` counting afresh (HTTP + count + Borda + JSON, median of 5): ${http_ms} ms; from cache: ${cached_ms} ms"
echo "- the one-off seal after closing (all $ballots ballots and their choices rewritten in random order): ${seal_ms:-not seen} ms"
