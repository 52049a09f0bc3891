package org.baraza.participation.consultations;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.platform.OrganizationId;

/**
 * A consultation (poll) held in a process: open to ballots from {@code opensAt} until {@code closesAt}, or until
 * an admin closed it earlier. Who may vote: verified residents, optionally of one district and of a minimum age.
 *
 * @param closedAt when it was recorded as closed (null while nobody has noticed it is past closesAt)
 * @param sealedAt when the ballot box was shuffled as a whole after closing (docs/ballot-secrecy.md)
 */
public record Consultation(ConsultationId id, OrganizationId organization, ProcessId process, String title, String description,
                           Instant opensAt, Instant closesAt, String eligibleDistrictCode, Integer minimumAge,
                           Instant closedAt, Long closedEarlyBy, Instant sealedAt, List<Question> questions) {

    /** Where a consultation stands at a given moment. */
    public enum Status {
        UPCOMING, OPEN, CLOSED
    }

    public Consultation {
        questions = List.copyOf(questions);
    }

    public Status statusAt(Instant now) {
        if (hasClosedAt(now)) {
            return Status.CLOSED;
        }
        return now.isBefore(opensAt) ? Status.UPCOMING : Status.OPEN;
    }

    public boolean isOpenAt(Instant now) {
        return statusAt(now) == Status.OPEN;
    }

    public boolean hasClosedAt(Instant now) {
        return closedAt != null || !now.isBefore(closesAt);
    }

    public boolean hasOpenedAt(Instant now) {
        return !now.isBefore(opensAt);
    }

    /** When it stopped taking ballots: the admin's early close, else the closing date. */
    public Instant effectiveClose() {
        return closedAt != null && closedAt.isBefore(closesAt) ? closedAt : closesAt;
    }

    public Optional<Question> question(long questionId) {
        return questions.stream().filter(question -> question.id() == questionId).findFirst();
    }

    public boolean isRestricted() {
        return eligibleDistrictCode != null || minimumAge != null;
    }
}
