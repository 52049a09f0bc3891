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
 * Reads a heading's ballots out of the secret box into an engine election. The database counts identical ballots, so what crosses the connection is one row per distinct ballot (through a
 * server-side cursor), and identical ballots share one list in memory. Voter ids are positions in this read:
 * the box has no voter to name.
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
        // Identical ballots are counted in the database over one row per ballot: the heading's part of each ballot
        // holds its choices as arrays in reading order (rank, then project; V2026_11_24_0100), so no choice row is
        // sorted. The box of a city-wide heading holds hundreds of thousands of ballots but a few thousand distinct
        // ones, and only those cross the connection. A ballot that chose nothing in the heading still takes part
        // in it (an empty array): it counts among the voters (MES's n).
        // Points are 1 on every ballot without points: grouping by them too would only cost time.
        boolean points = kind.hasPoints();
        cursor.query(points ? """
                SELECT choices, count(*) AS voters, points FROM budget_ballot_heading
                WHERE organization_id = ? AND edition_id = ? AND heading_id = ?
                GROUP BY choices, points""" : """
                SELECT choices, count(*) AS voters FROM budget_ballot_heading
                WHERE organization_id = ? AND edition_id = ? AND heading_id = ?
                GROUP BY choices""",
            rs -> {
                Long[] chosen = (Long[]) rs.getArray(1).getArray();
                long voters = rs.getLong(2);
                Integer[] given = points ? (Integer[]) rs.getArray(3).getArray() : null;
                List<String> ids = new ArrayList<>(chosen.length);
                List<Long> pointsGiven = new ArrayList<>(chosen.length);
                for (int i = 0; i < chosen.length; i++) {
                    String id = idById.get(chosen[i]);
                    if (id != null) { // a choice of a project no longer on the ballot is left out
                        ids.add(id);
                        if (points) {
                            pointsGiven.add(given[i].longValue());
                        }
                    }
                }
                // one immutable list shared by every identical ballot
                List<String> sharedProjects = List.copyOf(ids);
                List<Long> sharedPoints = points ? List.copyOf(pointsGiven) : List.of();
                for (long v = 0; v < voters; v++) {
                    ballots.add(new Ballot(Integer.toString(ballots.size() + 1), sharedProjects, sharedPoints));
                }
            }, organization.value(), edition.id(), heading.id());
        Map<String, String> withBudget = new LinkedHashMap<>(meta);
        BigDecimal budget = heading.budget();
        return new HeadingElection(heading, new Election(withBudget, budget, kind, projects, ballots), byId);
    }
}
