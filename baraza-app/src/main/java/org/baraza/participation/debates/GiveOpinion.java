package org.baraza.participation.debates;

import java.time.Clock;
import java.util.Optional;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.baraza.participation.moderation.Moderation;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Service;

/**
 * A signed-in resident agrees or disagrees with a debate, changes their mind, or takes their opinion back.
 * One opinion per person whatever the concurrency: the opinion's primary key decides, and a second one
 * replaces the first in the same statement.
 */
@Service
class GiveOpinion {

    private final DebateRepository repository;
    private final Processes processes;
    private final Moderation moderation;
    private final Clock clock;

    GiveOpinion(DebateRepository repository, Processes processes, Moderation moderation, Clock clock) {
        this.repository = repository;
        this.processes = processes;
        this.moderation = moderation;
        this.clock = clock;
    }

    Optional<String> refusal(OrganizationId organization, long account, Debate debate) {
        if (debate.isHidden()) {
            return Optional.of("debates.refused.hidden");
        }
        if (debate.process() != null && !processes.isOpen(organization, debate.process(), PhaseAction.COMMENT)) {
            return Optional.of("debates.refused.closed");
        }
        if (moderation.isBlocked(organization, account)) {
            return Optional.of("moderation.refused.blocked");
        }
        return Optional.empty();
    }

    /** @param opinion 1 agree, -1 disagree, 0 take it back; @return the refusal's message key, if refused */
    Optional<String> give(OrganizationId organization, long account, Debate debate, int opinion) {
        Optional<String> refusal = refusal(organization, account, debate);
        if (refusal.isPresent()) {
            return refusal;
        }
        if (opinion == 0) {
            repository.withdrawOpinion(organization, debate.id(), account);
        } else {
            repository.giveOpinion(organization, debate.id(), account, opinion, clock.instant());
        }
        return Optional.empty();
    }
}
