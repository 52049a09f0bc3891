package org.baraza.budgeting.projects;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Projects, their supports, valuators and incompatibilities, always within one municipality. */
@Repository
class ProjectRepository {

    private static final String COLUMNS = """
        id, organization_id, edition_id, heading_id, author_account_id, title, description, district_code, latitude,
        longitude, image IS NOT NULL AS has_image, image_alt, estimated_cost, cost, feasibility, valuation_explanation,
        supports, withdrawn_at, created_at""";

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** How the public list orders projects: most supported, newest, or a random order fixed per visitor. */
    enum Sort {
        SUPPORTS, NEWEST, RANDOM;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Sort of(String code) {
            for (Sort sort : values()) {
                if (sort.code().equals(code)) {
                    return sort;
                }
            }
            return RANDOM;
        }
    }

    /** What the list asks for; null filters mean any. Withdrawn projects are left out. */
    record Query(long edition, Long heading, String district, Sort sort, long seed, int page, int size) {
    }

    record Page(List<Project> items, int page, int size, long total) {
        public int lastPage() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    record Image(byte[] bytes, String mediaType) {
    }

    /** A new project's content; {@code author} null for one an admin entered. */
    record Draft(long heading, Long author, String title, String description, String districtCode, Double latitude,
                 Double longitude, byte[] image, String imageMediaType, String imageAlt, BigDecimal estimatedCost) {
    }

    Optional<Project> find(OrganizationId organization, long edition, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budget_project WHERE organization_id = :org AND edition_id = :edition AND id = :id")
            .param("org", organization.value()).param("edition", edition).param("id", id)
            .query(ProjectRepository::project).optional();
    }

    Optional<Project> find(OrganizationId organization, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budget_project WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id).query(ProjectRepository::project).optional();
    }

    Page list(OrganizationId organization, Query query) {
        String where = """
            WHERE organization_id = :org AND edition_id = :edition AND withdrawn_at IS NULL
            AND (CAST(:heading AS bigint) IS NULL OR heading_id = :heading)
            AND (CAST(:district AS text) IS NULL OR district_code = :district)""";
        String order = switch (query.sort()) {
            case SUPPORTS -> "supports DESC, id";
            case NEWEST -> "created_at DESC, id DESC";
            case RANDOM -> "md5(id::text || ':' || :seed), id";
        };
        List<Project> items = jdbc.sql("SELECT " + COLUMNS + " FROM budget_project " + where + " ORDER BY " + order
                + " LIMIT :limit OFFSET :offset")
            .param("org", organization.value()).param("edition", query.edition())
            .param("heading", query.heading(), Types.BIGINT).param("district", query.district(), Types.VARCHAR)
            .param("seed", Long.toString(query.seed())).param("limit", query.size())
            .param("offset", (long) (query.page() - 1) * query.size())
            .query(ProjectRepository::project).list();
        long total = jdbc.sql("SELECT count(*) FROM budget_project " + where)
            .param("org", organization.value()).param("edition", query.edition())
            .param("heading", query.heading(), Types.BIGINT).param("district", query.district(), Types.VARCHAR)
            .query(Long.class).single();
        return new Page(items, query.page(), query.size(), total);
    }

    /** The located projects of an edition (optionally of one heading), not withdrawn, most supported first. */
    List<Project> located(OrganizationId organization, long edition, Long heading, int limit) {
        return jdbc.sql("SELECT " + COLUMNS + """
                 FROM budget_project WHERE organization_id = :org AND edition_id = :edition AND withdrawn_at IS NULL
                AND latitude IS NOT NULL AND (CAST(:heading AS bigint) IS NULL OR heading_id = :heading)
                ORDER BY supports DESC, id LIMIT :limit""")
            .param("org", organization.value()).param("edition", edition).param("heading", heading, Types.BIGINT)
            .param("limit", limit).query(ProjectRepository::project).list();
    }

