-- Seeds the vote benchmark: a published process in a voting phase, :consultations open polls with one
-- single-choice question of three answers, and :voters confirmed accounts verified against census records
-- (password bench-password-2026). Prints one line per poll for the load driver: "poll question answers".
-- Usage: psql -v voters=500 -v consultations=10 -f voters.sql
\set ON_ERROR_STOP on
\set hash '$argon2id$v=19$m=19456,t=2,p=1$1V/E6jCYdEFE0JXyaBJU/g$MaChur5il96PDlM7m21SnZ8UEws+Ixo5cAnNKFSLrMg'
SELECT id AS org FROM organization WHERE slug = 'demo-city' \gset
INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
VALUES (:org, 'Benchmark process', '', true, now(), now()) RETURNING id AS process \gset
INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
VALUES (:org, :process, 'Voting', current_date - 2, current_date + 30, now() - interval '2 days', now() + interval '30 days', '{VOTE}');
INSERT INTO consultation (organization_id, process_id, title, opens_at, closes_at, created_at)
SELECT :org, :process, 'Benchmark poll ' || g, now() - interval '1 hour', now() + interval '1 day', now()
FROM generate_series(1, :consultations) g;
INSERT INTO consultation_question (organization_id, consultation_id, position, text, kind, max_choices)
SELECT :org, c.id, 1, 'Which project first?', 'SINGLE', 1 FROM consultation c WHERE c.process_id = :process;
INSERT INTO consultation_answer (organization_id, consultation_id, question_id, position, text)
SELECT :org, q.consultation_id, q.id, a, 'Project ' || a
FROM consultation_question q JOIN consultation c ON c.id = q.consultation_id, generate_series(1, 3) a
WHERE c.process_id = :process;
INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, confirmed_at, created_at)
SELECT :org, 'bench-voter-' || g || '@bench.example', 'email', :'hash', 'Bench voter ' || g, now(), now()
FROM generate_series(1, :voters) g
ON CONFLICT DO NOTHING;
INSERT INTO census_record (organization_id, document_hash, birth_date, district_code, imported_at)
SELECT :org, decode(md5('bench-doc-' || g) || md5('bench-doc-again-' || g), 'hex'), date '1980-01-01',
       (ARRAY['old-town', 'northgate', 'riverside', 'market', 'hillcrest', 'lakeview'])[1 + g % 6], now()
FROM generate_series(1, :voters) g
ON CONFLICT DO NOTHING;
INSERT INTO census_binding (organization_id, document_hash, account_id, bound_at)
SELECT :org, decode(md5('bench-doc-' || g) || md5('bench-doc-again-' || g), 'hex'), a.id, now()
FROM generate_series(1, :voters) g JOIN account a ON a.organization_id = :org AND a.login = 'bench-voter-' || g || '@bench.example'
ON CONFLICT DO NOTHING;
SELECT c.id || ' ' || q.id || ' ' || string_agg(a.id::text, ',' ORDER BY a.position)
FROM consultation c JOIN consultation_question q ON q.consultation_id = c.id JOIN consultation_answer a ON a.question_id = q.id
WHERE c.process_id = :process GROUP BY c.id, q.id ORDER BY c.id;
