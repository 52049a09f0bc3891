-- Participatory budgeting. An edition is a participatory process (its phases say when residents may
-- submit projects (CREATE_PROPOSALS), support them (SUPPORT) and cast ballots (VOTE)) with the money
-- split into headings, the projects residents submit and valuators review, and the voting rules.
-- Everything that decides a vote (ballot form, rule, headings' budgets, projects on the ballot,
-- incompatibilities) is frozen by the application once a voting phase of the process has started.
CREATE TABLE budget_edition (
    id                    bigserial   PRIMARY KEY,
    organization_id       bigint      NOT NULL REFERENCES organization (id) ON DELETE RESTRICT,
    process_id            bigint      NOT NULL UNIQUE,
    -- APPROVAL: up to max_projects projects; KNAPSACK: projects whose total cost fits the heading's budget
    -- (and reaches min_spend_percent of it); CUMULATIVE: points_per_voter points spread over projects, at
    -- most max_points_per_project each; RANKED: the voter's top max_projects projects, in order
    ballot_kind           text        NOT NULL DEFAULT 'APPROVAL'
        CHECK (ballot_kind IN ('APPROVAL', 'KNAPSACK', 'CUMULATIVE', 'RANKED')),
    max_projects          integer     CHECK (max_projects BETWEEN 1 AND 1000),
    min_spend_percent     smallint    NOT NULL DEFAULT 0 CHECK (min_spend_percent BETWEEN 0 AND 100),
    points_per_voter      integer     CHECK (points_per_voter BETWEEN 1 AND 1000),
    max_points_per_project integer    CHECK (max_points_per_project BETWEEN 1 AND 1000),
    -- OWN_DISTRICT_AND_CITY: the heading of the voter's district plus the city-wide headings;
    -- ONE_OF_CHOICE: any one heading the voter chooses (one ballot per edition either way)
    heading_choice        text        NOT NULL DEFAULT 'OWN_DISTRICT_AND_CITY'
        CHECK (heading_choice IN ('OWN_DISTRICT_AND_CITY', 'ONE_OF_CHOICE')),
    -- the baraza-pb rule computing the winners of each heading (docs: README "baraza-pb")
    rule                  text        NOT NULL DEFAULT 'mes-add1'
        CHECK (rule IN ('greedy', 'mes', 'mes-add1', 'mes-add1-greedy', 'phragmen')),
    tie_break             text        NOT NULL DEFAULT 'cost-then-votes'
        CHECK (tie_break IN ('cost-then-votes', 'lexicographic')),
    -- minimum age to vote, in whole years on the day of voting (null: no minimum)
    minimum_age           smallint    CHECK (minimum_age BETWEEN 0 AND 120),
    results_published_at  timestamptz,
    created_at            timestamptz NOT NULL,
    updated_at            timestamptz NOT NULL,
    UNIQUE (organization_id, id),
    FOREIGN KEY (organization_id, process_id) REFERENCES participatory_process (organization_id, id) ON DELETE RESTRICT,
    CHECK (ballot_kind NOT IN ('APPROVAL', 'RANKED') OR max_projects IS NOT NULL),
    CHECK (ballot_kind <> 'CUMULATIVE' OR (points_per_voter IS NOT NULL AND max_points_per_project IS NOT NULL))
);

