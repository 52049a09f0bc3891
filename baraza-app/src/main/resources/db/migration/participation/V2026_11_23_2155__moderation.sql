-- A resident's flag on a debate or a comment: one per person and content.
CREATE TABLE content_flag (
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    content_type    text        NOT NULL CHECK (content_type IN ('debate', 'comment')),
    content_id      bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    reason          text        NOT NULL CHECK (reason IN ('spam', 'abuse', 'hate', 'personal_data', 'off_topic', 'other')),
    note            text        CHECK (length(note) <= 500),
    flagged_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, content_type, content_id, account_id)
);

-- What moderation decided about a content: "pending" (hidden after enough flags, awaiting a moderator),
-- "hidden" (by a moderator, with the reason shown in its place) or "restored" (reviewed and kept: further
-- flags no longer hide it by themselves). A content without a row is shown.
CREATE TABLE moderation_case (
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    content_type    text        NOT NULL CHECK (content_type IN ('debate', 'comment')),
    content_id      bigint      NOT NULL,
    status          text        NOT NULL CHECK (status IN ('pending', 'hidden', 'restored')),
    reason          text        CHECK (length(reason) <= 300),
    opened_at       timestamptz NOT NULL,
    decided_at      timestamptz,
    decided_by      bigint,
    PRIMARY KEY (organization_id, content_type, content_id),
    CHECK (status <> 'hidden' OR reason IS NOT NULL)
);
CREATE INDEX moderation_case_queue ON moderation_case (organization_id, status, opened_at);

-- Accounts a moderator blocked from posting.
CREATE TABLE account_block (
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    account_id      bigint      NOT NULL,
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 300),
    blocked_at      timestamptz NOT NULL,
    blocked_by      bigint      NOT NULL,
    PRIMARY KEY (organization_id, account_id)
);
