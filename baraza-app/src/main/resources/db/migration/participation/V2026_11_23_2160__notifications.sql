-- In-app notifications: what happened (kind), a short text from the event (a title, a phase, a moderator's
-- reason; never a person's name or address) and where to look. Texts are translated when shown.
CREATE TABLE notification (
    id              bigserial   PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    account_id      bigint      NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('reply', 'proposal_comment', 'proposal_qualified',
                                                        'proposal_withdrawn', 'phase_changed', 'hidden', 'restored')),
    detail          text        NOT NULL DEFAULT '' CHECK (length(detail) <= 300),
    path            text        NOT NULL CHECK (length(path) BETWEEN 1 AND 300),
    created_at      timestamptz NOT NULL,
    read_at         timestamptz
);
CREATE INDEX notification_of_account ON notification (organization_id, account_id, created_at DESC, id DESC);
