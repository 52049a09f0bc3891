package org.baraza.participation.debates;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProcessId;
import org.baraza.participation.Processes;
import org.baraza.participation.moderation.PostingLimits;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A signed-in resident opens a debate: standalone for the municipality, or in a process while its phase
 * has comments open. Spam limits and blocks are checked before anything is stored.
 */
@Service
class StartDebate {

    private final DebateRepository repository;
    private final Processes processes;
    private final PostingLimits limits;
    private final Clock clock;

    StartDebate(DebateRepository repository, Processes processes, PostingLimits limits, Clock clock) {
        this.repository = repository;
        this.processes = processes;
        this.limits = limits;
        this.clock = clock;
    }

    /** The process a debate is opened in: none, or a published one of this municipality (else 404). */
    ProcessId process(OrganizationId organization, String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        ProcessId process = new ProcessId(org.baraza.participation.web.Participant.id(raw.strip()));
        if (!processes.exists(organization, process)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return process;
    }

    @Transactional
    DebateOutcome start(OrganizationId organization, long author, DebateForm form, HttpServletRequest request) {
        ProcessId process = process(organization, form.process());
        FormErrors errors = new FormErrors();
        String title = TextInput.check(errors, "title", form.title(), Debate.MAX_TITLE, true, false, "debates.error");
        String body = TextInput.check(errors, "body", form.body(), Debate.MAX_BODY, true, true, "debates.error");
        if (!errors.isEmpty()) {
            return DebateOutcome.invalid(errors);
        }
        if (process != null && !processes.isOpen(organization, process, PhaseAction.COMMENT)) {
            return DebateOutcome.refused("debates.refused.closed");
        }
        limits.check(organization, author, request);
        return new DebateOutcome(repository.insert(organization, process, author, form.isAnonymous(), title, body,
            clock.instant()), null, null);
    }
}
