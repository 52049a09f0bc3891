-- Supports: one per verified resident and proposal, whatever the concurrency (the primary key; a verified
-- account is one person, since a census record verifies one account for ever).
CREATE TABLE proposal_support (
    organization_id bigint      NOT NULL,
    proposal_id     bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    supported_at    timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, account_id),
    FOREIGN KEY (organization_id, proposal_id) REFERENCES proposal (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX proposal_support_by_account ON proposal_support (organization_id, account_id);

-- Who follows a proposal, to hear about it (notifications read this through ProposalFollowers).
CREATE TABLE proposal_follow (
    organization_id bigint      NOT NULL,
    proposal_id     bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    followed_at     timestamptz NOT NULL,
    PRIMARY KEY (proposal_id, account_id),
    FOREIGN KEY (organization_id, proposal_id) REFERENCES proposal (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX proposal_follow_by_account ON proposal_follow (organization_id, account_id);

-- The share of the census whose supports qualify a proposal, per process; a process without a row uses
-- the default (1 %, Decide Madrid's figure). Frozen once supports have opened in the process.
CREATE TABLE proposal_threshold (
    organization_id bigint       NOT NULL,
    process_id      bigint       NOT NULL PRIMARY KEY,
    percent         numeric(6,3) NOT NULL CHECK (percent > 0 AND percent <= 100),
    updated_at      timestamptz  NOT NULL,
    FOREIGN KEY (organization_id, process_id) REFERENCES participatory_process (organization_id, id) ON DELETE CASCADE
);
