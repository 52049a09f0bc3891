package org.baraza.participation.debates;

import java.time.Clock;
import org.baraza.participation.comments.EditWindow;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/** The author corrects their debate within the edit window, while it is not hidden. */
@Service
class EditDebate {

    private final DebateRepository repository;
    private final Clock clock;
    private final EditWindow window = EditWindow.DEFAULT;

    EditDebate(DebateRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    boolean mayEdit(Debate debate, long account) {
        return debate.authorAccountId() == account && !debate.isHidden() && window.isOpen(debate.createdAt(), clock.instant());
    }

    @Transactional
    DebateOutcome edit(OrganizationId organization, long account, Debate debate, DebateForm form) {
        if (debate.authorAccountId() != account) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!mayEdit(debate, account)) {
            return DebateOutcome.refused("debates.refused.editWindow");
        }
        FormErrors errors = new FormErrors();
        String title = TextInput.check(errors, "title", form.title(), Debate.MAX_TITLE, true, false, "debates.error");
        String body = TextInput.check(errors, "body", form.body(), Debate.MAX_BODY, true, true, "debates.error");
        if (!errors.isEmpty()) {
            return DebateOutcome.invalid(errors);
        }
        repository.edit(organization, debate.id(), title, body, clock.instant());
        return new DebateOutcome(debate.id(), null, null);
    }
}
