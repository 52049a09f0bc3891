-- When a notification went out by e-mail (alone or in a daily digest); null while it has not.
ALTER TABLE notification ADD COLUMN mailed_at timestamptz;
CREATE INDEX notification_to_mail ON notification (organization_id, account_id) WHERE mailed_at IS NULL;

-- How a resident wants notifications by e-mail: one mail per event, one daily digest, or none. An account
-- without a row gets one mail per event.
CREATE TABLE notification_preference (
    organization_id bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    account_id      bigint      NOT NULL,
    mail            text        NOT NULL CHECK (mail IN ('each', 'daily', 'none')),
    updated_at      timestamptz NOT NULL,
    PRIMARY KEY (organization_id, account_id)
);
