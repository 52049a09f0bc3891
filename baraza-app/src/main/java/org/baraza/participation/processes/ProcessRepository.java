package org.baraza.participation.processes;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Processes and their phases, always of one municipality. */
@Repository
class ProcessRepository {

    /** What a process is, as an admin writes it. */
    record Draft(String title, String description, String districtCode, List<Integer> sdgGoals, boolean published) {
    }

    /** A phase as an admin writes it, with its instants already computed in the municipality's time zone. */
    record PhaseDraft(String title, String description, LocalDate startsOn, LocalDate endsOn, Instant startsAt, Instant endsAt,
                      Set<PhaseAction> actions) {
    }

    /** A stored image. */
    record Image(byte[] bytes, String mediaType) {
    }

    private final JdbcClient jdbc;

    ProcessRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ProcessId create(OrganizationId organization, Draft draft, Instant now) {
        long id = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, district_code, sdg_goals, published,
                                                   created_at, updated_at)
                VALUES (:org, :title, :description, :district, :sdg::smallint[], :published, :now, :now)
                RETURNING id""")
            .param("org", organization.value()).param("title", draft.title()).param("description", draft.description())
            .param("district", draft.districtCode(), java.sql.Types.VARCHAR).param("sdg", arrayLiteral(draft.sdgGoals()))
            .param("published", draft.published()).param("now", Timestamp.from(now))
            .query(Long.class).single();
        return new ProcessId(id);
    }

    boolean update(OrganizationId organization, ProcessId id, Draft draft, Instant now) {
        return jdbc.sql("""
                UPDATE participatory_process
                SET title = :title, description = :description, district_code = :district, sdg_goals = :sdg::smallint[],
                    published = :published, updated_at = :now
                WHERE organization_id = :org AND id = :id""")
            .param("org", organization.value()).param("id", id.value()).param("title", draft.title())
            .param("description", draft.description()).param("district", draft.districtCode(), java.sql.Types.VARCHAR)
            .param("sdg", arrayLiteral(draft.sdgGoals())).param("published", draft.published())
            .param("now", Timestamp.from(now))
            .update() == 1;
    }

    boolean delete(OrganizationId organization, ProcessId id) {
        return jdbc.sql("DELETE FROM participatory_process WHERE organization_id = :org AND id = :id")
            .param("org", organization.value()).param("id", id.value()).update() == 1;
    }

    /** Locks the process row until the transaction ends, so phase changes to one process happen one at a time. */
    boolean lock(OrganizationId organization, ProcessId id) {
        return jdbc.sql("SELECT id FROM participatory_process WHERE organization_id = :org AND id = :id FOR UPDATE")
            .param("org", organization.value()).param("id", id.value()).query(Long.class).optional().isPresent();
    }

    /**
     * Whether a phase of the published process allows the action at {@code now}, holding the process's phases
     * unchanged until the transaction ends (a key-share lock on the process row, which phase changes lock for
     * update); false for no such process. Two statements, not one: a statement that waited for the lock would
     * still read the phases as they were when it began, before the change it waited for.
     */
    boolean openWhileHeld(OrganizationId organization, ProcessId id, PhaseAction action, Instant now) {
        boolean held = jdbc.sql("SELECT id FROM participatory_process WHERE organization_id = :org AND id = :id AND published FOR KEY SHARE")
            .param("org", organization.value()).param("id", id.value()).query(Long.class).optional().isPresent();
        return held && jdbc.sql("""
                SELECT EXISTS (SELECT 1 FROM process_phase
                               WHERE organization_id = :org AND process_id = :id
                                 AND starts_at <= :now AND ends_at > :now AND :action = ANY (actions))""")
            .param("org", organization.value()).param("id", id.value()).param("action", action.name())
            .param("now", Timestamp.from(now))
            .query(Boolean.class).single();
    }

    Optional<ParticipatoryProcess> find(OrganizationId organization, ProcessId id) {
        return jdbc.sql(SELECT + " WHERE p.organization_id = :org AND p.id = :id")
            .param("org", organization.value()).param("id", id.value())
            .query(ProcessRepository::process).optional()
            .map(process -> process.withPhases(phases(organization, id)));
    }

    /** Processes newest first, with their phases; drafts only if asked for. */
    List<ParticipatoryProcess> list(OrganizationId organization, boolean includeDrafts, int limit, long offset) {
        List<ParticipatoryProcess> processes = jdbc.sql(SELECT + """
                 WHERE p.organization_id = :org AND (p.published OR :drafts)
                ORDER BY p.id DESC LIMIT :limit OFFSET :offset""")
            .param("org", organization.value()).param("drafts", includeDrafts).param("limit", limit).param("offset", offset)
            .query(ProcessRepository::process).list();
        if (processes.isEmpty()) {
            return processes;
        }
        Map<Long, List<Phase>> phases = phasesOf(organization, processes.stream().map(p -> p.id().value()).toList());
        return processes.stream().map(p -> p.withPhases(phases.getOrDefault(p.id().value(), List.of()))).toList();
    }

    long count(OrganizationId organization, boolean includeDrafts) {
        return jdbc.sql("SELECT count(*) FROM participatory_process WHERE organization_id = :org AND (published OR :drafts)")
            .param("org", organization.value()).param("drafts", includeDrafts).query(Long.class).single();
    }

    List<Phase> phases(OrganizationId organization, ProcessId process) {
        return phasesOf(organization, List.of(process.value())).getOrDefault(process.value(), List.of());
    }

    private Map<Long, List<Phase>> phasesOf(OrganizationId organization, List<Long> processIds) {
        Map<Long, List<Phase>> byProcess = new LinkedHashMap<>();
        jdbc.sql("""
                SELECT id, process_id, title, description, starts_on, ends_on, starts_at, ends_at, actions
                FROM process_phase WHERE organization_id = :org AND process_id IN (:ids)
                ORDER BY process_id, starts_at""")
            .param("org", organization.value()).param("ids", processIds)
            .query(ProcessRepository::phase).list()
            .forEach(phase -> byProcess.computeIfAbsent(phase.process().value(), key -> new ArrayList<>()).add(phase));
        return byProcess;
    }

    long addPhase(OrganizationId organization, ProcessId process, PhaseDraft draft) {
        return jdbc.sql("""
                INSERT INTO process_phase (organization_id, process_id, title, description, starts_on, ends_on, starts_at,
                                           ends_at, actions)
                VALUES (:org, :process, :title, :description, :startsOn, :endsOn, :startsAt, :endsAt, :actions::text[])
                RETURNING id""")
            .param("org", organization.value()).param("process", process.value())
            .params(phaseParameters(draft))
            .query(Long.class).single();
    }

    boolean updatePhase(OrganizationId organization, ProcessId process, long phaseId, PhaseDraft draft) {
        return jdbc.sql("""
                UPDATE process_phase SET title = :title, description = :description, starts_on = :startsOn,
                    ends_on = :endsOn, starts_at = :startsAt, ends_at = :endsAt, actions = :actions::text[]
                WHERE organization_id = :org AND process_id = :process AND id = :id""")
            .param("org", organization.value()).param("process", process.value()).param("id", phaseId)
            .params(phaseParameters(draft))
            .update() == 1;
    }

    boolean deletePhase(OrganizationId organization, ProcessId process, long phaseId) {
        return jdbc.sql("DELETE FROM process_phase WHERE organization_id = :org AND process_id = :process AND id = :id")
            .param("org", organization.value()).param("process", process.value()).param("id", phaseId).update() == 1;
    }

    void setImage(OrganizationId organization, ProcessId process, byte[] bytes, String mediaType, String alt, Instant now) {
        jdbc.sql("""
                UPDATE participatory_process SET image = :bytes, image_media_type = :type, image_alt = :alt, updated_at = :now
                WHERE organization_id = :org AND id = :id""")
            .param("org", organization.value()).param("id", process.value()).param("bytes", bytes).param("type", mediaType)
            .param("alt", alt, java.sql.Types.VARCHAR).param("now", Timestamp.from(now)).update();
    }

    void removeImage(OrganizationId organization, ProcessId process, Instant now) {
        jdbc.sql("""
                UPDATE participatory_process SET image = NULL, image_media_type = NULL, image_alt = NULL, updated_at = :now
                WHERE organization_id = :org AND id = :id""")
            .param("org", organization.value()).param("id", process.value()).param("now", Timestamp.from(now)).update();
    }

    /** The image of a published process (or of any process, for admins). */
    Optional<Image> image(OrganizationId organization, ProcessId process, boolean includeDrafts) {
        return jdbc.sql("""
                SELECT image, image_media_type FROM participatory_process
                WHERE organization_id = :org AND id = :id AND image IS NOT NULL AND (published OR :drafts)""")
            .param("org", organization.value()).param("id", process.value()).param("drafts", includeDrafts)
            .query((rs, row) -> new Image(rs.getBytes("image"), rs.getString("image_media_type"))).optional();
    }

    /** Processes whose current phase differs from the one last announced, across municipalities. */
    List<PhaseWatch.Due> phaseChangesDue(Instant now) {
        return jdbc.sql("""
                SELECT p.organization_id, p.id, p.announced_phase_id,
                       coalesce((SELECT f.id FROM process_phase f WHERE f.process_id = p.id
                                 AND f.starts_at <= :now AND f.ends_at > :now ORDER BY f.starts_at LIMIT 1), 0) AS current_phase
                FROM participatory_process p
                WHERE p.published""")
            .param("now", Timestamp.from(now))
            .query((rs, row) -> new PhaseWatch.Due(new OrganizationId(rs.getLong("organization_id")),
                new ProcessId(rs.getLong("id")), rs.getLong("announced_phase_id"), rs.getLong("current_phase")))
            .list().stream().filter(due -> due.announced() != due.current()).toList();
    }

    /** Records the announcement; false if another node got there first. */
    boolean markAnnounced(OrganizationId organization, ProcessId process, long previous, long current) {
        return jdbc.sql("""
                UPDATE participatory_process SET announced_phase_id = :current
                WHERE organization_id = :org AND id = :id AND announced_phase_id = :previous""")
            .param("org", organization.value()).param("id", process.value()).param("previous", previous)
            .param("current", current).update() == 1;
    }

    private static Map<String, Object> phaseParameters(PhaseDraft draft) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("title", draft.title());
        parameters.put("description", draft.description());
        parameters.put("startsOn", draft.startsOn());
        parameters.put("endsOn", draft.endsOn());
        parameters.put("startsAt", Timestamp.from(draft.startsAt()));
        parameters.put("endsAt", Timestamp.from(draft.endsAt()));
        parameters.put("actions", "{" + String.join(",", draft.actions().stream().sorted().map(Enum::name).toList()) + "}");
        return parameters;
    }

    private static final String SELECT = """
        SELECT p.id, p.organization_id, p.title, p.description, p.district_code, p.sdg_goals, p.image IS NOT NULL AS has_image,
               p.image_alt, p.published
        FROM participatory_process p""";

    private static ParticipatoryProcess process(ResultSet rs, int row) throws SQLException {
        return new ParticipatoryProcess(new ProcessId(rs.getLong("id")), new OrganizationId(rs.getLong("organization_id")),
            rs.getString("title"), rs.getString("description"), rs.getString("district_code"),
            integers(rs.getArray("sdg_goals")), rs.getBoolean("has_image"), rs.getString("image_alt"),
            rs.getBoolean("published"), List.of());
    }

    private static Phase phase(ResultSet rs, int row) throws SQLException {
        Set<PhaseAction> actions = EnumSet.noneOf(PhaseAction.class);
        for (Object action : (Object[]) rs.getArray("actions").getArray()) {
            actions.add(PhaseAction.valueOf((String) action));
        }
        return new Phase(rs.getLong("id"), new ProcessId(rs.getLong("process_id")), rs.getString("title"),
            rs.getString("description"), rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
            rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(), actions);
    }

    private static List<Integer> integers(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(value -> ((Number) value).intValue()).sorted().toList();
    }

    private static String arrayLiteral(List<Integer> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }
}
