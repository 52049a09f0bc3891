-- The secret ballot, in two parts that nothing links (docs/ballot-secrecy.md):
--   voter_roll: WHO voted (one row per person and consultation: the unique key IS "one person, one vote");
--   ballot, ballot_choice: WHAT was voted: no account, no time, random keys, no serial column.
-- Both are written in the same transaction, so a ballot exists if and only if its voter is on the roll.
CREATE TABLE voter_roll (
    organization_id    bigint NOT NULL,
    consultation_id    bigint NOT NULL,
    account_id         bigint NOT NULL,
    channel            text   NOT NULL CHECK (channel IN ('ONLINE', 'BOOTH', 'PAPER')),
    voted_on           date   NOT NULL,
    -- the voter's district when they voted, for turnout by district (published only in aggregate)
    district_code      text,
    -- BOOTH and PAPER: where and by which officer the person was marked as having voted
    booth              text   CHECK (length(booth) BETWEEN 1 AND 80),
    officer_account_id bigint,
    PRIMARY KEY (consultation_id, account_id),
    FOREIGN KEY (organization_id, consultation_id) REFERENCES consultation (organization_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id) ON DELETE RESTRICT,
    CHECK ((channel = 'ONLINE') = (officer_account_id IS NULL)),
    CHECK ((channel = 'ONLINE') = (booth IS NULL))
);

CREATE TABLE ballot (
    id              uuid    PRIMARY KEY DEFAULT gen_random_uuid(),
    organization_id bigint  NOT NULL,
    consultation_id bigint  NOT NULL,
    -- SHA-256 of the receipt code shown once to the voter
    receipt_hash    bytea   NOT NULL CHECK (length(receipt_hash) = 32),
    -- rewritten in random order with the others (in batches while voting, as a whole once closed)
    mixed           boolean NOT NULL DEFAULT false,
    FOREIGN KEY (organization_id, consultation_id) REFERENCES consultation (organization_id, id) ON DELETE RESTRICT,
    UNIQUE (consultation_id, receipt_hash)
);
CREATE INDEX ballot_unmixed ON ballot (consultation_id) WHERE NOT mixed;

-- One row per answer chosen, and one row with no answer for a question left blank.
CREATE TABLE ballot_choice (
    ballot_id       uuid     NOT NULL REFERENCES ballot (id) ON DELETE CASCADE,
    organization_id bigint   NOT NULL,
    consultation_id bigint   NOT NULL,
    question_id     bigint   NOT NULL,
    answer_id       bigint,
    -- RANKED questions: 1 = first choice; null for other kinds and for a blank
    rank            smallint CHECK (rank BETWEEN 1 AND 50),
    FOREIGN KEY (consultation_id, question_id) REFERENCES consultation_question (consultation_id, id) ON DELETE RESTRICT,
    -- the answer must be one of this question of this consultation: a vote for another poll's answer cannot be stored
    FOREIGN KEY (consultation_id, question_id, answer_id)
        REFERENCES consultation_answer (consultation_id, question_id, id) ON DELETE RESTRICT,
    CHECK (answer_id IS NOT NULL OR rank IS NULL)
);
-- (PostgreSQL 14 has no NULLS NOT DISTINCT: a blank is keyed as answer 0, which no answer has)
CREATE UNIQUE INDEX ballot_choice_once ON ballot_choice (ballot_id, question_id, coalesce(answer_id, 0));
CREATE UNIQUE INDEX ballot_choice_rank_once ON ballot_choice (ballot_id, question_id, rank) WHERE rank IS NOT NULL;
CREATE INDEX ballot_choice_tally ON ballot_choice (consultation_id, question_id, answer_id, rank);

-- Paper ballots, counted by officers at each booth after closing and entered as totals.
CREATE TABLE paper_tally (
    organization_id    bigint      NOT NULL,
    consultation_id    bigint      NOT NULL,
    booth              text        NOT NULL CHECK (length(booth) BETWEEN 1 AND 80),
    ballots            integer     NOT NULL CHECK (ballots >= 0),
    -- spoiled or unreadable ballots
    null_ballots       integer     NOT NULL CHECK (null_ballots >= 0 AND null_ballots <= ballots),
    entered_by         bigint      NOT NULL,
    entered_at         timestamptz NOT NULL,
    PRIMARY KEY (consultation_id, booth),
    FOREIGN KEY (organization_id, consultation_id) REFERENCES consultation (organization_id, id) ON DELETE RESTRICT
);

CREATE TABLE paper_tally_count (
    organization_id bigint   NOT NULL,
    consultation_id bigint   NOT NULL,
    booth           text     NOT NULL,
    question_id     bigint   NOT NULL,
    -- null: ballots that left the question blank
    answer_id       bigint,
    rank            smallint CHECK (rank BETWEEN 1 AND 50),
    votes           integer  NOT NULL CHECK (votes >= 0),
    FOREIGN KEY (consultation_id, booth) REFERENCES paper_tally (consultation_id, booth) ON DELETE CASCADE,
    FOREIGN KEY (consultation_id, question_id) REFERENCES consultation_question (consultation_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (consultation_id, question_id, answer_id)
        REFERENCES consultation_answer (consultation_id, question_id, id) ON DELETE RESTRICT
);
CREATE UNIQUE INDEX paper_tally_count_once
    ON paper_tally_count (consultation_id, booth, question_id, coalesce(answer_id, 0), coalesce(rank, 0));
