package org.baraza.budgeting.ballots;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test editions written straight to the tables, as the editions admin would leave them: a published process
 * with one phase (voting now, voting over, or voting later), an edition with its ballot rules, a city-wide
 * heading (budget 1000) and one for the northgate district (500), feasible projects on the ballot, and an
 * unfeasible and a withdrawn one that are not.
 */
final class BudgetEditions {

    /** A made edition: its id and the ids of its headings and projects by short name. */
    record Made(OrganizationId organization, long id, long process, Map<String, Long> headings, Map<String, Long> projects) {
        String ballot() {
            return "/budgets/" + id + "/ballot";
        }

        String change() {
            return "/budgets/" + id + "/ballot/change";
        }

        String receipts() {
            return "/budgets/" + id + "/receipts";
        }

        String booth() {
            return "/officer/budgets/" + id + "/booth";
        }

        String paper() {
            return "/officer/budgets/" + id + "/paper";
        }

        String project(String name) {
            return Long.toString(projects.get(name));
        }

        String heading(String name) {
            return Long.toString(headings.get(name));
        }
    }

    enum Voting { OPEN, CLOSED, LATER }

    private final JdbcClient jdbc;

    BudgetEditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Builder in(OrganizationId organization) {
        return new Builder(organization);
    }

    final class Builder {
        private final OrganizationId organization;
        private Voting voting = Voting.OPEN;
        private String kind = "APPROVAL";
        private Integer maxProjects = 2;
        private int minSpend = 0;
        private Integer points;
        private Integer maxPoints;
        private String headingChoice = "OWN_DISTRICT_AND_CITY";
        private Integer minimumAge;

        Builder(OrganizationId organization) {
            this.organization = organization;
        }

        Builder voting(Voting voting) {
            this.voting = voting;
            return this;
        }

        Builder approval(int max) {
            kind = "APPROVAL";
            maxProjects = max;
            return this;
        }

        Builder knapsack(int minSpendPercent) {
            kind = "KNAPSACK";
            maxProjects = null;
            minSpend = minSpendPercent;
            return this;
        }

        Builder cumulative(int perVoter, int perProject) {
            kind = "CUMULATIVE";
            maxProjects = null;
            points = perVoter;
            maxPoints = perProject;
            return this;
        }

        Builder ranked(int k) {
            kind = "RANKED";
            maxProjects = k;
            return this;
        }

        Builder oneOfChoice() {
            headingChoice = "ONE_OF_CHOICE";
            return this;
        }

        Builder minimumAge(int years) {
            minimumAge = years;
            return this;
        }

        Made create() {
            ZoneId zone = ZoneId.of(jdbc.sql("SELECT time_zone FROM organization WHERE id = :id").param("id", organization.value())
                .query(String.class).single());
            long process = jdbc.sql("""
                    INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                    VALUES (:org, :title, 'A test budget process.', true, now(), now()) RETURNING id""")
                .param("org", organization.value()).param("title", "Budget process " + System.nanoTime())
                .query(Long.class).single();
            LocalDate today = LocalDate.now(zone);
            LocalDate from = switch (voting) {
                case OPEN -> today.minusDays(2);
                case CLOSED -> today.minusDays(20);
                case LATER -> today.plusDays(5);
            };
            LocalDate to = switch (voting) {
                case OPEN -> today.plusDays(30);
                case CLOSED -> today.minusDays(2);
                case LATER -> today.plusDays(30);
            };
            phase(organization, zone, process, from, to);
            Instant now = Instant.now();
            long edition = jdbc.sql("""
                    INSERT INTO budget_edition (organization_id, process_id, title, ballot_kind, max_projects, min_spend_percent,
                                                points_per_voter, max_points_per_project, heading_choice, minimum_age,
                                                created_at, updated_at)
                    VALUES (:org, :process, :title, :kind, :max, :minSpend, :points, :maxPoints, :choice, :age, :now, :now)
                    RETURNING id""")
                .param("org", organization.value()).param("process", process).param("title", "Test budget " + System.nanoTime())
                .param("kind", kind).param("max", maxProjects, java.sql.Types.INTEGER).param("minSpend", minSpend)
                .param("points", points, java.sql.Types.INTEGER).param("maxPoints", maxPoints, java.sql.Types.INTEGER)
                .param("choice", headingChoice).param("age", minimumAge, java.sql.Types.SMALLINT)
                .param("now", Timestamp.from(now)).query(Long.class).single();
            Map<String, Long> headings = new LinkedHashMap<>();
            headings.put("city", heading(edition, "City-wide", null, "1000.00", 0));
            headings.put("north", heading(edition, "Northgate", "northgate", "500.00", 1));
            Map<String, Long> projects = new LinkedHashMap<>();
            projects.put("library", project(edition, headings.get("city"), "Library hours", "400.00", "FEASIBLE", false));
            projects.put("bikes", project(edition, headings.get("city"), "Bike lanes", "500.00", "FEASIBLE", false));
            projects.put("trees", project(edition, headings.get("city"), "Street trees", "300.00", "FEASIBLE", false));
            projects.put("playground", project(edition, headings.get("north"), "Northgate playground", "200.00", "FEASIBLE", false));
            projects.put("lights", project(edition, headings.get("north"), "Northgate lights", "250.00", "FEASIBLE", false));
            projects.put("unfeasible", project(edition, headings.get("city"), "A bridge to the moon", "900.00", "UNFEASIBLE", false));
            projects.put("withdrawn", project(edition, headings.get("city"), "Withdrawn idea", "100.00", "FEASIBLE", true));
            return new Made(organization, edition, process, headings, projects);
        }

