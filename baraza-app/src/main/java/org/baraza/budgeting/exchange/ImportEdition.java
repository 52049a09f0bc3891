package org.baraza.budgeting.exchange;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.baraza.budgeting.results.EditionReader;
import org.baraza.participation.ProcessId;
import org.baraza.participation.Processes;
import org.baraza.pb.Ballot;
import org.baraza.pb.BallotKind;
import org.baraza.pb.Election;
import org.baraza.pb.PabulibFormatException;
import org.baraza.pb.PabulibReader;
import org.baraza.pb.Project;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates an edition from a pabulib {@code .pb} file (docs/api-budget-results.md, "Import"): the edition, one
 * heading, its projects (feasible, at the file's cost) and the file's ballots in the box, in one transaction.
 * The file's voters are anonymous: the ballots carry no receipt and the voter roll gets no rows. Anything the
 * schema or Baraza's ballots cannot hold (scoring ballots, amounts with more than two decimals, a thousand
 * points) is refused with a message saying which, and nothing is stored.
 */
@Service
class ImportEdition {

    static final String IMPORTED = "Imported from pabulib file";
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");
    private static final int BATCH = 5_000;

    /** The outcome: what was created, or why nothing was. */
    sealed interface Result permits Created, Refused {
    }

    record Created(ImportedEdition edition) implements Result {
    }

    record Refused(ImportRefusal refusal) implements Result {
    }

    /** Opens the uploaded file again: it is read twice, once to count lines, once to parse. */
    interface Upload {
        InputStream open() throws IOException;

        String name();
    }

    private final JdbcClient jdbc;
    private final EditionReader editions;
    private final Processes processes;
    private final Districts districts;
    private final AuditTrail audit;
    private final TransactionTemplate transaction;
    private final ImportLimits limits;
    private final Clock clock;

    ImportEdition(JdbcClient jdbc, EditionReader editions, Processes processes, Districts districts, AuditTrail audit,
                  TransactionTemplate transaction, ImportLimits limits, Clock clock) {
        this.jdbc = jdbc;
        this.editions = editions;
        this.processes = processes;
        this.districts = districts;
        this.audit = audit;
        this.transaction = transaction;
        this.limits = limits;
        this.clock = clock;
    }

