package org.baraza.budgeting.editions;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Editions as the pages see them: found in the request's municipality (anything else is a 404), with
 * their process's phases, and whether their voting rules are frozen.
 */
@Component
public class Editions {

    private final EditionRepository repository;
    private final Processes processes;
    private final Clock clock;

    Editions(EditionRepository repository, Processes processes, Clock clock) {
        this.repository = repository;
        this.processes = processes;
        this.clock = clock;
    }

    /** The edition of the current municipality with this id (from a path). @throws ResponseStatusException 404 */
    public Edition require(String rawId) {
        Long id = FormInput.id(rawId);
        return id == null ? notFound()
            : repository.find(CurrentMunicipality.id(), id).orElseGet(Editions::notFound);
    }

    /**
     * An edition residents may see: as {@link #require}, and its process published (a process taken back to
     * draft hides its budget too). @throws ResponseStatusException 404
     */
    public Edition requirePublished(String rawId) {
        Edition edition = require(rawId);
        return processes.exists(edition.organization(), edition.process()) ? edition : notFound();
    }

    /** Whether residents may see the edition: its process is published. */
    public boolean published(Edition edition) {
        return processes.exists(edition.organization(), edition.process());
    }

    public List<Phase> phases(Edition edition) {
        return processes.phases(edition.organization(), edition.process());
    }

    public Optional<Phase> currentPhase(Edition edition) {
        return processes.currentPhase(edition.organization(), edition.process());
    }

    public boolean isOpen(Edition edition, PhaseAction action) {
        return processes.isOpen(edition.organization(), edition.process(), action);
    }

    /**
     * Whether what decides the vote (ballot form and limits, rule, tie-break, headings and their budgets,
     * projects' costs and feasibility, incompatibilities) may no longer change: a phase allowing VOTE has
     * started, or ballots are already in the box (e.g. imported ones). Changing them while ballots are cast would
     * count early and late voters by different rules.
     */
    public boolean frozen(Edition edition) {
        return frozen(edition.organization(), edition);
    }

    boolean frozen(OrganizationId organization, Edition edition) {
        Instant now = clock.instant();
        return processes.phases(organization, edition.process()).stream()
            .anyMatch(phase -> phase.allows(PhaseAction.VOTE) && !now.isBefore(phase.startsAt()))
            || repository.hasBallots(organization, edition.id());
    }

    public EditionRepository repository() {
        return repository;
    }

    private static <T> T notFound() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
