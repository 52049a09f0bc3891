-- Participatory processes and their phases. Phase dates are whole days in the municipality's time
-- zone; the instants they start and end are stored beside them, so "is voting open now?" needs no
-- time-zone arithmetic in queries.
CREATE TABLE participatory_process (
    id                 bigserial   PRIMARY KEY,
    organization_id    bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    title              text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    -- a safe subset of Markdown, rendered with every HTML character escaped
    description        text        NOT NULL CHECK (length(description) <= 20000),
    -- null: city-wide; else the district (by code) the process is about
    district_code      text        CHECK (length(district_code) BETWEEN 1 AND 40),
    sdg_goals          smallint[]  NOT NULL DEFAULT '{}'
        CHECK (sdg_goals <@ ARRAY[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17]::smallint[]),
    -- re-encoded by the application (no EXIF, no GPS), at most 1600 pixels wide
    image              bytea       CHECK (length(image) <= 5000000),
    image_media_type   text        CHECK (image_media_type IN ('image/png', 'image/jpeg')),
    image_alt          text        CHECK (length(image_alt) <= 300),
    published          boolean     NOT NULL DEFAULT false,
    -- the phase last announced with a PhaseChanged event (0: none yet), so each change is announced once
    announced_phase_id bigint      NOT NULL DEFAULT 0,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL,
    UNIQUE (organization_id, id),
    CHECK ((image IS NULL) = (image_media_type IS NULL)),
    CHECK (image IS NULL OR image_alt IS NOT NULL)
);
CREATE INDEX participatory_process_list ON participatory_process (organization_id, published, id DESC);

CREATE TABLE process_phase (
    id              bigserial   PRIMARY KEY,
    organization_id bigint      NOT NULL,
    process_id      bigint      NOT NULL,
    title           text        NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    description     text        NOT NULL DEFAULT '' CHECK (length(description) <= 2000),
    starts_on       date        NOT NULL,
    ends_on         date        NOT NULL,
    starts_at       timestamptz NOT NULL,
    ends_at         timestamptz NOT NULL,
    actions         text[]      NOT NULL DEFAULT '{}'
        CHECK (actions <@ ARRAY['CREATE_PROPOSALS', 'SUPPORT', 'COMMENT', 'VOTE']),
    FOREIGN KEY (organization_id, process_id) REFERENCES participatory_process (organization_id, id) ON DELETE CASCADE,
    CHECK (ends_on >= starts_on),
    CHECK (ends_at > starts_at)
);
-- phases never overlap: the application checks it under a lock on the process row
CREATE INDEX process_phase_order ON process_phase (process_id, starts_at);
CREATE INDEX process_phase_starts ON process_phase (starts_at);
