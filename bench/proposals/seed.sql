-- 10,000 proposals in one process of Demo City, for bench/proposals/list.sh. Words are drawn from a
-- small multilingual vocabulary so that searches have something to find and something to miss.
\set ON_ERROR_STOP on
BEGIN;
CREATE TEMP TABLE bench_words (n int PRIMARY KEY, word text);
INSERT INTO bench_words (n, word)
SELECT row_number() OVER () - 1, w FROM unnest(ARRAY[
  'water','school','road','market','trees','light','bench','clinic','bridge','park','bus','library','toilets',
  'eau','école','route','marché','arbres','lumière','santé','pont','jardin','bibliothèque',
  'agua','escuela','camino','mercado','árboles','luz','plaza','puente','biblioteca',
  'água','escola','estrada','árvores','praça','saúde',
  'maji','shule','barabara','soko','miti','taa','afya','daraja','bustani',
  'ماء','مدرسة','طريق','سوق','أشجار','إنارة','حديقة','جسر','مكتبة']) AS w;

WITH org AS (SELECT id FROM organization WHERE slug = 'demo-city'),
process AS (
  INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
  SELECT id, 'Benchmark process', 'Ten thousand proposals.', true, now(), now() FROM org RETURNING id, organization_id)
INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
SELECT organization_id, id, 'Proposals and supports', current_date - 10, current_date + 30,
       now() - interval '10 days', now() + interval '30 days', '{CREATE_PROPOSALS,SUPPORT}' FROM process;

INSERT INTO proposal_category (organization_id, name, created_at)
SELECT o.id, c, now() FROM organization o, unnest(ARRAY['Bench: roads', 'Bench: water', 'Bench: parks', 'Bench: health']) c
WHERE o.slug = 'demo-city' ON CONFLICT DO NOTHING;

INSERT INTO proposal (organization_id, process_id, author_account_id, title, summary, body, category_id, district_code,
                      latitude, longitude, supports, created_at, updated_at)
SELECT p.organization_id, p.id, a.id,
       initcap(w1.word) || ' ' || w2.word || ' ' || w3.word || ' #' || g,
       'Proposal ' || g || ': ' || w2.word || ' for the ' || w4.word || ' of the district.',
       repeat(w1.word || ' ' || w2.word || ' ' || w3.word || ' ' || w4.word || ' and more words about it. ', 12),
       (SELECT id FROM proposal_category c WHERE c.organization_id = p.organization_id AND c.name LIKE 'Bench:%'
        ORDER BY id OFFSET g % 4 LIMIT 1),
       (SELECT code FROM district d WHERE d.organization_id = p.organization_id ORDER BY code OFFSET g % 6 LIMIT 1),
       CASE WHEN g % 3 = 0 THEN -0.42 + ((g % 97) - 48) * 0.0008 END,
       CASE WHEN g % 3 = 0 THEN 36.95 + ((g % 89) - 44) * 0.0008 END,
       (g * 7919) % 500,
       now() - (g || ' minutes')::interval, now()
FROM generate_series(1, 10000) g
JOIN participatory_process p ON p.title = 'Benchmark process'
JOIN account a ON a.login = 'resident@demo.city'
JOIN bench_words w1 ON w1.n = (g * 31) % (SELECT count(*) FROM bench_words)
JOIN bench_words w2 ON w2.n = (g * 17) % (SELECT count(*) FROM bench_words)
JOIN bench_words w3 ON w3.n = (g * 7) % (SELECT count(*) FROM bench_words)
JOIN bench_words w4 ON w4.n = (g * 3) % (SELECT count(*) FROM bench_words);
COMMIT;
-- as autovacuum would soon: statistics, and the visibility map that index-only scans rely on
VACUUM ANALYZE proposal;
SELECT 'process ' || id FROM participatory_process WHERE title = 'Benchmark process';
