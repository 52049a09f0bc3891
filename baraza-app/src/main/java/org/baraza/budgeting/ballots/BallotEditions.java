package org.baraza.budgeting.ballots;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    BallotOffer offer(BallotEdition edition) {
        List<BallotOffer.Heading> headings = jdbc.sql("""
                SELECT id, name, district_code, budget FROM budget_heading
                WHERE organization_id = :org AND edition_id = :edition ORDER BY district_code NULLS FIRST, position, name""")
            .param("org", edition.organization().value()).param("edition", edition.id())
            .query((rs, row) -> new BallotOffer.Heading(rs.getLong("id"), rs.getString("name"), rs.getString("district_code"),
                rs.getBigDecimal("budget"))).list();
        List<BallotOffer.Project> projects = jdbc.sql("""
                SELECT id, heading_id, title, cost FROM budget_project
                WHERE organization_id = :org AND edition_id = :edition AND feasibility = 'FEASIBLE' AND withdrawn_at IS NULL
                  AND cost IS NOT NULL
                ORDER BY heading_id, title, id""")
            .param("org", edition.organization().value()).param("edition", edition.id())
            .query((rs, row) -> new BallotOffer.Project(rs.getLong("id"), rs.getLong("heading_id"), rs.getString("title"),
                rs.getBigDecimal("cost"))).list();
        return new BallotOffer(edition.id(), edition.rules(), headings, projects);
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
