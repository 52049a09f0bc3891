package org.baraza.budgeting.results;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.baraza.pb.Incompatibility;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;

/**
 * Computes an edition's results on demand: per heading, its ballots streamed from the closed box into the
 * engine, the edition's rule and tie-break with its incompatibilities, and plain greedy beside it. Published
 * results are kept in memory once computed (the box no longer changes once voting has closed), so residents'
 * visits cost no recount; unpublishing forgets them.
 */
@Service
public class ComputeResults {

    private final EditionReader editions;
    private final BallotBoxReader box;
    private final Clock clock;
    private final Map<Long, EditionResults> published = new ConcurrentHashMap<>();

    ComputeResults(EditionReader editions, BallotBoxReader box, Clock clock) {
        this.editions = editions;
        this.box = box;
        this.clock = clock;
    }

    /** Counts now. Callers check that voting has closed: this method counts whatever the box holds. */
    public EditionResults compute(Edition edition) {
        long started = System.nanoTime();
        OrganizationId organization = edition.organization();
        List<HeadingResult> headings = new ArrayList<>();
        for (Heading heading : editions.headings(organization, edition.id())) {
            headings.add(computeHeading(edition, heading));
        }
        return new EditionResults(edition, headings, editions.votersByChannel(organization, edition.id()), clock.instant(),
            (System.nanoTime() - started) / 1_000_000);
    }

    /** One heading's result. */
    public HeadingResult computeHeading(Edition edition, Heading heading) {
        HeadingElection election = box.read(edition, heading, idsFor(edition, heading), Map.of());
        Set<Long> onBallot = new HashSet<>();
        Map<Long, String> engineIds = new java.util.HashMap<>();
        election.projects().forEach((engineId, project) -> {
            onBallot.add(project.id());
            engineIds.put(project.id(), engineId);
        });
        List<Incompatibility> incompatibilities = new ArrayList<>();
        for (Set<Long> pair : editions.incompatibilities(edition.organization(), edition.id(), onBallot)) {
            incompatibilities.add(new Incompatibility(pair.stream().map(engineIds::get).collect(java.util.stream.Collectors.toSet())));
        }
        return Explaining.explain(election, edition.rule(), edition.tieBreak(), incompatibilities);
    }

    /** Results of a published edition, computed once per publication. */
    public EditionResults published(Edition edition) {
        if (!edition.published()) {
            throw new IllegalStateException("results of edition " + edition.id() + " are not published");
        }
        EditionResults cached = published.get(edition.id());
        if (cached != null && edition.resultsPublishedAt().equals(cached.edition().resultsPublishedAt())) {
            return cached;
        }
        synchronized (this) {
            cached = published.get(edition.id());
            if (cached != null && edition.resultsPublishedAt().equals(cached.edition().resultsPublishedAt())) {
                return cached;
            }
            EditionResults computed = compute(edition);
            published.put(edition.id(), computed);
            return computed;
        }
    }

    void remember(EditionResults results) {
        published.put(results.edition().id(), results);
    }

    void forget(long edition) {
        published.remove(edition);
    }

    /**
     * The ids the engine sees: the imported file's ids when every project has a distinct one (so that a
     * lexicographic tie-break decides exactly as on the file), else Baraza's project numbers.
     */
    private Function<BallotProject, String> idsFor(Edition edition, Heading heading) {
        List<BallotProject> projects = editions.ballotProjects(edition.organization(), edition.id(), heading.id());
        Set<String> seen = new HashSet<>();
        for (BallotProject project : projects) {
            if (!seen.add(project.exchangeId())) {
                return BallotProject::engineId;
            }
        }
        return BallotProject::exchangeId;
    }
}
