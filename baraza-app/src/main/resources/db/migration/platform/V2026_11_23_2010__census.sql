-- The census of each municipality, against which residents are verified. A document number is
-- never stored: only its keyed hash, HMAC-SHA256 of the normalised number with a secret salt that
-- belongs to the municipality and lives in a table of its own.
CREATE TABLE census_salt (
    organization_id bigint      PRIMARY KEY REFERENCES organization (id) ON DELETE CASCADE,
    salt            bytea       NOT NULL CHECK (length(salt) = 32),
    created_at      timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE census_record (
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    document_hash   bytea       NOT NULL CHECK (length(document_hash) = 32),
    birth_date      date        NOT NULL,
    district_code   text        NOT NULL CHECK (length(district_code) BETWEEN 1 AND 40),
    imported_at     timestamptz NOT NULL,
    PRIMARY KEY (organization_id, document_hash)
);

-- A binding is never deleted. Its primary key makes one census record verify at most one account,
-- ever (races included); its unique key makes one account verified by at most one record. Bindings
-- hold the hash, not a row id, so a new census upload keeps every resident verified, and the
-- foreign key refuses to drop a census record someone is verified by.
CREATE TABLE census_binding (
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    document_hash   bytea       NOT NULL,
    account_id      bigint      NOT NULL,
    bound_at        timestamptz NOT NULL,
    -- the officer who checked the document in person, or null when the resident verified online
    assisted_by     bigint,
    PRIMARY KEY (organization_id, document_hash),
    UNIQUE (organization_id, account_id),
    FOREIGN KEY (organization_id, document_hash) REFERENCES census_record (organization_id, document_hash)
);

-- What each upload did, for the census page (the audit log holds the same fact, hash-chained).
CREATE TABLE census_import (
    id               bigserial   PRIMARY KEY,
    organization_id  bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    actor_account_id bigint      NOT NULL,
    imported_at      timestamptz NOT NULL,
    mode             text        NOT NULL CHECK (mode IN ('REPLACE', 'ADD')),
    row_count        integer     NOT NULL CHECK (row_count >= 0),
    added            integer     NOT NULL CHECK (added >= 0),
    updated          integer     NOT NULL CHECK (updated >= 0),
    removed          integer     NOT NULL CHECK (removed >= 0),
    kept_bound       integer     NOT NULL CHECK (kept_bound >= 0)
);
CREATE INDEX census_import_latest ON census_import (organization_id, id DESC);

-- Failed verification attempts, to stop anyone guessing document numbers; kept an hour at most.
CREATE TABLE verification_attempt (
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    account_id      bigint      NOT NULL,
    at              timestamptz NOT NULL
);
CREATE INDEX verification_attempt_recent ON verification_attempt (organization_id, account_id, at);
