-- The audit log: append-only, one hash chain per municipality (organization_id NULL = platform).
-- Each entry's hash covers its content and the previous entry's hash, so an edit breaks the chain.
CREATE TABLE audit_entry (
    id               bigserial   PRIMARY KEY,
    organization_id  bigint      REFERENCES organization (id) ON DELETE RESTRICT,
    actor_account_id bigint,
    action           text        NOT NULL CHECK (length(action) BETWEEN 1 AND 100),
    target           text        NOT NULL DEFAULT '',
    details          text        NOT NULL DEFAULT '{}',
    at               timestamptz NOT NULL,
    previous_hash    text        NOT NULL,
    hash             text        NOT NULL
);
CREATE INDEX audit_entry_chain ON audit_entry (organization_id, id);

CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only';
END $$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
