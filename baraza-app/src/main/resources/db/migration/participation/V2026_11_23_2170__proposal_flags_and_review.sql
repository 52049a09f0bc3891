-- Proposals can be flagged and moderated like debates and comments.
ALTER TABLE content_flag DROP CONSTRAINT content_flag_content_type_check;
ALTER TABLE content_flag ADD CONSTRAINT content_flag_content_type_check
    CHECK (content_type IN ('debate', 'comment', 'proposal'));
ALTER TABLE moderation_case DROP CONSTRAINT moderation_case_content_type_check;
ALTER TABLE moderation_case ADD CONSTRAINT moderation_case_content_type_check
    CHECK (content_type IN ('debate', 'comment', 'proposal'));

-- A proposal with enough flags is hidden pending review: hidden_at set, no reason yet (the reason is a
-- moderator's, shown publicly once they decide). The original check tied the two together; it is replaced
-- by "no reason without hiding".
DO $$
DECLARE
    name text;
BEGIN
    SELECT conname INTO name FROM pg_constraint
     WHERE conrelid = 'proposal'::regclass AND contype = 'c'
       AND pg_get_constraintdef(oid) LIKE '%hidden_at IS NULL%hidden_reason IS NULL%';
    IF name IS NOT NULL THEN
        EXECUTE format('ALTER TABLE proposal DROP CONSTRAINT %I', name);
    END IF;
END $$;
ALTER TABLE proposal ADD CONSTRAINT proposal_hidden_reason_needs_hiding CHECK (hidden_reason IS NULL OR hidden_at IS NOT NULL);
