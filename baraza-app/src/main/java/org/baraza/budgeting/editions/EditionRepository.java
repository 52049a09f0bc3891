package org.baraza.budgeting.editions;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Editions and their headings, always within one municipality. */
@Repository
public class EditionRepository {

    private static final String COLUMNS = """
        id, organization_id, process_id, title, ballot_kind, max_projects, min_spend_percent, points_per_voter,
        max_points_per_project, heading_choice, rule, tie_break, minimum_age, results_published_at""";

    private final JdbcClient jdbc;

    EditionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The settings an admin chooses; {@link #save} writes them whole. */
    public record Settings(String title, BallotKind ballotKind, Integer maxProjects, int minSpendPercent, Integer pointsPerVoter,
                           Integer maxPointsPerProject, HeadingChoice headingChoice, String rule, String tieBreak,
                           Integer minimumAge) {

        static Settings of(Edition edition) {
            return new Settings(edition.title(), edition.ballotKind(), edition.maxProjects(), edition.minSpendPercent(),
                edition.pointsPerVoter(), edition.maxPointsPerProject(), edition.headingChoice(), edition.rule(),
                edition.tieBreak(), edition.minimumAge());
        }

        /** Whether these settings decide the vote differently from {@code other} (the title does not). */
        boolean changesVotingFrom(Settings other) {
            return !withTitle(null).equals(other.withTitle(null));
        }

        Settings withTitle(String newTitle) {
            return new Settings(newTitle, ballotKind, maxProjects, minSpendPercent, pointsPerVoter, maxPointsPerProject,
                headingChoice, rule, tieBreak, minimumAge);
        }
    }

    public Optional<Edition> find(OrganizationId organization, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budget_edition WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id).query(EditionRepository::edition).optional();
    }

