-- The statement ResultsQuery runs to count a consultation's ballot box (kept in step with
-- baraza-app/src/main/java/org/baraza/participation/results/ResultsQuery.java), under EXPLAIN ANALYZE.
-- Usage: psql -v c=CONSULTATION -f tally.sql
EXPLAIN (ANALYZE, TIMING OFF)
SELECT NULL::bigint AS question_id, NULL::bigint AS answer_id, NULL::smallint AS rank, count(*) AS votes
FROM ballot WHERE consultation_id = :c
UNION ALL
SELECT question_id, answer_id, rank, count(*) FROM ballot_choice WHERE consultation_id = :c
GROUP BY question_id, answer_id, rank;
