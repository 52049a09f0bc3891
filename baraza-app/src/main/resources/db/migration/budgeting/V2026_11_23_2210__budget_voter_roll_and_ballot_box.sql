-- The secret budget ballot, as for consultations (docs/ballot-secrecy.md), in two parts nothing links:
--   budget_voter_roll: WHO voted in an edition (the primary key IS "one person, one ballot");
--   budget_ballot, budget_ballot_heading, budget_ballot_choice: WHAT was voted, with no account, no time,
--   random keys and no serial column.
-- Both are written in one transaction. An online voter may replace their ballot until voting closes:
-- the roll keeps change_key = SHA-256 over (edition, account, receipt) and the box keeps receipt_hash =
-- SHA-256 over (edition, receipt); only someone holding the receipt (the voter) can compute both, so the
-- database alone links neither way. Replacing deletes the old ballot and inserts the new one under a
-- fresh receipt, in one transaction.
CREATE TABLE budget_voter_roll (
    organization_id    bigint NOT NULL,
    edition_id         bigint NOT NULL,
    account_id         bigint NOT NULL,
    channel            text   NOT NULL CHECK (channel IN ('ONLINE', 'BOOTH', 'PAPER')),
    voted_on           date   NOT NULL,
    -- the voter's district when they voted, for turnout by district (published only in aggregate)
    district_code      text,
    booth              text   CHECK (length(booth) BETWEEN 1 AND 80),
    officer_account_id bigint,
    change_key         bytea  CHECK (length(change_key) = 32),
    PRIMARY KEY (edition_id, account_id),
    FOREIGN KEY (organization_id, edition_id) REFERENCES budget_edition (organization_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id) ON DELETE RESTRICT,
    CHECK ((channel = 'ONLINE') = (officer_account_id IS NULL)),
    CHECK ((channel = 'ONLINE') = (booth IS NULL)),
    CHECK (channel = 'ONLINE' OR change_key IS NULL)
);

CREATE TABLE budget_ballot (
    id              uuid    PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id bigint  NOT NULL,
    edition_id      bigint  NOT NULL,
    -- SHA-256 of the receipt code shown once to the voter; null for a paper sheet entered by an officer
    receipt_hash    bytea   CHECK (length(receipt_hash) = 32),
    -- rewritten in random order with the others (in batches while voting, as a whole once closed)
    mixed           boolean NOT NULL DEFAULT false,
    FOREIGN KEY (organization_id, edition_id) REFERENCES budget_edition (organization_id, id) ON DELETE RESTRICT,
    UNIQUE (edition_id, receipt_hash)
);
CREATE INDEX budget_ballot_unmixed ON budget_ballot (edition_id) WHERE NOT mixed;

-- The headings a ballot takes part in, even with no project chosen there: the voters of a heading's
-- election (the n of the Method of Equal Shares) are exactly these rows.
CREATE TABLE budget_ballot_heading (
    ballot_id       uuid   NOT NULL REFERENCES budget_ballot (id) ON DELETE CASCADE,
    organization_id bigint NOT NULL,
    edition_id      bigint NOT NULL,
    heading_id      bigint NOT NULL,
    PRIMARY KEY (ballot_id, heading_id),
    FOREIGN KEY (edition_id, heading_id) REFERENCES budget_heading (edition_id, id) ON DELETE RESTRICT
);
CREATE INDEX budget_ballot_heading_count ON budget_ballot_heading (edition_id, heading_id);

CREATE UNIQUE INDEX budget_project_in_heading ON budget_project (edition_id, heading_id, id);

-- One row per project chosen. points: 1 for approval and knapsack ballots, the points given on a
-- cumulative ballot; rank: 1 = first choice on a ranked ballot, else null.
CREATE TABLE budget_ballot_choice (
    ballot_id       uuid     NOT NULL,
    organization_id bigint   NOT NULL,
    edition_id      bigint   NOT NULL,
    heading_id      bigint   NOT NULL,
    project_id      bigint   NOT NULL,
    points          integer  NOT NULL DEFAULT 1 CHECK (points BETWEEN 1 AND 1000),
    rank            smallint CHECK (rank BETWEEN 1 AND 1000),
    PRIMARY KEY (ballot_id, project_id),
    FOREIGN KEY (ballot_id, heading_id) REFERENCES budget_ballot_heading (ballot_id, heading_id) ON DELETE CASCADE,
    -- a project of another heading or edition cannot be stored on this ballot
    FOREIGN KEY (edition_id, heading_id, project_id) REFERENCES budget_project (edition_id, heading_id, id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX budget_ballot_choice_rank_once ON budget_ballot_choice (ballot_id, heading_id, rank) WHERE rank IS NOT NULL;
CREATE INDEX budget_ballot_choice_tally ON budget_ballot_choice (edition_id, heading_id, project_id);
