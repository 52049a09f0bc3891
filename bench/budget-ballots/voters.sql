-- Seeds the budget ballot benchmark: :editions participatory budgets in balloting (APPROVAL, at most 3
-- projects per heading; a city-wide heading with 8 feasible projects and one heading per district with 4),
-- and :voters confirmed accounts verified against census records in the six demo districts (password
-- bench-password-2026). Prints one line per edition for the load driver: "edition cityproject,cityproject,…".
-- Usage: psql -v voters=500 -v editions=10 -f voters.sql
\set ON_ERROR_STOP on
\set hash '$argon2id$v=19$m=19456,t=2,p=1$1V/E6jCYdEFE0JXyaBJU/g$MaChur5il96PDlM7m21SnZ8UEws+Ixo5cAnNKFSLrMg'
SELECT id AS org FROM organization WHERE slug = 'demo-city' \gset
CREATE TEMP TABLE bench_edition (edition bigint);
WITH process AS (
    INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
    SELECT :org, 'Budget benchmark ' || g, '', true, now(), now() FROM generate_series(1, :editions) g RETURNING id
), phase AS (
    INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
    SELECT :org, id, 'Balloting', current_date - 2, current_date + 30, now() - interval '2 days', now() + interval '30 days', '{VOTE}'
    FROM process RETURNING process_id
), edition AS (
    INSERT INTO budget_edition (organization_id, process_id, title, ballot_kind, max_projects, created_at, updated_at)
    SELECT :org, process_id, 'Budget benchmark edition ' || process_id, 'APPROVAL', 3, now(), now() FROM phase RETURNING id
)
INSERT INTO bench_edition SELECT id FROM edition;
INSERT INTO budget_heading (organization_id, edition_id, name, district_code, budget, position)
SELECT :org, edition, 'City-wide', NULL, 1000000, 0 FROM bench_edition
UNION ALL
SELECT :org, edition, 'District ' || d, d, 200000, 1
FROM bench_edition, unnest(ARRAY['old-town', 'northgate', 'riverside', 'market', 'hillcrest', 'lakeview']) d;
INSERT INTO budget_project (organization_id, edition_id, heading_id, title, description, estimated_cost, cost, feasibility,
                            valuation_explanation, created_at, updated_at)
SELECT :org, h.edition_id, h.id, h.name || ' project ' || p, 'A benchmark project.', 10000 * p, 10000 * p, 'FEASIBLE', 'Feasible.',
       now(), now()
FROM budget_heading h JOIN bench_edition e ON e.edition = h.edition_id,
     generate_series(1, CASE WHEN h.district_code IS NULL THEN 8 ELSE 4 END) p;
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
SELECT e.edition || ' ' || string_agg(p.id::text, ',' ORDER BY p.id)
FROM bench_edition e JOIN budget_project p ON p.edition_id = e.edition JOIN budget_heading h ON h.id = p.heading_id
WHERE h.district_code IS NULL GROUP BY e.edition ORDER BY e.edition;
