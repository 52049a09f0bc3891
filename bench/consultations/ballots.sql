-- Seeds the results benchmark: a consultation that has closed with :ballots ballots cast online, each
-- answering a single-choice question (4 answers) and ranking 3 of 5 projects (top-3): 1 + 3 choices per
-- ballot. Every ballot has its voter on the roll (a seeded account each, spread over the six districts),
-- exactly as CastBallot leaves them. Prints the consultation's id.
-- Usage: psql -v ballots=400000 -f ballots.sql
\set ON_ERROR_STOP on
SELECT id AS org FROM organization WHERE slug = 'demo-city' \gset
INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
VALUES (:org, 'Results benchmark', '', true, now(), now()) RETURNING id AS process \gset
INSERT INTO consultation (organization_id, process_id, title, opens_at, closes_at, created_at)
VALUES (:org, :process, 'Which projects for 2027?', now() - interval '10 days', now() + interval '1 day', now()) RETURNING id AS c \gset
INSERT INTO consultation_question (organization_id, consultation_id, position, text, kind, max_choices)
VALUES (:org, :c, 1, 'Which square first?', 'SINGLE', 1) RETURNING id AS q1 \gset
INSERT INTO consultation_question (organization_id, consultation_id, position, text, kind, max_choices)
VALUES (:org, :c, 2, 'Rank three projects', 'RANKED', 3) RETURNING id AS q2 \gset
INSERT INTO consultation_answer (organization_id, consultation_id, question_id, position, text)
SELECT :org, :c, :q1, a, 'Square ' || a FROM generate_series(1, 4) a;
INSERT INTO consultation_answer (organization_id, consultation_id, question_id, position, text)
SELECT :org, :c, :q2, a, 'Project ' || a FROM generate_series(1, 5) a;
SELECT min(id) AS a1 FROM consultation_answer WHERE question_id = :q1 \gset
SELECT min(id) AS p1 FROM consultation_answer WHERE question_id = :q2 \gset

CREATE TEMP TABLE seeded_voter AS
WITH made AS (
    INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, confirmed_at, created_at)
    SELECT :org, 'results-bench-' || :c || '-' || g || '@bench.example', 'email', 'x', 'Results voter', now(), now()
    FROM generate_series(1, :ballots) g
    RETURNING id)
SELECT id, row_number() OVER (ORDER BY id) AS n FROM made;
INSERT INTO voter_roll (organization_id, consultation_id, account_id, channel, voted_on, district_code)
SELECT :org, :c, id, 'ONLINE', current_date - (n % 7)::int,
       (ARRAY['old-town', 'northgate', 'riverside', 'market', 'hillcrest', 'lakeview'])[1 + n % 6]
FROM seeded_voter;
-- ballots in random-key order, as the box holds them once sealed
CREATE TEMP TABLE seeded_ballot AS
SELECT gen_random_uuid() AS id, n FROM generate_series(1, :ballots) n;
INSERT INTO ballot (id, organization_id, consultation_id, receipt_hash, mixed)
SELECT id, :org, :c, sha256(convert_to('bench-receipt-' || :c || '-' || n, 'UTF8')), true FROM seeded_ballot ORDER BY id;
-- answer and ranking drawn from the ballot number, skewed so the tally is not uniform
INSERT INTO ballot_choice (ballot_id, organization_id, consultation_id, question_id, answer_id, rank)
SELECT id, :org, :c, :q1, CASE WHEN n % 50 = 0 THEN NULL ELSE :a1 + (n::bigint * n) % 4 END, NULL FROM seeded_ballot
UNION ALL
SELECT id, :org, :c, :q2, :p1 + ((n + r * (1 + n % 4)) % 5), r FROM seeded_ballot, generate_series(1, 3) r
ORDER BY 1;
-- closed, and sealed: the rows are already in random-key order, so the mixing job leaves them alone
UPDATE consultation SET closes_at = now() - interval '1 second', closed_at = now() - interval '1 second', sealed_at = now()
WHERE id = :c;
ANALYZE ballot;
ANALYZE ballot_choice;
ANALYZE voter_roll;
SELECT :c;
