-- The categories residents file proposals under, one list per municipality, kept by its admins.
-- A name is written once, in whatever language(s) the municipality uses ("Parks / Parcs").
CREATE TABLE proposal_category (
    id              bigserial   PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 80),
    created_at      timestamptz NOT NULL,
    UNIQUE (organization_id, id)
);
-- two categories that differ only in case would confuse residents choosing one
CREATE UNIQUE INDEX proposal_category_name ON proposal_category (organization_id, lower(name));
