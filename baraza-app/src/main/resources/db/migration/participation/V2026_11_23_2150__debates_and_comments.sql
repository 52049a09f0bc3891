-- Debates: a question put to residents, in a process or standalone for the municipality.
CREATE TABLE debate (
    id                bigserial   PRIMARY KEY,
    organization_id   bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    process_id        bigint,
    -- kept even for an anonymous debate: moderators and rate limits need it; never shown when anonymous
    author_account_id bigint      NOT NULL,
    anonymous         boolean     NOT NULL,
    title             text        NOT NULL CHECK (length(title) BETWEEN 1 AND 150),
    -- the safe Markdown subset, rendered with every HTML character escaped
    body              text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at        timestamptz NOT NULL,
    edited_at         timestamptz,
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, process_id) REFERENCES participatory_process (organization_id, id)
);
CREATE INDEX debate_newest ON debate (organization_id, created_at DESC, id DESC);
CREATE INDEX debate_by_author ON debate (organization_id, author_account_id, created_at);

-- Agree (1) or disagree (-1): one opinion per person and debate, whatever the concurrency (the primary key).
CREATE TABLE debate_opinion (
    organization_id bigint      NOT NULL,
    debate_id       bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    opinion         smallint    NOT NULL CHECK (opinion IN (-1, 1)),
    given_at        timestamptz NOT NULL,
    PRIMARY KEY (debate_id, account_id),
    FOREIGN KEY (organization_id, debate_id) REFERENCES debate (organization_id, id) ON DELETE CASCADE
);

-- Comments on a proposal, a debate or a consultation (the target, checked by the application to be of the
-- same municipality), threaded: depth 0 answers the target, at most depth 3 (four levels).
CREATE TABLE comment (
    id                bigserial   PRIMARY KEY,
    organization_id   bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    target_type       text        NOT NULL CHECK (target_type IN ('proposal', 'debate', 'consultation')),
    target_id         bigint      NOT NULL,
    parent_id         bigint,
    depth             smallint    NOT NULL CHECK (depth BETWEEN 0 AND 3),
    author_account_id bigint      NOT NULL,
    anonymous         boolean     NOT NULL,
    body              text        NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    created_at        timestamptz NOT NULL,
    edited_at         timestamptz,
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, parent_id) REFERENCES comment (organization_id, id),
    CHECK ((parent_id IS NULL) = (depth = 0))
);
CREATE INDEX comment_of_target ON comment (organization_id, target_type, target_id, created_at, id);
CREATE INDEX comment_by_author ON comment (organization_id, author_account_id, created_at);

-- Up (1) or down (-1): one vote per person and comment.
CREATE TABLE comment_vote (
    organization_id bigint      NOT NULL,
    comment_id      bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    vote            smallint    NOT NULL CHECK (vote IN (-1, 1)),
    given_at        timestamptz NOT NULL,
    PRIMARY KEY (comment_id, account_id),
    FOREIGN KEY (organization_id, comment_id) REFERENCES comment (organization_id, id) ON DELETE CASCADE
);
