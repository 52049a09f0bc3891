-- A census binding points at a real account of the same municipality, and so does the officer who
-- verified it. Accounts are never deleted as rows (deletion anonymises them), so a binding stays
-- for ever and its census record can never verify anyone else.
ALTER TABLE census_binding
    ADD FOREIGN KEY (organization_id, account_id) REFERENCES account (organization_id, id),
    ADD FOREIGN KEY (organization_id, assisted_by) REFERENCES account (organization_id, id);
CREATE INDEX census_binding_assisted_by ON census_binding (organization_id, assisted_by) WHERE assisted_by IS NOT NULL;