    Result importFile(OrganizationId organization, long actorAccountId, ProcessId process, Upload upload) throws IOException {
        if (!processes.exists(organization, process)) {
            return refused("budgetResults.import.refused.process");
        }
        if (editions.processHasEdition(organization, process)) {
            return refused("budgetResults.import.refused.hasEdition");
        }
        long lines = voteLines(upload);
        if (lines > limits.maxBallots()) {
            return refused("budgetResults.import.refused.tooManyBallots", limits.maxBallots());
        }
        Election election;
        try (Reader in = new BufferedReader(new InputStreamReader(upload.open(),
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)))) {
            election = PabulibReader.read(in, safeName(upload.name()));
        } catch (PabulibFormatException malformed) {
            return refused("budgetResults.import.refused.malformed", malformed.line(), malformed.problem());
        } catch (java.nio.charset.CharacterCodingException | java.io.UncheckedIOException notUtf8) {
            return refused("budgetResults.import.refused.encoding");
        }
        Optional<ImportRefusal> problem = check(election);
        if (problem.isPresent()) {
            return new Refused(problem.get());
        }
        try {
            ImportedEdition created = transaction.execute(status -> store(organization, actorAccountId, process, election));
            return new Created(created);
        } catch (org.springframework.dao.DuplicateKeyException raced) {
            // another import into the same process committed first (budget_edition.process_id is unique)
            return refused("budgetResults.import.refused.hasEdition");
        }
    }

    /** Lines after the VOTES title, an upper bound of the ballots, counted without holding the file. */
    private long voteLines(Upload upload) throws IOException {
        long lines = 0;
        boolean inVotes = false;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(upload.open(), StandardCharsets.UTF_8))) {
            int c;
            StringBuilder line = new StringBuilder();
            while ((c = in.read()) >= 0) {
                if (c == '\n') {
                    if (inVotes) {
                        lines++;
                    } else if (line.toString().trim().equalsIgnoreCase("VOTES")) {
                        inVotes = true;
                        lines = -1; // the VOTES section's header row is not a ballot
                    }
                    line.setLength(0);
                } else if (!inVotes && line.length() < 16) {
                    line.append((char) c);
                }
            }
        }
        return lines;
    }

    private Optional<ImportRefusal> check(Election election) {
        if (election.kind() == BallotKind.SCORING) {
            return Optional.of(new ImportRefusal("budgetResults.import.refused.scoring"));
        }
        if (!amountFits(election.budget()) || election.budget().signum() <= 0) {
            return Optional.of(new ImportRefusal("budgetResults.import.refused.budget", election.budget().toPlainString()));
        }
        if (election.projects().isEmpty()) {
            return Optional.of(new ImportRefusal("budgetResults.import.refused.noProjects"));
        }
        if (election.projects().size() > limits.maxProjects()) {
            return Optional.of(new ImportRefusal("budgetResults.import.refused.tooManyProjects", limits.maxProjects()));
        }
        for (Project project : election.projects()) {
            if (project.id().isEmpty() || project.id().length() > 100) {
                return Optional.of(new ImportRefusal("budgetResults.import.refused.projectId", cut(project.id())));
            }
            if (!amountFits(project.cost()) || project.cost().signum() <= 0) {
                return Optional.of(new ImportRefusal("budgetResults.import.refused.cost", cut(project.id()),
                    project.cost().toPlainString()));
            }
        }
        if (election.kind() == BallotKind.CUMULATIVE) {
            for (Ballot ballot : election.ballots()) {
                long sum = 0;
                for (Long points : ballot.points()) {
                    if (points > 1000) {
                        return Optional.of(new ImportRefusal("budgetResults.import.refused.points", cut(ballot.voterId())));
                    }
                    sum += points;
                }
                if (sum > 1000) {
                    return Optional.of(new ImportRefusal("budgetResults.import.refused.points", cut(ballot.voterId())));
                }
            }
        }
        return Optional.empty();
    }

    private ImportedEdition store(OrganizationId organization, long actor, ProcessId process, Election election) {
        Timestamp now = Timestamp.from(clock.instant());
        String kind = ballotKind(election);
        Integer maxProjects = switch (kind) {
            case "APPROVAL", "RANKED" -> maxLength(election);
            default -> null;
        };
        Integer pointsPerVoter = kind.equals("CUMULATIVE") ? pointsPerVoter(election) : null;
        long edition = jdbc.sql("""
                INSERT INTO budget_edition (organization_id, process_id, title, ballot_kind, max_projects, points_per_voter,
                                            max_points_per_project, rule, created_at, updated_at)
                VALUES (:o, :p, :title, :kind, :max, :points, :points, :rule, :now, :now) RETURNING id""")
            .param("o", organization.value()).param("p", process.value()).param("title", title(election))
            .param("kind", kind).param("max", maxProjects).param("points", pointsPerVoter)
            .param("rule", PabulibRules.fromPabulib(election.meta("rule"))).param("now", now)
            .query(Long.class).single();
        String district = district(organization, election);
        long heading = jdbc.sql("""
                INSERT INTO budget_heading (organization_id, edition_id, name, district_code, budget, position)
                VALUES (:o, :e, :name, :district, :budget, 0) RETURNING id""")
            .param("o", organization.value()).param("e", edition).param("name", headingName(election))
            .param("district", district).param("budget", election.budget())
            .query(Long.class).single();
        Map<String, Long> ids = new HashMap<>();
        for (Project project : election.projects()) {
            String name = project.attribute("name");
            String title = name == null || name.isBlank() || name.equalsIgnoreCase("none") ? "Project " + project.id() : name.strip();
            String description = project.attribute("description");
            if (description == null || description.isBlank() || description.equalsIgnoreCase("none")) {
                description = IMPORTED;
            }
            Double[] point = point(project);
            long id = jdbc.sql("""
                    INSERT INTO budget_project (organization_id, edition_id, heading_id, title, description, district_code,
                                                latitude, longitude, estimated_cost, cost, feasibility, valuation_explanation,
                                                external_id, created_at, updated_at)
                    VALUES (:o, :e, :h, :title, :description, :district, :lat, :lon, :cost, :cost, 'FEASIBLE', :explanation,
                            :external, :now, :now) RETURNING id""")
                .param("o", organization.value()).param("e", edition).param("h", heading).param("title", cut(title, 120))
                .param("description", cut(description, 20000)).param("district", district)
                .param("lat", point[0]).param("lon", point[1]).param("cost", project.cost()).param("explanation", IMPORTED)
                .param("external", project.id()).param("now", now)
                .query(Long.class).single();
            ids.put(project.id(), id);
        }
        storeBallots(organization, edition, heading, election, ids);
        audit.record(organization, actor, "budget.edition.imported", "budget_edition:" + edition,
            Map.of("process", Long.toString(process.value()), "heading", Long.toString(heading),
                "projects", Integer.toString(election.projects().size()), "ballots", Integer.toString(election.ballots().size())));
        return new ImportedEdition(edition, heading, election.projects().size(), election.ballots().size());
    }

    /** Ballots in batches of arrays: one statement per table per 5,000 ballots, not one per row. */
    private void storeBallots(OrganizationId organization, long edition, long heading, Election election, Map<String, Long> ids) {
        boolean points = election.kind().hasPoints();
        boolean ranked = election.kind() == BallotKind.ORDINAL;
        List<UUID> ballotIds = new ArrayList<>(BATCH);
        List<UUID> choiceBallots = new ArrayList<>();
        List<Long> choiceProjects = new ArrayList<>();
        List<Integer> choicePoints = new ArrayList<>();
        List<Integer> choiceRanks = new ArrayList<>();
        for (Ballot ballot : election.ballots()) {
            UUID id = UUID.randomUUID();
            ballotIds.add(id);
            int rank = 0;
            for (int i = 0; i < ballot.projects().size(); i++) {
                long given = points ? ballot.points().get(i) : 1;
                if (given <= 0) {
                    continue; // a zero on a points ballot is no choice: the box holds 1 to 1000 points
                }
                rank++;
                choiceBallots.add(id);
                choiceProjects.add(ids.get(ballot.projects().get(i)));
                choicePoints.add((int) given);
                choiceRanks.add(ranked ? rank : null);
            }
            if (ballotIds.size() == BATCH) {
                flush(organization, edition, heading, ballotIds, choiceBallots, choiceProjects, choicePoints, choiceRanks);
            }
        }
        flush(organization, edition, heading, ballotIds, choiceBallots, choiceProjects, choicePoints, choiceRanks);
    }

    private void flush(OrganizationId organization, long edition, long heading, List<UUID> ballots, List<UUID> choiceBallots,
                       List<Long> projects, List<Integer> points, List<Integer> ranks) {
        if (ballots.isEmpty()) {
            return;
        }
        String[] ids = ballots.stream().map(UUID::toString).toArray(String[]::new);
        // mixed: the file's order was never the order of casting, and ids are random
        jdbc.sql("""
                INSERT INTO budget_ballot (id, organization_id, edition_id, receipt_hash, mixed)
                SELECT b, :o, :e, NULL, true FROM unnest(CAST(:ids AS uuid[])) AS b""")
            .param("o", organization.value()).param("e", edition).param("ids", ids).update();
        jdbc.sql("""
                INSERT INTO budget_ballot_heading (ballot_id, organization_id, edition_id, heading_id)
                SELECT b, :o, :e, :h FROM unnest(CAST(:ids AS uuid[])) AS b""")
            .param("o", organization.value()).param("e", edition).param("h", heading).param("ids", ids).update();
        if (!choiceBallots.isEmpty()) {
            jdbc.sql("""
                    INSERT INTO budget_ballot_choice (ballot_id, organization_id, edition_id, heading_id, project_id, points, rank)
                    SELECT b, :o, :e, :h, p, pts, r FROM unnest(CAST(:b AS uuid[]), CAST(:p AS bigint[]), CAST(:pts AS integer[]), CAST(:r AS smallint[])) AS c(b, p, pts, r)""")
                .param("o", organization.value()).param("e", edition).param("h", heading)
                .param("b", choiceBallots.stream().map(UUID::toString).toArray(String[]::new)).param("p", projects.toArray(Long[]::new))
                .param("pts", points.toArray(Integer[]::new)).param("r", ranks.toArray(Integer[]::new)).update();
        }
        ballots.clear();
        choiceBallots.clear();
        projects.clear();
        points.clear();
        ranks.clear();
    }

    static String ballotKind(Election election) {
        return switch (election.kind()) {
            case CUMULATIVE -> "CUMULATIVE";
            case ORDINAL -> "RANKED";
            case APPROVAL -> election.meta("max_sum_cost") != null && election.meta("max_length") == null ? "KNAPSACK" : "APPROVAL";
            default -> "APPROVAL";
        };
    }

    /** META max_length when present (choose-1: 1), else every project; within the schema's 1 to 1000. */
    private static int maxLength(Election election) {
        int longest = 1;
        for (Ballot ballot : election.ballots()) {
            longest = Math.max(longest, ballot.projects().size());
        }
        int max = election.kind() == BallotKind.CHOOSE_ONE ? 1 : election.projects().size();
        String declared = election.meta("max_length");
        if (declared != null) {
            try {
                max = Integer.parseInt(declared.trim());
            } catch (NumberFormatException ignored) {
                // a non-number max_length is descriptive only (pabulib-format.md §2): keep the default
            }
        }
        // a declared maximum some ballots exceed describes the ballot form wrongly; the ballots are what counts
        return Math.max(1, Math.min(1000, Math.max(max, longest)));
    }

    private static int pointsPerVoter(Election election) {
        long max = 1;
        for (Ballot ballot : election.ballots()) {
            max = Math.max(max, ballot.points().stream().mapToLong(Long::longValue).sum());
        }
        String declared = election.meta("max_sum_points");
        if (declared != null) {
            try {
                max = Math.max(max, Long.parseLong(declared.trim()));
            } catch (NumberFormatException ignored) {
                // descriptive only; the ballots' own sums are the floor
            }
        }
        return (int) Math.min(1000, max);
    }

    private String district(OrganizationId organization, Election election) {
        List<String> names = new ArrayList<>();
        for (String key : List.of("subunit", "district")) {
            String value = election.meta(key);
            if (value != null && !value.isBlank()) {
                names.add(value.strip().toLowerCase(Locale.ROOT));
            }
        }
        for (District district : districts.list(organization)) {
            if (names.contains(district.name().toLowerCase(Locale.ROOT)) || names.contains(district.code().toLowerCase(Locale.ROOT))) {
                return district.code();
            }
        }
        return null;
    }

    private static String headingName(Election election) {
        for (String key : List.of("subunit", "district", "unit")) {
            String value = election.meta(key);
            if (value != null && !value.isBlank()) {
                return cut(value.strip(), 120);
            }
        }
        return "City-wide";
    }

    private static String title(Election election) {
        String description = election.meta("description");
        if (description != null && !description.isBlank()) {
            return cut(description.strip(), 200);
        }
        String unit = election.meta("unit");
        String instance = election.meta("instance");
        return cut(((unit == null ? "" : unit) + " " + (instance == null ? "" : instance)).strip(), 200).isEmpty()
            ? null : cut(((unit == null ? "" : unit) + " " + (instance == null ? "" : instance)).strip(), 200);
    }

    private static Double[] point(Project project) {
        try {
            String lat = project.attribute("latitude");
            String lon = project.attribute("longitude");
            if (lat != null && lon != null) {
                double latitude = Double.parseDouble(lat.trim());
                double longitude = Double.parseDouble(lon.trim());
                if (latitude >= -90 && latitude <= 90 && longitude >= -180 && longitude <= 180) {
                    return new Double[] {latitude, longitude};
                }
            }
        } catch (NumberFormatException ignored) {
            // coordinates are optional: a project without a readable point is simply not on the map
        }
        return new Double[] {null, null};
    }

    private static boolean amountFits(BigDecimal amount) {
        return amount.stripTrailingZeros().scale() <= 2 && amount.abs().compareTo(MAX_AMOUNT) <= 0;
    }

    private static String safeName(String name) {
        if (name == null || name.isBlank()) {
            return "upload.pb";
        }
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1);
        return cut(base.replaceAll("[\\p{Cntrl}]", ""), 80);
    }

    private static String cut(String text) {
        return cut(text, 40);
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static Refused refused(String key, Object... arguments) {
        return new Refused(new ImportRefusal(key, arguments));
    }
}
