-- The edition's public name ("Participatory budget 2027"). The participation API (Processes) tells other
-- modules a process's phases but not its title, and budgeting may not read participation's tables, so the
-- admin names the edition when creating it. Nullable: editions created before this column, or by an
-- import that names none, are shown as "Participatory budget" with their number.
ALTER TABLE budget_edition ADD COLUMN title text CHECK (length(title) BETWEEN 1 AND 200);
