-- Municipalities (tenants), the host names that reach them, their districts and departments.
CREATE TABLE organization (
    id                bigserial PRIMARY KEY,
    slug              text        NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    default_language  text        NOT NULL CHECK (default_language IN ('en','fr','es','pt','sw','ar')),
    enabled_languages text[]      NOT NULL,
    time_zone         text        NOT NULL,
    primary_colour    text        NOT NULL DEFAULT '#1d5f8a' CHECK (primary_colour ~ '^#[0-9a-f]{6}$'),
    logo              bytea,
    logo_media_type   text,
    created_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (default_language = ANY (enabled_languages))
);

CREATE TABLE organization_host (
    host            text   PRIMARY KEY CHECK (host = lower(host)),
    organization_id bigint NOT NULL REFERENCES organization (id) ON DELETE CASCADE
);
CREATE INDEX organization_host_organization ON organization_host (organization_id);

CREATE TABLE district (
    id              bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    code            text   NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    name            text   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    -- a GeoJSON Polygon or MultiPolygon geometry, validated with JTS before it is stored
    geometry        text   NOT NULL,
    UNIQUE (organization_id, code),
    UNIQUE (organization_id, id)
);

CREATE TABLE department (
    id              bigserial PRIMARY KEY,
    organization_id bigint NOT NULL REFERENCES organization (id) ON DELETE CASCADE,
    code            text   NOT NULL CHECK (length(code) BETWEEN 1 AND 40),
    name            text   NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    UNIQUE (organization_id, code),
    UNIQUE (organization_id, id)
);

-- HTTP sessions live in PostgreSQL so they survive a restart and are shared by every node
-- (Spring Session JDBC's PostgreSQL schema).
CREATE TABLE spring_session (
    primary_id            char(36) NOT NULL,
    session_id            char(36) NOT NULL,
    creation_time         bigint   NOT NULL,
    last_access_time      bigint   NOT NULL,
    max_inactive_interval int      NOT NULL,
    expiry_time           bigint   NOT NULL,
    principal_name        varchar(100),
    CONSTRAINT spring_session_pk PRIMARY KEY (primary_id)
);
CREATE UNIQUE INDEX spring_session_ix1 ON spring_session (session_id);
CREATE INDEX spring_session_ix2 ON spring_session (expiry_time);
CREATE INDEX spring_session_ix3 ON spring_session (principal_name);

CREATE TABLE spring_session_attributes (
    session_primary_id char(36)     NOT NULL,
    attribute_name     varchar(200) NOT NULL,
    attribute_bytes    bytea        NOT NULL,
    CONSTRAINT spring_session_attributes_pk PRIMARY KEY (session_primary_id, attribute_name),
    CONSTRAINT spring_session_attributes_fk FOREIGN KEY (session_primary_id)
        REFERENCES spring_session (primary_id) ON DELETE CASCADE
);
