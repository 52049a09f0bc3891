package org.baraza.budgeting.results;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javax.sql.DataSource;
import org.baraza.pb.Ballot;
import org.baraza.pb.BallotKind;
import org.baraza.pb.Election;
import org.baraza.pb.Project;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * Streams a heading's ballots out of the secret box into an engine election. The rows come through a
 * server-side cursor in ballot order, so nothing but the engine's own ballots is held in memory, whatever the
 * size of the box. Voter ids are positions in this read: the box has no voter to name.
 */
@Repository
public class BallotBoxReader {

    private static final int FETCH_SIZE = 20_000;

    private final JdbcTemplate cursor;
    private final EditionReader editions;

    BallotBoxReader(DataSource dataSource, EditionReader editions) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(FETCH_SIZE);
        this.editions = editions;
    }

    /**
     * @param idOf the id each project gets in the election (the engine id for results, the exchange id for export)
     * @param meta the election's META section
     */
    @Transactional(readOnly = true)
    public HeadingElection read(Edition edition, Heading heading, Function<BallotProject, String> idOf, Map<String, String> meta) {
        OrganizationId organization = edition.organization();
        List<BallotProject> onBallot = editions.ballotProjects(organization, edition.id(), heading.id());
        Map<Long, String> idById = new java.util.HashMap<>();
        Map<String, BallotProject> byId = new LinkedHashMap<>();
        List<Project> projects = new ArrayList<>(onBallot.size());
        for (BallotProject project : onBallot) {
            String id = idOf.apply(project);
            idById.put(project.id(), id);
            byId.put(id, project);
            projects.add(new Project(id, project.cost(), Map.of("name", project.title())));
        }
        BallotKind kind = edition.engineBallotKind();
        List<Ballot> ballots = new ArrayList<>();
        BallotCollector collector = new BallotCollector(kind, idById, ballots);
        // rank first for ranked ballots (most preferred first, as pabulib's ordinal ballots), else by project
        cursor.query("""
                SELECT bh.ballot_id, c.project_id, c.points, c.rank
                FROM budget_ballot_heading bh
                LEFT JOIN budget_ballot_choice c ON c.ballot_id = bh.ballot_id AND c.heading_id = bh.heading_id
                WHERE bh.edition_id = ? AND bh.heading_id = ? AND bh.organization_id = ?
                ORDER BY bh.ballot_id, c.rank NULLS LAST, c.project_id""",
            rs -> {
                collector.row(rs.getObject(1), (Long) rs.getObject(2), rs.getInt(3), (Integer) rs.getObject(4));
            }, edition.id(), heading.id(), organization.value());
        collector.finish();
        Map<String, String> withBudget = new LinkedHashMap<>(meta);
        BigDecimal budget = heading.budget();
        return new HeadingElection(heading, new Election(withBudget, budget, kind, projects, ballots), byId);
    }

    /** Groups the ordered rows into ballots; choices of projects no longer on the ballot are left out. */
    private static final class BallotCollector {
        private final BallotKind kind;
        private final Map<Long, String> ids;
        private final List<Ballot> ballots;
        private Object current;
        private final List<String> projects = new ArrayList<>();
        private final List<Long> points = new ArrayList<>();

        BallotCollector(BallotKind kind, Map<Long, String> ids, List<Ballot> ballots) {
            this.kind = kind;
            this.ids = ids;
            this.ballots = ballots;
        }

        void row(Object ballot, Long project, int pointsGiven, Integer rank) {
            if (!ballot.equals(current)) {
                finish();
                current = ballot;
            }
            if (project == null) {
                return;
            }
            String id = ids.get(project);
            if (id != null) {
                projects.add(id);
                points.add((long) pointsGiven);
            }
        }

        void finish() {
            if (current == null) {
                return;
            }
            String voter = Integer.toString(ballots.size() + 1);
            ballots.add(kind.hasPoints() ? new Ballot(voter, projects, points) : Ballot.approving(voter, projects));
            projects.clear();
            points.clear();
            current = null;
        }
    }
}