    public List<Edition> list(OrganizationId organization) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budget_edition WHERE organization_id = :org ORDER BY created_at DESC, id DESC")
            .param("org", organization.value()).query(EditionRepository::edition).list();
    }

    public boolean processHasEdition(OrganizationId organization, ProcessId process) {
        return jdbc.sql("SELECT count(*) FROM budget_edition WHERE organization_id = :org AND process_id = :process")
            .param("org", organization.value()).param("process", process.value()).query(Long.class).single() > 0;
    }

    /** A new edition with the defaults: approval of up to 5 projects, Equal Shares with add1 completion. */
    long create(OrganizationId organization, ProcessId process, String title, Instant now) {
        return jdbc.sql("""
                INSERT INTO budget_edition (organization_id, process_id, title, ballot_kind, max_projects, created_at, updated_at)
                VALUES (:org, :process, :title, 'APPROVAL', 5, :now, :now)
                RETURNING id""")
            .param("org", organization.value()).param("process", process.value()).param("title", title)
            .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    void save(OrganizationId organization, long id, Settings settings, Instant now) {
        jdbc.sql("""
                UPDATE budget_edition SET title = :title, ballot_kind = :kind, max_projects = :max,
                       min_spend_percent = :minSpend, points_per_voter = :points, max_points_per_project = :maxPoints,
                       heading_choice = :choice, rule = :rule, tie_break = :tieBreak, minimum_age = :age, updated_at = :now
                WHERE organization_id = :org AND id = :id""")
            .param("title", settings.title(), Types.VARCHAR).param("kind", settings.ballotKind().name())
            .param("max", settings.maxProjects(), Types.INTEGER).param("minSpend", settings.minSpendPercent())
            .param("points", settings.pointsPerVoter(), Types.INTEGER)
            .param("maxPoints", settings.maxPointsPerProject(), Types.INTEGER)
            .param("choice", settings.headingChoice().name()).param("rule", settings.rule())
            .param("tieBreak", settings.tieBreak()).param("age", settings.minimumAge(), Types.INTEGER)
            .param("now", Timestamp.from(now)).param("org", organization.value()).param("id", id).update();
    }

    public List<Heading> headings(OrganizationId organization, long edition) {
        return jdbc.sql("""
                SELECT id, edition_id, name, district_code, budget, position FROM budget_heading
                WHERE organization_id = :org AND edition_id = :edition ORDER BY position, district_code NULLS FIRST, name""")
            .param("org", organization.value()).param("edition", edition).query(EditionRepository::heading).list();
    }

    public Optional<Heading> heading(OrganizationId organization, long edition, long heading) {
        return jdbc.sql("""
                SELECT id, edition_id, name, district_code, budget, position FROM budget_heading
                WHERE organization_id = :org AND edition_id = :edition AND id = :id""")
            .param("org", organization.value()).param("edition", edition).param("id", heading)
            .query(EditionRepository::heading).optional();
    }

    long addHeading(OrganizationId organization, long edition, String name, String districtCode, BigDecimal budget) {
        return jdbc.sql("""
                INSERT INTO budget_heading (organization_id, edition_id, name, district_code, budget, position)
                VALUES (:org, :edition, :name, :district, :budget,
                        (SELECT coalesce(max(position), 0) + 1 FROM budget_heading WHERE edition_id = :edition))
                RETURNING id""")
            .param("org", organization.value()).param("edition", edition).param("name", name)
            .param("district", districtCode, Types.VARCHAR).param("budget", budget).query(Long.class).single();
    }

    void updateHeading(OrganizationId organization, long edition, long heading, String name, String districtCode,
                       BigDecimal budget) {
        jdbc.sql("""
                UPDATE budget_heading SET name = :name, district_code = :district, budget = :budget
                WHERE organization_id = :org AND edition_id = :edition AND id = :id""")
            .param("name", name).param("district", districtCode, Types.VARCHAR).param("budget", budget)
            .param("org", organization.value()).param("edition", edition).param("id", heading).update();
    }

    /** Whether projects, or ballots (an imported edition's), name the heading: then it must stay. */
    boolean headingHasProjects(OrganizationId organization, long edition, long heading) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM budget_project WHERE organization_id = :org AND edition_id = :edition AND heading_id = :id)
                     + (SELECT count(*) FROM budget_ballot_heading WHERE organization_id = :org AND edition_id = :edition AND heading_id = :id)""")
            .param("org", organization.value()).param("edition", edition).param("id", heading).query(Long.class).single() > 0;
    }

    void deleteHeading(OrganizationId organization, long edition, long heading) {
        jdbc.sql("DELETE FROM budget_heading WHERE organization_id = :org AND edition_id = :edition AND id = :id")
            .param("org", organization.value()).param("edition", edition).param("id", heading).update();
    }

    /** Whether another heading of the edition already has this name or this district. */
    boolean headingClashes(long edition, Long except, String name, String districtCode) {
        return jdbc.sql("""
                SELECT count(*) FROM budget_heading WHERE edition_id = :edition AND id <> :except
                AND (lower(name) = lower(:name) OR (district_code IS NOT NULL AND district_code = :district))""")
            .param("edition", edition).param("except", except == null ? 0L : except).param("name", name)
            .param("district", districtCode, Types.VARCHAR).query(Long.class).single() > 0;
    }

    /** Whether any ballot of the edition is in the box (cast, entered from paper or imported). */
    boolean hasBallots(OrganizationId organization, long edition) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM budget_ballot WHERE organization_id = :org AND edition_id = :edition)")
            .param("org", organization.value()).param("edition", edition).query(Boolean.class).single();
    }

    /** Locks the edition's row so that concurrent admin changes and the freeze check see one order. */
    void lock(OrganizationId organization, long edition) {
        jdbc.sql("SELECT id FROM budget_edition WHERE organization_id = :org AND id = :id FOR UPDATE")
            .param("org", organization.value()).param("id", edition).query(Long.class).optional();
    }

    private static Edition edition(ResultSet rs, int row) throws SQLException {
        Timestamp published = rs.getTimestamp("results_published_at");
        return new Edition(rs.getLong("id"), new OrganizationId(rs.getLong("organization_id")),
            new ProcessId(rs.getLong("process_id")), rs.getString("title"), BallotKind.valueOf(rs.getString("ballot_kind")),
            (Integer) rs.getObject("max_projects"), rs.getInt("min_spend_percent"), (Integer) rs.getObject("points_per_voter"),
            (Integer) rs.getObject("max_points_per_project"), HeadingChoice.valueOf(rs.getString("heading_choice")),
            rs.getString("rule"), rs.getString("tie_break"),
            rs.getObject("minimum_age") == null ? null : ((Number) rs.getObject("minimum_age")).intValue(),
            published == null ? null : published.toInstant());
    }

    private static Heading heading(ResultSet rs, int row) throws SQLException {
        return new Heading(rs.getLong("id"), rs.getLong("edition_id"), rs.getString("name"), rs.getString("district_code"),
            rs.getBigDecimal("budget"), rs.getInt("position"));
    }
}
