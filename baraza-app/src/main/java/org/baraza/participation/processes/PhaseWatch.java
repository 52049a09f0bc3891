package org.baraza.participation.processes;

import java.time.Clock;
import java.util.List;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseChanged;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices when a process enters a new phase and publishes {@link PhaseChanged} once: the announcement is
 * recorded with a compare-and-set on the process row, so of several nodes only one publishes it.
 */
@Component
class PhaseWatch {

    private static final Logger log = LoggerFactory.getLogger(PhaseWatch.class);

    /** A process whose current phase ({@code current}, 0 for none) is not the one last announced. */
    record Due(OrganizationId organization, ProcessId process, long announced, long current) {
    }

    private final ProcessRepository repository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PhaseWatch(ProcessRepository repository, ApplicationEventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.repository = repository;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${baraza.participation.watch-delay:PT20S}",
        fixedDelayString = "${baraza.participation.watch-interval:PT1M}")
    void watch() {
        for (Due due : repository.phaseChangesDue(clock.instant())) {
            announce(due);
        }
    }

    /** Announces one change inside a transaction, so transactional listeners see it with the change recorded. */
    void announce(Due due) {
        transaction.executeWithoutResult(status -> {
            if (!repository.markAnnounced(due.organization(), due.process(), due.announced(), due.current())) {
                return;
            }
            List<Phase> phases = repository.phases(due.organization(), due.process());
            Phase previous = phases.stream().filter(phase -> phase.id() == due.announced()).findFirst().orElse(null);
            Phase current = phases.stream().filter(phase -> phase.id() == due.current()).findFirst().orElse(null);
            events.publishEvent(new PhaseChanged(due.organization(), due.process(), previous, current));
            log.info("process {} of organization {} entered phase {}", due.process(), due.organization(), due.current());
        });
    }
}
