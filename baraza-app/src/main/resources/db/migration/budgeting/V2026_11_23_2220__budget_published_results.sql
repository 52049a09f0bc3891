-- What an admin published, per heading: the winners in selection order, as the edition's rule chose them
-- from the closed ballot box at that moment. Results are computed on demand from the box; keeping the
-- published outcome means a later difference (a box edited by hand, another engine version) can be seen
-- and reported instead of silently changing what residents were told. Removed when results are unpublished.
CREATE TABLE budget_heading_result (
    organization_id bigint        NOT NULL,
    edition_id      bigint        NOT NULL,
    heading_id      bigint        NOT NULL,
    rule            text          NOT NULL CHECK (length(rule) BETWEEN 1 AND 40),
    tie_break       text          NOT NULL CHECK (length(tie_break) BETWEEN 1 AND 40),
    ballots         bigint        NOT NULL CHECK (ballots >= 0),
    -- budget_project ids, first chosen first
    selected        bigint[]      NOT NULL,
    cost            numeric(18,2) NOT NULL CHECK (cost >= 0),
    published_at    timestamptz   NOT NULL,
    PRIMARY KEY (edition_id, heading_id),
    FOREIGN KEY (organization_id, edition_id) REFERENCES budget_edition (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (edition_id, heading_id) REFERENCES budget_heading (edition_id, id) ON DELETE CASCADE
);
