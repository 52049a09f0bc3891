package org.baraza.participation.processes;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProcessId;
import org.baraza.participation.Processes;
import org.baraza.participation.web.Pages;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Answers {@link Processes} for other modules, and lists and finds processes for the pages of this one. */
@Service
public class ProcessCatalogue implements Processes {

    private final ProcessRepository repository;
    private final Clock clock;

    ProcessCatalogue(ProcessRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<Phase> phases(OrganizationId organization, ProcessId process) {
        return published(organization, process).map(ParticipatoryProcess::phases).orElse(List.of());
    }

    @Override
    public Optional<Phase> currentPhase(OrganizationId organization, ProcessId process) {
        return published(organization, process).flatMap(found -> found.phaseAt(clock.instant()));
    }

    @Override
    public boolean isOpen(OrganizationId organization, ProcessId process, PhaseAction action) {
        return currentPhase(organization, process).map(phase -> phase.allows(action)).orElse(false);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean isOpenWhileHeld(OrganizationId organization, ProcessId process, PhaseAction action) {
        // Phase changes lock the process row for update (ProcessAdministration); a key-share lock waits for one in
        // progress and holds the next off, without making concurrent ballots wait for each other.
        return repository.openWhileHeld(organization, process, action, clock.instant());
    }

    @Override
    public boolean exists(OrganizationId organization, ProcessId process) {
        return published(organization, process).isPresent();
    }

    @Override
    public Map<ProcessId, String> titles(OrganizationId organization) {
        Map<ProcessId, String> titles = new LinkedHashMap<>();
        for (ParticipatoryProcess process : repository.list(organization, false, 500, 0)) {
            titles.put(process.id(), process.title());
        }
        return titles;
    }

    /** A published process of this municipality. */
    public Optional<ParticipatoryProcess> published(OrganizationId organization, ProcessId process) {
        return repository.find(organization, process).filter(ParticipatoryProcess::published);
    }

    /** Any process of this municipality, drafts included: for admins. */
    public Optional<ParticipatoryProcess> any(OrganizationId organization, ProcessId process) {
        return repository.find(organization, process);
    }

    Optional<ProcessRepository.Image> image(OrganizationId organization, ProcessId process, boolean includeDrafts) {
        return repository.image(organization, process, includeDrafts);
    }

    public Pages<ParticipatoryProcess> list(OrganizationId organization, boolean includeDrafts, int page, int size) {
        return new Pages<>(repository.list(organization, includeDrafts, size, Pages.offset(page, size)), page, size,
            repository.count(organization, includeDrafts));
    }
}
