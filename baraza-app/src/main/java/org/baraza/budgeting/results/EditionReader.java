package org.baraza.budgeting.results;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads editions, headings, ballot projects and incompatibilities with its own SQL: the editions and projects
 * features own the tables (V2026_11_23_2200), results and exchange only read them. Every query is scoped by the
 * municipality first.
 */
@Repository
public class EditionReader {

    private final JdbcClient jdbc;

    EditionReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Edition> edition(OrganizationId organization, long id) {
        return jdbc.sql("""
                SELECT id, organization_id, process_id, title, ballot_kind, max_projects, points_per_voter, rule, tie_break,
                       results_published_at, created_at
                FROM budget_edition WHERE organization_id = :o AND id = :id""")
            .param("o", organization.value()).param("id", id)
            .query((rs, row) -> edition(rs)).optional();
    }

    /** Whether a process already has an edition (a process holds at most one). */
    public boolean processHasEdition(OrganizationId organization, ProcessId process) {
        return jdbc.sql("SELECT count(*) FROM budget_edition WHERE process_id = :p")
            .param("p", process.value()).query(Long.class).single() > 0;
    }

    public List<Heading> headings(OrganizationId organization, long edition) {
        return jdbc.sql("""
                SELECT id, edition_id, name, district_code, budget, position FROM budget_heading
                WHERE organization_id = :o AND edition_id = :e ORDER BY position, id""")
            .param("o", organization.value()).param("e", edition)
            .query((rs, row) -> new Heading(rs.getLong("id"), rs.getLong("edition_id"), rs.getString("name"),
                rs.getString("district_code"), rs.getBigDecimal("budget"), rs.getInt("position")))
            .list();
    }

    /** The projects a heading's ballot offers: feasible, costed and not withdrawn, by id. */
    public List<BallotProject> ballotProjects(OrganizationId organization, long edition, long heading) {
        return jdbc.sql("""
                SELECT id, heading_id, title, cost, external_id, district_code, latitude, longitude FROM budget_project
                WHERE organization_id = :o AND edition_id = :e AND heading_id = :h
                  AND feasibility = 'FEASIBLE' AND cost IS NOT NULL AND withdrawn_at IS NULL
                ORDER BY id""")
            .param("o", organization.value()).param("e", edition).param("h", heading)
            .query((rs, row) -> new BallotProject(rs.getLong("id"), rs.getLong("heading_id"), rs.getString("title"),
                rs.getBigDecimal("cost"), rs.getString("external_id"), rs.getString("district_code"),
                (Double) rs.getObject("latitude"), (Double) rs.getObject("longitude")))
            .list();
    }

    /** The edition's incompatible pairs among {@code projects}: at most one of each pair may win. */
    public List<Set<Long>> incompatibilities(OrganizationId organization, long edition, Set<Long> projects) {
        return jdbc.sql("""
                SELECT project_low, project_high FROM budget_incompatibility
                WHERE organization_id = :o AND edition_id = :e ORDER BY project_low, project_high""")
            .param("o", organization.value()).param("e", edition)
            .query((rs, row) -> Set.of(rs.getLong("project_low"), rs.getLong("project_high")))
            .list().stream().filter(projects::containsAll).toList();
    }

    /** Voters on the roll by channel (ONLINE, BOOTH, PAPER): aggregate counts only. */
    public Map<String, Long> votersByChannel(OrganizationId organization, long edition) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (String channel : List.of("ONLINE", "BOOTH", "PAPER")) {
            counts.put(channel, 0L);
        }
        jdbc.sql("""
                SELECT channel, count(*) AS voters FROM budget_voter_roll
                WHERE organization_id = :o AND edition_id = :e GROUP BY channel""")
            .param("o", organization.value()).param("e", edition)
            .query(rs -> {
                counts.put(rs.getString("channel"), rs.getLong("voters"));
            });
        return counts;
    }

    private static Edition edition(ResultSet rs) throws SQLException {
        return new Edition(rs.getLong("id"), new OrganizationId(rs.getLong("organization_id")), new ProcessId(rs.getLong("process_id")),
            rs.getString("title"), rs.getString("ballot_kind"), (Integer) rs.getObject("max_projects"),
            (Integer) rs.getObject("points_per_voter"), rs.getString("rule"), rs.getString("tie_break"),
            instant(rs.getTimestamp("results_published_at")), instant(rs.getTimestamp("created_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
