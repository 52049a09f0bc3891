-- When an edition's ballot box was sealed: once voting closed, the whole box was rewritten in random order
-- and the roll in account order, so neither table's physical order nor transaction ids (xmin) say anything
-- about who voted when (docs/ballot-secrecy.md, "Budget ballots"). A table of its own, so the editions
-- table (owned by the editions package) stays as it is.
CREATE TABLE budget_ballot_seal (
    edition_id      bigint      PRIMARY KEY,
    organization_id bigint      NOT NULL,
    sealed_at       timestamptz NOT NULL,
    FOREIGN KEY (organization_id, edition_id) REFERENCES budget_edition (organization_id, id) ON DELETE CASCADE
);
