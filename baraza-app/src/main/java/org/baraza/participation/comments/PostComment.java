package org.baraza.participation.comments;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.baraza.participation.moderation.PostingLimits;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.TextInput;
import org.baraza.platform.OrganizationId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * A signed-in resident comments on a target, replies to a comment, edits their comment within the edit
 * window, or votes a comment up or down. Comments on something that belongs to a process are taken only
 * while its phase has comments open. Spam limits and blocks are checked before anything is stored.
 */
@Service
class PostComment {

    /** What happened: the comment's id and page, or the form's errors, or a refusal's message key. */
    record Outcome(Long commentId, String path, FormErrors errors, String refusal) {
        boolean done() {
            return commentId != null;
        }
    }

    private final CommentRepository repository;
    private final CommentTargets targets;
    private final Processes processes;
    private final PostingLimits limits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EditWindow window = EditWindow.DEFAULT;

    PostComment(CommentRepository repository, CommentTargets targets, Processes processes, PostingLimits limits,
                ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.targets = targets;
        this.processes = processes;
        this.limits = limits;
        this.events = events;
        this.clock = clock;
    }

    /** The target, or 404: unknown, or another municipality's. */
    CommentTargets.Found target(OrganizationId organization, CommentTarget target) {
        return targets.find(organization, target).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Why comments on the target are not taken now, if they are not. */
    Optional<String> closed(OrganizationId organization, CommentTargets.Found found) {
        if (found.closed() || (found.process() != null && !processes.isOpen(organization, found.process(), PhaseAction.COMMENT))) {
            return Optional.of("debates.comment.refused.closed");
        }
        return Optional.empty();
    }

    @Transactional
    Outcome post(OrganizationId organization, long author, CommentTarget target, Long parentId, String text,
                 boolean anonymous, HttpServletRequest request) {
        CommentTargets.Found found = target(organization, target);
        Comment parent = null;
        if (parentId != null) {
            parent = repository.find(organization, parentId)
                .filter(p -> p.target().equals(target))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        }
        FormErrors errors = new FormErrors();
        String body = TextInput.check(errors, "body", text, Comment.MAX_LENGTH, true, true, "debates.error");
        if (!errors.isEmpty()) {
            return new Outcome(null, found.path(), errors, null);
        }
        Optional<String> closed = closed(organization, found);
        if (closed.isPresent()) {
            return new Outcome(null, found.path(), null, closed.get());
        }
        if (parent != null && parent.depth() >= Comment.MAX_DEPTH) {
            return new Outcome(null, found.path(), null, "debates.comment.refused.tooDeep");
        }
        limits.check(organization, author, request);
        Instant now = clock.instant();
        long id = repository.insert(organization, target, parentId, parent == null ? 0 : parent.depth() + 1, author,
            anonymous, body, now);
        String path = found.path() + "#comment-" + id;
        Long repliedTo = parent == null || parent.authorAccountId() == author ? null : parent.authorAccountId();
        events.publishEvent(new CommentPosted(organization, id, target, author, repliedTo, path));
        return new Outcome(id, path, null, null);
    }

    /** Whether the account may still edit the comment. */
    boolean mayEdit(Comment comment, long account) {
        return comment.authorAccountId() == account && !comment.isHidden() && window.isOpen(comment.createdAt(), clock.instant());
    }

    @Transactional
    Outcome edit(OrganizationId organization, long account, Comment comment, String text) {
        CommentTargets.Found found = target(organization, comment.target());
        if (comment.authorAccountId() != account) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        if (!mayEdit(comment, account)) {
            return new Outcome(null, found.path(), null, "debates.comment.refused.editWindow");
        }
        FormErrors errors = new FormErrors();
        String body = TextInput.check(errors, "body", text, Comment.MAX_LENGTH, true, true, "debates.error");
        if (!errors.isEmpty()) {
            return new Outcome(null, found.path(), errors, null);
        }
        repository.edit(organization, comment.id(), body, clock.instant());
        return new Outcome(comment.id(), found.path() + "#comment-" + comment.id(), null, null);
    }

    @Transactional
    Outcome vote(OrganizationId organization, long account, Comment comment, int vote) {
        CommentTargets.Found found = target(organization, comment.target());
        Optional<String> closed = closed(organization, found);
        if (closed.isPresent()) {
            return new Outcome(null, found.path(), null, closed.get());
        }
        if (comment.isHidden()) {
            return new Outcome(null, found.path(), null, "debates.comment.refused.hidden");
        }
        repository.vote(organization, comment.id(), account, vote, clock.instant());
        return new Outcome(comment.id(), found.path() + "#comment-" + comment.id(), null, null);
    }
}