    /** Every project of an edition, withdrawn ones included, by heading then title: the admin's list. */
    List<Project> all(OrganizationId organization, long edition) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budget_project WHERE organization_id = :org AND edition_id = :edition"
                + " ORDER BY heading_id, lower(title), id")
            .param("org", organization.value()).param("edition", edition).query(ProjectRepository::project).list();
    }

    long insert(OrganizationId organization, long edition, Draft draft, Instant now) {
        return jdbc.sql("""
                INSERT INTO budget_project (organization_id, edition_id, heading_id, author_account_id, title, description,
                                            district_code, latitude, longitude, image, image_media_type, image_alt,
                                            estimated_cost, created_at, updated_at)
                VALUES (:org, :edition, :heading, :author, :title, :description, :district, :lat, :lon, :image, :mediaType,
                        :alt, :estimate, :now, :now)
                RETURNING id""")
            .param("org", organization.value()).param("edition", edition).param("heading", draft.heading())
            .param("author", draft.author(), Types.BIGINT).param("title", draft.title())
            .param("description", draft.description()).param("district", draft.districtCode(), Types.VARCHAR)
            .param("lat", draft.latitude(), Types.DOUBLE).param("lon", draft.longitude(), Types.DOUBLE)
            .param("image", draft.image(), Types.BINARY).param("mediaType", draft.imageMediaType(), Types.VARCHAR)
            .param("alt", draft.imageAlt(), Types.VARCHAR).param("estimate", draft.estimatedCost())
            .param("now", Timestamp.from(now)).query(Long.class).single();
    }

    Optional<Image> image(OrganizationId organization, long edition, long id) {
        return jdbc.sql("""
                SELECT image, image_media_type FROM budget_project
                WHERE organization_id = :org AND edition_id = :edition AND id = :id AND image IS NOT NULL""")
            .param("org", organization.value()).param("edition", edition).param("id", id)
            .query((rs, row) -> new Image(rs.getBytes("image"), rs.getString("image_media_type"))).optional();
    }

    /** Locks the project's row for a support change; empty if it is not there. */
    Optional<Project> lock(OrganizationId organization, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM budget_project WHERE organization_id = :org AND id = :id FOR UPDATE")
            .param("org", organization.value()).param("id", id).query(ProjectRepository::project).optional();
    }

    /** @return whether the support is new (the primary key refuses a second one by the same person) */
    boolean insertSupport(OrganizationId organization, long project, long account, Instant now) {
        return jdbc.sql("""
                INSERT INTO budget_project_support (organization_id, project_id, account_id, supported_at)
                VALUES (:org, :project, :account, :now) ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("project", project).param("account", account)
            .param("now", Timestamp.from(now)).update() == 1;
    }

    boolean deleteSupport(OrganizationId organization, long project, long account) {
        return jdbc.sql("DELETE FROM budget_project_support WHERE organization_id = :org AND project_id = :project AND account_id = :account")
            .param("org", organization.value()).param("project", project).param("account", account).update() == 1;
    }

    void addToSupports(OrganizationId organization, long project, int delta) {
        jdbc.sql("UPDATE budget_project SET supports = supports + :delta WHERE organization_id = :org AND id = :id")
            .param("delta", delta).param("org", organization.value()).param("id", project).update();
    }

    boolean hasSupported(OrganizationId organization, long project, long account) {
        return jdbc.sql("SELECT count(*) FROM budget_project_support WHERE organization_id = :org AND project_id = :project AND account_id = :account")
            .param("org", organization.value()).param("project", project).param("account", account)
            .query(Long.class).single() > 0;
    }

    void withdraw(OrganizationId organization, long id, Instant now) {
        jdbc.sql("UPDATE budget_project SET withdrawn_at = :now, updated_at = :now WHERE organization_id = :org AND id = :id")
            .param("now", Timestamp.from(now)).param("org", organization.value()).param("id", id).update();
    }

    void value(OrganizationId organization, long id, Feasibility feasibility, BigDecimal cost, String explanation,
               long valuator, Instant now) {
        jdbc.sql("""
                UPDATE budget_project SET feasibility = :feasibility, cost = :cost, valuation_explanation = :explanation,
                       valuated_by = :valuator, valuated_at = :now, updated_at = :now
                WHERE organization_id = :org AND id = :id""")
            .param("feasibility", feasibility.name()).param("cost", cost, Types.NUMERIC)
            .param("explanation", explanation).param("valuator", valuator).param("now", Timestamp.from(now))
            .param("org", organization.value()).param("id", id).update();
    }

    List<Long> valuators(OrganizationId organization, long project) {
        return jdbc.sql("SELECT account_id FROM budget_project_valuator WHERE organization_id = :org AND project_id = :project ORDER BY account_id")
            .param("org", organization.value()).param("project", project).query(Long.class).list();
    }

    void replaceValuators(OrganizationId organization, long project, List<Long> accounts) {
        jdbc.sql("DELETE FROM budget_project_valuator WHERE organization_id = :org AND project_id = :project")
            .param("org", organization.value()).param("project", project).update();
        for (long account : accounts) {
            jdbc.sql("INSERT INTO budget_project_valuator (organization_id, project_id, account_id) VALUES (:org, :project, :account)")
                .param("org", organization.value()).param("project", project).param("account", account).update();
        }
    }

    boolean isValuator(OrganizationId organization, long project, long account) {
        return jdbc.sql("SELECT count(*) FROM budget_project_valuator WHERE organization_id = :org AND project_id = :project AND account_id = :account")
            .param("org", organization.value()).param("project", project).param("account", account)
            .query(Long.class).single() > 0;
    }

    /** The projects assigned to a valuator, not withdrawn, pending first. */
    List<Project> assignedTo(OrganizationId organization, long account) {
        return jdbc.sql("SELECT " + COLUMNS.replace("id, organization_id", "p.id, p.organization_id") + """
                 FROM budget_project p JOIN budget_project_valuator v ON v.project_id = p.id AND v.organization_id = p.organization_id
                WHERE p.organization_id = :org AND v.account_id = :account AND p.withdrawn_at IS NULL
                ORDER BY p.feasibility <> 'PENDING', p.edition_id DESC, lower(p.title), p.id""")
            .param("org", organization.value()).param("account", account).query(ProjectRepository::project).list();
    }

    /** The projects of the edition at most one of which may win together with {@code project}. */
    List<Long> incompatibleWith(long edition, long project) {
        return jdbc.sql("""
                SELECT CASE WHEN project_low = :project THEN project_high ELSE project_low END FROM budget_incompatibility
                WHERE edition_id = :edition AND (project_low = :project OR project_high = :project) ORDER BY 1""")
            .param("edition", edition).param("project", project).query(Long.class).list();
    }

    /** Every incompatible pair of the edition, lower id first. */
    List<long[]> incompatibilities(OrganizationId organization, long edition) {
        return jdbc.sql("SELECT project_low, project_high FROM budget_incompatibility WHERE organization_id = :org AND edition_id = :edition ORDER BY 1, 2")
            .param("org", organization.value()).param("edition", edition)
            .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    boolean addIncompatibility(OrganizationId organization, long edition, long a, long b) {
        return jdbc.sql("""
                INSERT INTO budget_incompatibility (organization_id, edition_id, project_low, project_high)
                VALUES (:org, :edition, :low, :high) ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("edition", edition).param("low", Math.min(a, b))
            .param("high", Math.max(a, b)).update() == 1;
    }

    boolean removeIncompatibility(OrganizationId organization, long edition, long a, long b) {
        return jdbc.sql("""
                DELETE FROM budget_incompatibility WHERE organization_id = :org AND edition_id = :edition
                AND project_low = :low AND project_high = :high""")
            .param("org", organization.value()).param("edition", edition).param("low", Math.min(a, b))
            .param("high", Math.max(a, b)).update() == 1;
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
        return new Project(rs.getLong("id"), new OrganizationId(rs.getLong("organization_id")), rs.getLong("edition_id"),
            rs.getLong("heading_id"), (Long) rs.getObject("author_account_id"), rs.getString("title"),
            rs.getString("description"), rs.getString("district_code"), (Double) rs.getObject("latitude"),
            (Double) rs.getObject("longitude"), rs.getBoolean("has_image"), rs.getString("image_alt"),
            rs.getBigDecimal("estimated_cost"), rs.getBigDecimal("cost"), Feasibility.valueOf(rs.getString("feasibility")),
            rs.getString("valuation_explanation"), rs.getInt("supports"), withdrawn == null ? null : withdrawn.toInstant(),
            rs.getTimestamp("created_at").toInstant());
    }
}
