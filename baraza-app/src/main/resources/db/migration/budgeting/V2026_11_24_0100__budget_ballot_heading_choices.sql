-- A heading's part of a ballot also holds its choices as two arrays, in the order results read them (rank
-- first on a ranked ballot, then project id), so that results group identical ballots over one row per ballot
-- instead of sorting every choice row by ballot: for a city-wide heading of 400,000 ballots that sort of
-- 1.1 million rows was most of the time results took on demand (bench/budget-results/RESULTS.md).
-- budget_ballot_choice stays the record (its keys keep a project in its heading and edition); the arrays are
-- derived from it by the trigger below, whichever code inserts the choices, in the same statement.
ALTER TABLE budget_ballot_heading
    ADD COLUMN choices bigint[]  NOT NULL DEFAULT '{}',
    ADD COLUMN points  integer[] NOT NULL DEFAULT '{}';

CREATE FUNCTION budget_ballot_heading_summarise() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    -- one index lookup per ballot heading inserted (never a scan of the whole box, whatever the planner
    -- guesses of the transition table's size)
    UPDATE budget_ballot_heading h SET choices = s.choices, points = s.points
    FROM (SELECT DISTINCT ballot_id, heading_id FROM added) AS a
    CROSS JOIN LATERAL (
        SELECT array_agg(c.project_id ORDER BY c.rank, c.project_id) AS choices,
               array_agg(c.points ORDER BY c.rank, c.project_id) AS points
        FROM budget_ballot_choice c WHERE c.ballot_id = a.ballot_id AND c.heading_id = a.heading_id) AS s
    WHERE h.ballot_id = a.ballot_id AND h.heading_id = a.heading_id
      -- a box rewritten when it is mixed copies the arrays along: no second row version then
      AND (h.choices, h.points) IS DISTINCT FROM (s.choices, s.points);
    RETURN NULL;
END $$;

CREATE TRIGGER budget_ballot_choices_summarised AFTER INSERT ON budget_ballot_choice
    REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION budget_ballot_heading_summarise();

UPDATE budget_ballot_heading h SET choices = s.choices, points = s.points
FROM (SELECT ballot_id, heading_id,
             array_agg(project_id ORDER BY rank, project_id) AS choices,
             array_agg(points ORDER BY rank, project_id) AS points
      FROM budget_ballot_choice GROUP BY ballot_id, heading_id) AS s
WHERE h.ballot_id = s.ballot_id AND h.heading_id = s.heading_id;
