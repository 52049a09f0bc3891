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

    /** How long a consultation that has opened is served from memory: its questions and eligibility no longer change. */
    static final java.time.Duration FROZEN_FOR = java.time.Duration.ofSeconds(2);

    private record Remembered(Consultation consultation, boolean published, java.time.Instant until) {
    }

    private final ConsultationRepository repository;
    private final Closing closing;
    private final Clock clock;
    private final java.util.concurrent.ConcurrentMap<Long, Remembered> opened = new java.util.concurrent.ConcurrentHashMap<>();

    ConsultationCatalogue(ConsultationRepository repository, Closing closing, Clock clock) {
        this.repository = repository;
        this.closing = closing;
        this.clock = clock;
    }

    /** A consultation whose process is published, noticed as closed if it is past its closing date. */
    public Optional<Consultation> published(OrganizationId organization, ConsultationId id) {
        Instant now = clock.instant();
        Remembered remembered = opened.get(id.value());
        if (remembered != null && remembered.consultation().organization().equals(organization) && now.isBefore(remembered.until())
            && remembered.consultation().isOpenAt(now)) {
            return remembered.published() ? Optional.of(remembered.consultation()) : Optional.empty();
        }
        Optional<Consultation> found = repository.find(organization, id);
        if (found.isEmpty()) {
            return found;
        }
        boolean published = repository.isProcessPublished(organization, found.get().process());
        Consultation consultation = closing.noticeIfDue(found.get());
        // a consultation being voted in is read on every ballot: while it is open its definition is frozen,
        // so it is kept a moment; whether it is still open is decided again under a lock when a ballot is cast
        if (consultation.isOpenAt(now)) {
            if (opened.size() > 1000) {
                opened.clear();
            }
            opened.put(id.value(), new Remembered(consultation, published, now.plus(FROZEN_FOR)));
        }
        return published ? Optional.of(consultation) : Optional.empty();
    }

    /** Forgets what is remembered of a consultation, e.g. once it has closed, so every page shows it closed at once. */
    public void forget(ConsultationId id) {
        opened.remove(id.value());
    }

    @org.springframework.context.event.EventListener
    void closed(org.baraza.participation.ConsultationClosed event) {
        forget(event.consultation());
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
