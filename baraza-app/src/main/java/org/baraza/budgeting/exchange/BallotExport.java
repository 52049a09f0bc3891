package org.baraza.budgeting.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.baraza.budgeting.results.BallotBoxReader;
import org.baraza.budgeting.results.BallotProject;
import org.baraza.budgeting.results.Edition;
import org.baraza.budgeting.results.Heading;
import org.baraza.budgeting.results.HeadingElection;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.baraza.pb.Ballot;
import org.baraza.pb.Election;
import org.baraza.pb.PabulibWriter;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.baraza.platform.Municipality;
import org.springframework.stereotype.Service;

/**
 * Writes a heading's anonymised ballots as a pabulib {@code .pb} file (docs/api-budget-results.md, "Export"):
 * the box's ballots in a fresh random order under voter ids drawn at random for this export, so two exports
 * cannot be joined ballot by ballot, and no voter attribute at all (no district, age or channel). Project ids
 * are the imported file's ids when the edition came from a file, else Baraza's project numbers.
 */
@Service
public class BallotExport {

    private static final DateTimeFormatter PABULIB_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private final BallotBoxReader box;
    private final Processes processes;
    private final Districts districts;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    BallotExport(BallotBoxReader box, Processes processes, Districts districts, Clock clock) {
        this.box = box;
        this.processes = processes;
        this.districts = districts;
        this.clock = clock;
    }

    /** The heading's election as it will be written: META, projects, ballots with random voter ids. */
    public Election election(Municipality municipality, Edition edition, Heading heading) {
        HeadingElection read = box.read(edition, heading, BallotProject::exchangeId, Map.of());
        Election election = read.election();
        List<Ballot> shuffled = new ArrayList<>(election.ballots());
        Collections.shuffle(shuffled, random);
        Set<String> used = new HashSet<>();
        List<Ballot> anonymous = new ArrayList<>(shuffled.size());
        for (Ballot ballot : shuffled) {
            String voter;
            do {
                voter = Long.toString(random.nextLong() & Long.MAX_VALUE, 36);
            } while (!used.add(voter));
            anonymous.add(new Ballot(voter, ballot.projects(), ballot.points()));
        }
        List<org.baraza.pb.Project> projects = new ArrayList<>();
        for (org.baraza.pb.Project project : election.projects()) {
            BallotProject stored = read.project(project.id());
            Map<String, String> columns = new LinkedHashMap<>();
            columns.put("name", stored.title());
            if (stored.hasPoint()) {
                columns.put("latitude", Double.toString(stored.latitude()));
                columns.put("longitude", Double.toString(stored.longitude()));
            }
            projects.add(new org.baraza.pb.Project(project.id(), project.cost(), columns));
        }
        return new Election(meta(municipality, edition, heading, projects.size(), anonymous.size()), heading.budget(),
            election.kind(), projects, anonymous);
    }

    public void writePb(Election election, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        PabulibWriter.write(election, writer);
        writer.flush();
    }

    /** Every heading of the edition, one {@code .pb} file each, in a zip. */
    public void writeZip(Municipality municipality, Edition edition, List<Heading> headings, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        for (Heading heading : headings) {
            String name = fileName(edition, heading);
            if (!names.add(name)) {
                name = "budget-" + edition.id() + "-heading-" + heading.id() + ".pb";
            }
            zip.putNextEntry(new ZipEntry(name));
            writePb(election(municipality, edition, heading), zip);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    public static String fileName(Edition edition, Heading heading) {
        String slug = heading.name().toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return "budget-" + edition.id() + "-" + (slug.isEmpty() ? "heading-" + heading.id() : slug) + ".pb";
    }

    private Map<String, String> meta(Municipality municipality, Edition edition, Heading heading, int projects, int ballots) {
        Map<String, String> meta = new LinkedHashMap<>();
        String title = edition.title() != null ? edition.title() : "Participatory budget " + edition.id();
        meta.put("description", title + ", " + heading.name() + " (exported from Baraza)");
        // Baraza does not record a municipality's country; pabulib asks for one, so say so plainly
        meta.put("country", "unknown");
        meta.put("unit", municipality.name());
        meta.put("subunit", heading.name());
        if (heading.districtCode() != null) {
            districts.list(municipality.id()).stream().filter(d -> d.code().equals(heading.districtCode()))
                .map(District::name).findFirst().ifPresent(name -> meta.put("district", name));
        }
        LocalDate[] voting = votingDays(edition);
        meta.put("instance", Integer.toString(voting[1].getYear()));
        meta.put("num_projects", Integer.toString(projects));
        meta.put("num_votes", Integer.toString(ballots));
        meta.put("budget", heading.budget().toPlainString());
        meta.put("vote_type", edition.engineBallotKind().voteType());
        meta.put("rule", PabulibRules.toPabulib(edition.rule()));
        meta.put("date_begin", PABULIB_DATE.format(voting[0]));
        meta.put("date_end", PABULIB_DATE.format(voting[1]));
        meta.put("language", municipality.defaultLanguage());
        switch (edition.ballotKind()) {
            case "APPROVAL", "RANKED" -> {
                if (edition.maxProjects() != null) {
                    meta.put("max_length", edition.maxProjects().toString());
                }
            }
            case "KNAPSACK" -> meta.put("max_sum_cost", heading.budget().toPlainString());
            case "CUMULATIVE" -> {
                if (edition.pointsPerVoter() != null) {
                    meta.put("max_sum_points", edition.pointsPerVoter().toString());
                }
            }
            default -> {
            }
        }
        meta.put("comment", "#1: winners computed by Baraza with rule " + edition.rule() + ", tie-break " + edition.tieBreak()
            + "; voter ids are random for each export and ballots are in random order; "
            + "ballot_kind " + edition.ballotKind().toLowerCase(java.util.Locale.ROOT));
        return meta;
    }

    /** The first and last day of voting; without a voting phase, the day the edition was created and today. */
    private LocalDate[] votingDays(Edition edition) {
        LocalDate begin = null;
        LocalDate end = null;
        for (Phase phase : processes.phases(edition.organization(), edition.process())) {
            if (phase.allows(PhaseAction.VOTE)) {
                if (begin == null || phase.startsOn().isBefore(begin)) {
                    begin = phase.startsOn();
                }
                if (end == null || phase.endsOn().isAfter(end)) {
                    end = phase.endsOn();
                }
            }
        }
        if (begin == null) {
            begin = LocalDate.ofInstant(edition.createdAt(), clock.getZone());
            end = LocalDate.now(clock);
        }
        return new LocalDate[] {begin, end};
    }
}
