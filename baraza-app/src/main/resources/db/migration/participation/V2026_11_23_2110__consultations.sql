-- Consultations (polls) held in a process, their questions and answers.
CREATE TABLE consultation (
    id                     bigserial   PRIMARY KEY,
    organization_id        bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    process_id             bigint      NOT NULL,
    title                  text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description            text        NOT NULL DEFAULT '' CHECK (length(description) <= 20000),
    opens_at               timestamptz NOT NULL,
    closes_at              timestamptz NOT NULL,
    -- eligibility beyond "a verified resident": of this district (by code), of at least this age on the day they vote
    eligible_district_code text        CHECK (length(eligible_district_code) BETWEEN 1 AND 40),
    minimum_age            smallint    CHECK (minimum_age BETWEEN 1 AND 120),
    -- set when the consultation stopped taking ballots: at closes_at (noticed on the first request or by
    -- the watch afterwards) or earlier by an admin (closed_early_by)
    closed_at              timestamptz,
    closed_early_by        bigint,
    -- the ballot box was shuffled as a whole after closing (see docs/ballot-secrecy.md)
    sealed_at              timestamptz,
    created_at             timestamptz NOT NULL,
    FOREIGN KEY (organization_id, process_id) REFERENCES participatory_process (organization_id, id) ON DELETE RESTRICT,
    UNIQUE (organization_id, id),
    CHECK (closes_at > opens_at)
);
CREATE INDEX consultation_process ON consultation (organization_id, process_id, opens_at);
CREATE INDEX consultation_to_close ON consultation (closes_at) WHERE closed_at IS NULL;

CREATE TABLE consultation_question (
    id              bigserial PRIMARY KEY,
    organization_id bigint    NOT NULL,
    consultation_id bigint    NOT NULL,
    -- questions are shown in this order; deleting one leaves a gap, which is harmless
    position        integer   NOT NULL CHECK (position >= 1),
    text            text      NOT NULL CHECK (length(text) BETWEEN 1 AND 500),
    kind            text      NOT NULL CHECK (kind IN ('SINGLE', 'MULTIPLE', 'RANKED', 'YES_NO')),
    -- MULTIPLE: the most answers a voter may choose; RANKED: how many answers a voter may rank (top-k); else 1
    max_choices     smallint  NOT NULL CHECK (max_choices BETWEEN 1 AND 50),
    -- YES_NO on a qualified proposal: the proposal asked about (the proposals module's id)
    proposal_id     bigint,
    FOREIGN KEY (organization_id, consultation_id) REFERENCES consultation (organization_id, id) ON DELETE CASCADE,
    UNIQUE (consultation_id, position),
    UNIQUE (consultation_id, id),
    CHECK (kind IN ('MULTIPLE', 'RANKED') OR max_choices = 1)
);

CREATE TABLE consultation_answer (
    id              bigserial PRIMARY KEY,
    organization_id bigint    NOT NULL,
    consultation_id bigint    NOT NULL,
    question_id     bigint    NOT NULL,
    position        smallint  NOT NULL CHECK (position BETWEEN 1 AND 50),
    text            text      NOT NULL CHECK (length(text) BETWEEN 1 AND 300),
    FOREIGN KEY (consultation_id, question_id) REFERENCES consultation_question (consultation_id, id) ON DELETE CASCADE,
    UNIQUE (question_id, position),
    UNIQUE (consultation_id, question_id, id)
);