        private void phase(OrganizationId organization, ZoneId zone, long process, LocalDate from, LocalDate to) {
            jdbc.sql("""
                    INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
                    VALUES (:org, :process, 'Balloting', :from, :to, :startsAt, :endsAt, '{VOTE}'::text[])""")
                .param("org", organization.value()).param("process", process).param("from", from).param("to", to)
                .param("startsAt", Timestamp.from(from.atStartOfDay(zone).toInstant()))
                .param("endsAt", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant())).update();
        }

        private long heading(long edition, String name, String district, String budget, int position) {
            return jdbc.sql("""
                    INSERT INTO budget_heading (organization_id, edition_id, name, district_code, budget, position)
                    VALUES (:org, :edition, :name, :district, :budget, :position) RETURNING id""")
                .param("org", organization.value()).param("edition", edition).param("name", name)
                .param("district", district, java.sql.Types.VARCHAR).param("budget", new BigDecimal(budget))
                .param("position", position).query(Long.class).single();
        }

        private long project(long edition, long heading, String title, String cost, String feasibility, boolean withdrawn) {
            return jdbc.sql("""
                    INSERT INTO budget_project (organization_id, edition_id, heading_id, title, description, estimated_cost, cost,
                                                feasibility, valuation_explanation, withdrawn_at, created_at, updated_at)
                    VALUES (:org, :edition, :heading, :title, 'A test project.', :cost, :cost, :feasibility, 'Reviewed.',
                            :withdrawn, now(), now()) RETURNING id""")
                .param("org", organization.value()).param("edition", edition).param("heading", heading).param("title", title)
                .param("cost", new BigDecimal(cost)).param("feasibility", feasibility)
                .param("withdrawn", withdrawn ? Timestamp.from(Instant.now()) : null, java.sql.Types.TIMESTAMP)
                .query(Long.class).single();
        }
    }

    /** Ballots in the box of an edition. */
    long ballots(Made edition) {
        return jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e").param("e", edition.id()).query(Long.class).single();
    }

    long roll(Made edition) {
        return jdbc.sql("SELECT count(*) FROM budget_voter_roll WHERE edition_id = :e").param("e", edition.id())
            .query(Long.class).single();
    }

    long choices(Made edition) {
        return jdbc.sql("SELECT count(*) FROM budget_ballot_choice WHERE edition_id = :e").param("e", edition.id())
            .query(Long.class).single();
    }

    /**
     * Headings of ballots whose arrays of choices (read by results) differ from the choice rows: each heading's
     * projects in rank order, then project order, with their points; none chosen is an empty array.
     */
    long headingsOutOfStepWithChoices(Made edition) {
        return jdbc.sql("""
                SELECT count(*) FROM budget_ballot_heading h
                CROSS JOIN LATERAL (
                    SELECT coalesce(array_agg(c.project_id ORDER BY c.rank, c.project_id), '{}') AS choices,
                           coalesce(array_agg(c.points ORDER BY c.rank, c.project_id), '{}') AS points
                    FROM budget_ballot_choice c WHERE c.ballot_id = h.ballot_id AND c.heading_id = h.heading_id) AS s
                WHERE h.edition_id = :e AND (h.choices, h.points) IS DISTINCT FROM (s.choices, s.points)""")
            .param("e", edition.id()).query(Long.class).single();
    }

    /** The arrays of choices of the edition's ballots, one list per heading of a ballot, in no particular order. */
    List<List<Long>> headingChoices(Made edition) {
        return jdbc.sql("SELECT choices FROM budget_ballot_heading WHERE edition_id = :e").param("e", edition.id())
            .query((rs, row) -> List.of((Long[]) rs.getArray(1).getArray())).list();
    }

    /** Publishes the edition's results (no more ballots). */
    void publish(Made edition) {
        jdbc.sql("UPDATE budget_edition SET results_published_at = now() WHERE id = :e").param("e", edition.id()).update();
    }
}
