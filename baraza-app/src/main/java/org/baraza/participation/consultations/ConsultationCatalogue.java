package org.baraza.participation.consultations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.participation.processes.ConsultationsOfProcess;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;

/**
 * Finds consultations: public ones (their process is published) for residents and the API, any of the
 * municipality's for admins and officers. A consultation found past its closing date is recorded as closed
 * on the way ({@link Closing}), so "closed" never waits for a scheduled job.
 */
@Service
public class ConsultationCatalogue implements ConsultationsOfProcess {

    private final ConsultationRepository repository;
    private final Closing closing;
    private final Clock clock;

    ConsultationCatalogue(ConsultationRepository repository, Closing closing, Clock clock) {
        this.repository = repository;
        this.closing = closing;
        this.clock = clock;
    }

    /** A consultation whose process is published, noticed as closed if it is past its closing date. */
    public Optional<Consultation> published(OrganizationId organization, ConsultationId id) {
        return repository.find(organization, id)
            .filter(consultation -> repository.isProcessPublished(organization, consultation.process()))
            .map(closing::noticeIfDue);
    }

    /** Any consultation of the municipality, for admins and officers. */
    public Optional<Consultation> any(OrganizationId organization, ConsultationId id) {
        return repository.find(organization, id).map(closing::noticeIfDue);
    }

    /** Open consultations of published processes, for the officer's booth. */
    public List<Consultation> open(OrganizationId organization) {
        return repository.openAt(organization, clock.instant());
    }

    /** Closed consultations, most recent first, for paper totals. */
    public List<Consultation> closed(OrganizationId organization, int limit) {
        return repository.closedAt(organization, clock.instant(), limit);
    }

    @Override
    public List<Listed> consultations(OrganizationId organization, ProcessId process) {
        return repository.inProcess(organization, process).stream()
            .map(c -> new Listed(c.id(), c.title(), c.opensAt(), c.closesAt(), c.closedAt() != null))
            .toList();
    }

    @Override
    public boolean votingStarted(OrganizationId organization, ProcessId process, Instant now) {
        return repository.anyOpenedOrVoted(organization, process, now);
    }
}
