-- Proposals residents make in a participatory process, with their optional image and PDF documents.
--
-- Full-text search: one configuration for every language. Municipalities run in several languages at
-- once (English, French, Spanish, Portuguese, Kiswahili, Arabic) and a proposal does not say which one it
-- is written in; a language's stemmer applied to another language mangles its words, and PostgreSQL has
-- no Kiswahili stemmer at all. 'simple' only lower-cases, which is right for all six; unaccent folds
-- diacritics, so "ecole" finds "École" and "sao" finds "São" (people often type without accents on
-- phones); queries match word prefixes (see ProposalQuery), which stands in for stemming.
-- unaccent is a "trusted" extension since PostgreSQL 13: a database owner may create it without superuser.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE TEXT SEARCH CONFIGURATION proposal_search (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION proposal_search
    ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;

CREATE TABLE proposal (
    id                bigserial        PRIMARY KEY,
    organization_id   bigint           NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    process_id        bigint           NOT NULL,
    -- null once the author deleted their account (the proposal stays, as "a former resident"'s)
    author_account_id bigint,
    title             text             NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    summary           text             NOT NULL CHECK (length(summary) BETWEEN 1 AND 500),
    -- the safe Markdown subset, rendered with every HTML character escaped
    body              text             NOT NULL CHECK (length(body) BETWEEN 1 AND 20000),
    category_id       bigint,
    district_code     text             CHECK (length(district_code) BETWEEN 1 AND 40),
    latitude          double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude         double precision CHECK (longitude BETWEEN -180 AND 180),
    -- re-encoded by the application (no EXIF, no GPS), at most 1600 pixels wide
    image             bytea            CHECK (length(image) <= 5000000),
    image_media_type  text             CHECK (image_media_type IN ('image/png', 'image/jpeg')),
    image_alt         text             CHECK (length(image_alt) BETWEEN 1 AND 300),
    -- kept in step with proposal_support under a lock on this row, so lists sort by it cheaply
    supports          integer          NOT NULL DEFAULT 0 CHECK (supports >= 0),
    -- when supports first reached the process's threshold; never cleared (see docs/api-proposals.md)
    qualified_at      timestamptz,
    withdrawn_at      timestamptz,
    -- hidden by a moderator, with the reason shown publicly in place of the proposal
    hidden_at         timestamptz,
    hidden_reason     text             CHECK (length(hidden_reason) BETWEEN 1 AND 500),
    created_at        timestamptz      NOT NULL,
    updated_at        timestamptz      NOT NULL,
    search            tsvector         GENERATED ALWAYS AS (
        setweight(to_tsvector('proposal_search', title), 'A')
        || setweight(to_tsvector('proposal_search', summary), 'B')
        || setweight(to_tsvector('proposal_search', body), 'C')) STORED,
    FOREIGN KEY (organization_id, process_id) REFERENCES participatory_process (organization_id, id) ON DELETE RESTRICT,
    FOREIGN KEY (organization_id, category_id) REFERENCES proposal_category (organization_id, id) ON DELETE RESTRICT,
    UNIQUE (organization_id, id),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK ((image IS NULL) = (image_media_type IS NULL)),
    CHECK ((image IS NULL) = (image_alt IS NULL)),
    CHECK ((hidden_at IS NULL) = (hidden_reason IS NULL))
);
-- the list's sorts within a process: newest, most supported; the random order reads the first index
CREATE INDEX proposal_newest ON proposal (organization_id, process_id, id DESC);
CREATE INDEX proposal_most_supported ON proposal (organization_id, process_id, supports DESC, id DESC);
CREATE INDEX proposal_search ON proposal USING gin (search);
CREATE INDEX proposal_author ON proposal (organization_id, author_account_id);

CREATE TABLE proposal_document (
    id              bigserial   PRIMARY KEY,
    organization_id bigint      NOT NULL,
    proposal_id     bigint      NOT NULL,
    -- the name shown and offered on download; the content is always served as an attachment
    file_name       text        NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
    content         bytea       NOT NULL CHECK (length(content) BETWEEN 5 AND 5000000),
    created_at      timestamptz NOT NULL,
    FOREIGN KEY (organization_id, proposal_id) REFERENCES proposal (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX proposal_document_of ON proposal_document (proposal_id, id);
