package org.baraza.budgeting.ballots;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads the editions, headings and projects that make a ballot, with SQL of its own over the budgeting
 * tables (the editions package owns and writes them). Only feasible, not withdrawn projects with a cost
 * are on a ballot.
 */
@Repository
class BallotEditions {

    /** An edition and the ballot it offers, as read together. */
    record Offered(BallotEdition edition, BallotOffer offer) {
    }

    private final JdbcClient jdbc;

    BallotEditions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<BallotEdition> find(OrganizationId organization, long id) {
        return jdbc.sql("""
                SELECT id, organization_id, process_id, title, ballot_kind, max_projects, min_spend_percent, points_per_voter,
                       max_points_per_project, heading_choice, minimum_age, results_published_at
                FROM budget_edition WHERE organization_id = :org AND id = :id""")
            .param("org", organization.value()).param("id", id)
            .query((rs, row) -> edition(rs)).optional();
    }

    /** Every edition of the municipality, newest first, for the officer's desk. */
    List<BallotEdition> all(OrganizationId organization) {
        return jdbc.sql("""
                SELECT id, organization_id, process_id, title, ballot_kind, max_projects, min_spend_percent, points_per_voter,
                       max_points_per_project, heading_choice, minimum_age, results_published_at
                FROM budget_edition WHERE organization_id = :org ORDER BY created_at DESC, id DESC LIMIT 200""")
            .param("org", organization.value())
            .query((rs, row) -> edition(rs)).list();
    }

    /**
     * An edition with the ballot it offers, in one statement: a ballot request reads them together, and three
     * statements (edition, headings, projects) were three round trips and three plans per ballot cast.
     */
    Optional<Offered> findOffered(OrganizationId organization, long id) {
        // each heading's and project's fields as parallel arrays, all ordered by the same unique position
        return jdbc.sql("""
                SELECT e.id, e.organization_id, e.process_id, e.title, e.ballot_kind, e.max_projects, e.min_spend_percent,
                       e.points_per_voter, e.max_points_per_project, e.heading_choice, e.minimum_age, e.results_published_at,
                       h.ids AS heading_ids, h.names AS heading_names, h.districts AS heading_districts, h.budgets AS heading_budgets,
                       p.ids AS project_ids, p.headings AS project_headings, p.titles AS project_titles, p.costs AS project_costs
                FROM budget_edition e
                CROSS JOIN LATERAL (
                    SELECT array_agg(id ORDER BY n) AS ids, array_agg(name ORDER BY n) AS names,
                           array_agg(district_code ORDER BY n) AS districts, array_agg(budget ORDER BY n) AS budgets
                    FROM (SELECT id, name, district_code, budget,
                                 row_number() OVER (ORDER BY district_code NULLS FIRST, position, name, id) AS n
                          FROM budget_heading WHERE organization_id = e.organization_id AND edition_id = e.id) AS heading) AS h
                CROSS JOIN LATERAL (
                    SELECT array_agg(id ORDER BY n) AS ids, array_agg(heading_id ORDER BY n) AS headings,
                           array_agg(title ORDER BY n) AS titles, array_agg(cost ORDER BY n) AS costs
                    FROM (SELECT id, heading_id, title, cost, row_number() OVER (ORDER BY heading_id, title, id) AS n
                          FROM budget_project
                          WHERE organization_id = e.organization_id AND edition_id = e.id AND feasibility = 'FEASIBLE'
                            AND withdrawn_at IS NULL AND cost IS NOT NULL) AS project) AS p
                WHERE e.organization_id = :org AND e.id = :id""")
            .param("org", organization.value()).param("id", id)
            .query((rs, row) -> {
                BallotEdition edition = edition(rs);
                return new Offered(edition, new BallotOffer(edition.id(), edition.rules(), headings(rs), projects(rs)));
            }).optional();
    }

    /** The ballot an edition offers now (for an edition read earlier in the request). */
    BallotOffer offer(BallotEdition edition) {
        return findOffered(edition.organization(), edition.id()).map(Offered::offer)
            .orElseGet(() -> new BallotOffer(edition.id(), edition.rules(), List.of(), List.of()));
    }

    private static List<BallotOffer.Heading> headings(ResultSet rs) throws SQLException {
        Long[] ids = array(rs, "heading_ids", Long[].class);
        String[] names = array(rs, "heading_names", String[].class);
        String[] districts = array(rs, "heading_districts", String[].class);
        BigDecimal[] budgets = array(rs, "heading_budgets", BigDecimal[].class);
        List<BallotOffer.Heading> headings = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            headings.add(new BallotOffer.Heading(ids[i], names[i], districts[i], budgets[i]));
        }
        return headings;
    }

    private static List<BallotOffer.Project> projects(ResultSet rs) throws SQLException {
        Long[] ids = array(rs, "project_ids", Long[].class);
        Long[] headings = array(rs, "project_headings", Long[].class);
        String[] titles = array(rs, "project_titles", String[].class);
        BigDecimal[] costs = array(rs, "project_costs", BigDecimal[].class);
        List<BallotOffer.Project> projects = new ArrayList<>(ids.length);
        for (int i = 0; i < ids.length; i++) {
            projects.add(new BallotOffer.Project(ids[i], headings[i], titles[i], costs[i]));
        }
        return projects;
    }

    /** An aggregated column; empty when the edition has no such rows (array_agg of nothing is null). */
    private static <T> T[] array(ResultSet rs, String column, Class<T[]> type) throws SQLException {
        Array array = rs.getArray(column);
        return type.cast(array == null ? java.lang.reflect.Array.newInstance(type.getComponentType(), 0) : array.getArray());
    }

    private static BallotEdition edition(ResultSet rs) throws SQLException {
        BallotRules rules = new BallotRules(BallotRules.Kind.valueOf(rs.getString("ballot_kind")),
            (Integer) rs.getObject("max_projects"), rs.getInt("min_spend_percent"), (Integer) rs.getObject("points_per_voter"),
            (Integer) rs.getObject("max_points_per_project"), BallotRules.HeadingChoice.valueOf(rs.getString("heading_choice")));
        Object age = rs.getObject("minimum_age");
        return new BallotEdition(new OrganizationId(rs.getLong("organization_id")), rs.getLong("id"),
            new ProcessId(rs.getLong("process_id")), rs.getString("title"), rules,
            age == null ? null : ((Number) age).intValue(), rs.getTimestamp("results_published_at") != null);
    }
}
