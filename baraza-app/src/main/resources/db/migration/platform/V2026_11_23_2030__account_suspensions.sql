-- Accounts suspended from the municipality (e.g. a moderator's block): they cannot sign in, and their
-- sessions stop counting at once. One row per suspended account; lifting a suspension deletes it (the
-- audit log keeps the history).
CREATE TABLE account_suspension (
    organization_id bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    -- shown to the account holder when they try to sign in; never personal data of others
    reason          text        NOT NULL CHECK (length(reason) BETWEEN 1 AND 300),
    suspended_at    timestamptz NOT NULL,
    suspended_by    bigint      NOT NULL,
    PRIMARY KEY (organization_id, account_id),
    FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id) ON DELETE CASCADE
);
