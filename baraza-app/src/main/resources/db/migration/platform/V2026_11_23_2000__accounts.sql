-- Accounts of residents and officials. Accounts belong to one municipality: the same e-mail may
-- register in two municipalities as two unrelated accounts.
CREATE TABLE account (
    id              bigserial   PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    -- an e-mail address (lower case) or a mobile number (+ and digits); NULL once the account is deleted
    login           text        CHECK (login = lower(login) AND length(login) BETWEEN 3 AND 254),
    login_channel   text        CHECK (login_channel IN ('email', 'sms')),
    password_hash   text,
    -- the public pseudonym
    display_name    text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 60),
    -- optional, never shown publicly
    legal_name      text        CHECK (length(legal_name) BETWEEN 1 AND 200),
    language        text        CHECK (language IN ('en', 'fr', 'es', 'pt', 'sw', 'ar')),
    confirmed_at    timestamptz,
    failed_sign_ins int         NOT NULL DEFAULT 0 CHECK (failed_sign_ins >= 0),
    locked_until    timestamptz,
    created_at      timestamptz NOT NULL,
    deleted_at      timestamptz,
    UNIQUE (organization_id, id),
    CHECK ((login IS NULL) = (login_channel IS NULL)),
    -- a live account has a login and a password; a deleted one keeps neither, nor a legal name
    CHECK ((deleted_at IS NULL AND login IS NOT NULL AND password_hash IS NOT NULL)
        OR (deleted_at IS NOT NULL AND login IS NULL AND password_hash IS NULL AND legal_name IS NULL))
);
-- one account per login per municipality; logins are stored normalised, so this is case-insensitive
CREATE UNIQUE INDEX account_login ON account (organization_id, login) WHERE login IS NOT NULL;

-- One-time codes that prove a resident controls their login (confirmation, password reset).
-- Only a salted hash is kept; a code expires and allows a few attempts.
CREATE TABLE account_code (
    id              bigserial   PRIMARY KEY,
    organization_id bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    purpose         text        NOT NULL CHECK (purpose IN ('confirm', 'reset')),
    code_hash       text        NOT NULL,
    expires_at      timestamptz NOT NULL,
    attempts        int         NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    used_at         timestamptz,
    created_at      timestamptz NOT NULL,
    FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX account_code_latest ON account_code (organization_id, account_id, purpose, id DESC);

-- Messages waiting for a gateway (e-mail, SMS: a later issue). The demo shows them on /outbox.
CREATE TABLE outbox_message (
    id              bigserial   PRIMARY KEY,
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    account_id      bigint,
    channel         text        NOT NULL CHECK (channel IN ('email', 'sms')),
    recipient       text        NOT NULL CHECK (length(recipient) BETWEEN 3 AND 254),
    subject         text        NOT NULL CHECK (length(subject) <= 200),
    body            text        NOT NULL CHECK (length(body) <= 2000),
    created_at      timestamptz NOT NULL,
    sent_at         timestamptz,
    FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX outbox_message_recent ON outbox_message (organization_id, id DESC);
CREATE INDEX outbox_message_account ON outbox_message (organization_id, account_id);

-- Roles beyond RESIDENT (which every account holds). STAFF may be limited to one department;
-- removing a department removes the staff roles in it rather than widening them.
CREATE TABLE role_assignment (
    organization_id bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    role            text        NOT NULL CHECK (role IN ('MODERATOR', 'STAFF', 'VALUATOR', 'OFFICER', 'ADMIN', 'PLATFORM_ADMIN')),
    department_id   bigint,
    granted_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, account_id, role),
    FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, department_id) REFERENCES department (organization_id, id) ON DELETE CASCADE,
    CHECK (department_id IS NULL OR role = 'STAFF')
);
CREATE INDEX role_assignment_platform_admin ON role_assignment (account_id) WHERE role = 'PLATFORM_ADMIN';

-- Voluntary demographics, kept apart from identity and used only for aggregate statistics
-- (representativeness of participation). A resident may leave any of them blank or remove them.
CREATE TABLE resident_demographics (
    organization_id bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    age_band        text        CHECK (age_band IN ('under-18', '18-24', '25-34', '35-44', '45-54', '55-64', '65-plus')),
    gender          text        CHECK (gender IN ('woman', 'man', 'another')),
    district_id     bigint,
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, account_id),
    FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (organization_id, district_id) REFERENCES district (organization_id, id),
    CHECK (age_band IS NOT NULL OR gender IS NOT NULL OR district_id IS NOT NULL)
);
CREATE INDEX resident_demographics_district ON resident_demographics (organization_id, district_id);

-- A district that is removed (e.g. replaced by a new GeoJSON import) is forgotten by the
-- demographics that named it, instead of blocking the import. PostgreSQL 14 has no
-- ON DELETE SET NULL (column), hence the trigger.
CREATE FUNCTION resident_demographics_forget_district() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM resident_demographics
     WHERE organization_id = OLD.organization_id AND district_id = OLD.id AND age_band IS NULL AND gender IS NULL;
    UPDATE resident_demographics SET district_id = NULL
     WHERE organization_id = OLD.organization_id AND district_id = OLD.id;
    RETURN OLD;
END $$;

CREATE TRIGGER district_forgotten_by_demographics BEFORE DELETE ON district
    FOR EACH ROW EXECUTE FUNCTION resident_demographics_forget_district();
