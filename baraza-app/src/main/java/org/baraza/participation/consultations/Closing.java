package org.baraza.participation.consultations;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.baraza.participation.ConsultationClosed;
import org.baraza.platform.AuditTrail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records that a consultation closed and publishes {@link ConsultationClosed} exactly once: when an admin
 * closes it early, or when it is first looked at (or watched) after its closing date. Recording it is a
 * compare-and-set on the row, so two requests or two nodes noticing at once publish one event.
 */
@Component
class Closing {

    private static final Logger log = LoggerFactory.getLogger(Closing.class);

    private final ConsultationRepository repository;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final AuditTrail audit;
    private final Clock clock;

    Closing(ConsultationRepository repository, ApplicationEventPublisher events, TransactionTemplate transaction, AuditTrail audit,
            Clock clock) {
        this.repository = repository;
        this.events = events;
        this.transaction = transaction;
        this.audit = audit;
        this.clock = clock;
    }

    /** The consultation as it is, recorded as closed first if it is past its closing date and nobody recorded it. */
    Consultation noticeIfDue(Consultation consultation) {
        if (consultation.closedAt() != null || clock.instant().isBefore(consultation.closesAt())) {
            return consultation;
        }
        close(consultation, consultation.closesAt(), null);
        return repository.find(consultation.organization(), consultation.id()).orElse(consultation);
    }

    /** An admin closes a consultation before its date; false if it had already closed. */
    boolean closeEarly(Consultation consultation, long admin) {
        Instant now = clock.instant();
        if (consultation.hasClosedAt(now)) {
            return false;
        }
        return close(consultation, now, admin);
    }

    @Scheduled(initialDelayString = "${baraza.participation.watch-delay:PT20S}",
        fixedDelayString = "${baraza.participation.watch-interval:PT1M}")
    void watch() {
        for (Consultation due : repository.dueToClose(clock.instant(), 100)) {
            close(due, due.closesAt(), null);
        }
    }

    private boolean close(Consultation consultation, Instant at, Long admin) {
        Boolean closed = transaction.execute(status -> {
            if (!repository.markClosed(consultation.organization(), consultation.id(), at, admin)) {
                return false;
            }
            if (admin != null) {
                audit.record(consultation.organization(), admin, "consultation.closed", "consultation:" + consultation.id().value(),
                    Map.of("early", "true"));
            }
            events.publishEvent(new ConsultationClosed(consultation.organization(), consultation.process(), consultation.id(), at));
            return true;
        });
        if (Boolean.TRUE.equals(closed)) {
            log.info("consultation {} of organization {} closed", consultation.id(), consultation.organization());
        }
        return Boolean.TRUE.equals(closed);
    }
}
