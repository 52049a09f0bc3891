-- The list's queries read only these indexes (index-only scans): the proposals of a process that are not
-- hidden, with what the filters and the count look at. Without them each request read every proposal's
-- row, text and search vector included (10,000 proposals: ~15 MB per request; bench/proposals/RESULTS.md).
DROP INDEX proposal_newest;
DROP INDEX proposal_most_supported;
CREATE INDEX proposal_newest ON proposal (organization_id, process_id, id DESC)
    INCLUDE (supports, category_id, district_code, qualified_at, withdrawn_at) WHERE hidden_at IS NULL;
CREATE INDEX proposal_most_supported ON proposal (organization_id, process_id, supports DESC, id DESC)
    INCLUDE (category_id, district_code, qualified_at, withdrawn_at) WHERE hidden_at IS NULL;

-- The random order: every proposal draws a random place on a circle once; a visitor's order starts at a
-- point of the circle drawn from their seed and goes round it. Each proposal is as likely as any other to
-- open a visitor's list, and a page costs an index range scan of its own length, not a sort of the whole
-- process (hashing and sorting every proposal per visitor cost ~8 ms of database time at 10,000).
ALTER TABLE proposal ADD COLUMN shuffle integer NOT NULL DEFAULT floor(random() * 2147483647)::integer
    CHECK (shuffle >= 0);
CREATE INDEX proposal_shuffled ON proposal (organization_id, process_id, shuffle, id)
    INCLUDE (category_id, district_code, qualified_at, withdrawn_at) WHERE hidden_at IS NULL;
