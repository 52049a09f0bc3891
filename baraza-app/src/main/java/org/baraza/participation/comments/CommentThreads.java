package org.baraza.participation.comments;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.Participant;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * The comment thread of a proposal, debate or consultation as a page shows it, for the fragment
 * {@code participation/comments/thread :: thread(targetType, targetId)} that any page can include. Anonymous
 * comments show no author (the stored author is for moderators and rate limits only); hidden ones show why
 * in their place, and their replies stay.
 */
@Component("commentThreads")
public class CommentThreads {

    /** One comment as shown; {@code authorName} is null for an anonymous comment. */
    public record Shown(long id, int depth, String authorName, boolean anonymous, String bodyHtml, Instant createdAt,
                        boolean edited, boolean pending, boolean hidden, String hiddenReason, int up, int down,
                        boolean canReply, boolean canEdit, List<Shown> replies) {
    }

    /**
     * @param closedKey why comments are not taken now (a message key), or null when open
     */
    public record Thread(String target, int count, List<Shown> comments, boolean signedIn, String closedKey) {
    }

    private final CommentRepository repository;
    private final PostComment post;
    private final AccountDirectory accounts;

    CommentThreads(CommentRepository repository, PostComment post, AccountDirectory accounts) {
        this.repository = repository;
        this.post = post;
        this.accounts = accounts;
    }

    /** The thread of the target in the current municipality. @throws ResponseStatusException 404 for a bad target */
    public Thread of(String targetType, long targetId) {
        OrganizationId organization = CurrentMunicipality.id();
        CommentTarget target = CommentTarget.of(targetType, targetId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CommentTargets.Found found = post.target(organization, target);
        String closed = post.closed(organization, found).orElse(null);
        Optional<SignedInAccount> viewer = Participant.current();
        List<Comment> comments = repository.thread(organization, target);
        Map<Long, String> names = new HashMap<>();
        Map<Long, List<Shown>> repliesOf = new HashMap<>();
        // children after parents (ordered by time), so each list of replies exists before it is filled
        List<Shown> roots = new ArrayList<>();
        for (Comment comment : comments) {
            List<Shown> replies = new ArrayList<>();
            repliesOf.put(comment.id(), replies);
            boolean hidden = comment.isHidden();
            String name = comment.anonymous() || hidden ? null
                : names.computeIfAbsent(comment.authorAccountId(), id -> accounts.find(organization, id)
                    .map(AccountDirectory.AccountSummary::displayName).orElse(""));
            Shown one = new Shown(comment.id(), comment.depth(), name, comment.anonymous(),
                hidden ? "" : SafeMarkdown.render(comment.body()), comment.createdAt(), comment.editedAt() != null,
                "pending".equals(comment.moderation()), "hidden".equals(comment.moderation()), comment.hiddenReason(),
                comment.up(), comment.down(),
                viewer.isPresent() && closed == null && !hidden && comment.depth() < Comment.MAX_DEPTH,
                viewer.map(v -> post.mayEdit(comment, v.accountId())).orElse(false), replies);
            List<Shown> siblings = comment.parentId() == null ? roots : repliesOf.get(comment.parentId());
            (siblings == null ? roots : siblings).add(one);
        }
        return new Thread(target.code(), comments.size(), roots, viewer.isPresent(), closed);
    }
}