-- A share of the money: city-wide (district_code null) or one district's. Amounts in the municipality's
-- currency with cents; the engine computes in exact rationals from these decimals.
CREATE TABLE budget_heading (
    id              bigserial     PRIMARY KEY,
    organization_id bigint        NOT NULL,
    edition_id      bigint        NOT NULL,
    name            text          NOT NULL CHECK (length(name) BETWEEN 1 AND 120),
    district_code   text          CHECK (length(district_code) BETWEEN 1 AND 40),
    budget          numeric(16,2) NOT NULL CHECK (budget > 0),
    position        integer       NOT NULL DEFAULT 0,
    UNIQUE (organization_id, id),
    UNIQUE (edition_id, id),
    UNIQUE (edition_id, name),
    FOREIGN KEY (organization_id, edition_id) REFERENCES budget_edition (organization_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX budget_heading_one_per_district ON budget_heading (edition_id, district_code)
    WHERE district_code IS NOT NULL;

-- A project residents submit to a heading. Valuators set the cost and say whether it is feasible;
-- feasible projects of a heading are what its ballot offers.
CREATE TABLE budget_project (
    id                    bigserial        PRIMARY KEY,
    organization_id       bigint           NOT NULL,
    edition_id            bigint           NOT NULL,
    heading_id            bigint           NOT NULL,
    -- null for a project the admins entered or imported, or once the author deleted their account
    author_account_id     bigint,
    title                 text             NOT NULL CHECK (length(title) BETWEEN 1 AND 120),
    -- the safe Markdown subset, rendered with every HTML character escaped
    description           text             NOT NULL CHECK (length(description) BETWEEN 1 AND 20000),
    district_code         text             CHECK (length(district_code) BETWEEN 1 AND 40),
    latitude              double precision CHECK (latitude BETWEEN -90 AND 90),
    longitude             double precision CHECK (longitude BETWEEN -180 AND 180),
    -- re-encoded by the application (no EXIF, no GPS), at most 1600 pixels wide
    image                 bytea            CHECK (length(image) <= 5000000),
    image_media_type      text             CHECK (image_media_type IN ('image/png', 'image/jpeg')),
    image_alt             text             CHECK (length(image_alt) BETWEEN 1 AND 300),
    -- the author's estimate, then the valuator's cost (which the ballot and the rules use)
    estimated_cost        numeric(16,2)    NOT NULL CHECK (estimated_cost > 0),
    cost                  numeric(16,2)    CHECK (cost > 0),
    feasibility           text             NOT NULL DEFAULT 'PENDING'
        CHECK (feasibility IN ('PENDING', 'FEASIBLE', 'UNFEASIBLE')),
    valuation_explanation text             CHECK (length(valuation_explanation) BETWEEN 1 AND 5000),
    valuated_by           bigint,
    valuated_at           timestamptz,
    -- kept in step with budget_project_support under a lock on this row
    supports              integer          NOT NULL DEFAULT 0 CHECK (supports >= 0),
    -- the project id in an imported .pb file, kept so an export round-trips; null for projects made here
    external_id           text             CHECK (length(external_id) BETWEEN 1 AND 100),
    withdrawn_at          timestamptz,
    created_at            timestamptz      NOT NULL,
    updated_at            timestamptz      NOT NULL,
    UNIQUE (organization_id, id),
    UNIQUE (edition_id, id),
    FOREIGN KEY (organization_id, edition_id) REFERENCES budget_edition (organization_id, id) ON DELETE CASCADE,
    FOREIGN KEY (edition_id, heading_id) REFERENCES budget_heading (edition_id, id) ON DELETE RESTRICT,
    CHECK ((image IS NULL) = (image_media_type IS NULL)),
    CHECK (image IS NULL OR image_alt IS NOT NULL),
    CHECK ((latitude IS NULL) = (longitude IS NULL)),
    CHECK (feasibility <> 'FEASIBLE' OR cost IS NOT NULL),
    CHECK (feasibility = 'PENDING' OR valuation_explanation IS NOT NULL)
);
CREATE INDEX budget_project_by_heading ON budget_project (edition_id, heading_id, feasibility);
CREATE UNIQUE INDEX budget_project_external_id ON budget_project (edition_id, external_id) WHERE external_id IS NOT NULL;

-- Pre-selection supports: one per verified resident and project.
CREATE TABLE budget_project_support (
    organization_id bigint      NOT NULL,
    project_id      bigint      NOT NULL,
    account_id      bigint      NOT NULL,
    supported_at    timestamptz NOT NULL,
    PRIMARY KEY (project_id, account_id),
    FOREIGN KEY (organization_id, project_id) REFERENCES budget_project (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX budget_project_support_by_account ON budget_project_support (organization_id, account_id);

-- Which valuators review which projects (a valuator sees only the projects assigned to them).
CREATE TABLE budget_project_valuator (
    organization_id bigint NOT NULL,
    project_id      bigint NOT NULL,
    account_id      bigint NOT NULL,
    PRIMARY KEY (project_id, account_id),
    FOREIGN KEY (organization_id, project_id) REFERENCES budget_project (organization_id, id) ON DELETE CASCADE
);
CREATE INDEX budget_project_valuator_by_account ON budget_project_valuator (organization_id, account_id);

-- Pairs of projects of which at most one may win (e.g. two designs for the same square).
CREATE TABLE budget_incompatibility (
    organization_id bigint NOT NULL,
    edition_id      bigint NOT NULL,
    project_low     bigint NOT NULL,
    project_high    bigint NOT NULL,
    PRIMARY KEY (edition_id, project_low, project_high),
    CHECK (project_low < project_high),
    FOREIGN KEY (edition_id, project_low) REFERENCES budget_project (edition_id, id) ON DELETE CASCADE,
    FOREIGN KEY (edition_id, project_high) REFERENCES budget_project (edition_id, id) ON DELETE CASCADE
);
