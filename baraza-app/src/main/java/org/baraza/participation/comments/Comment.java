package org.baraza.participation.comments;

import java.time.Instant;

/**
 * A stored comment with its votes and what moderation decided.
 *
 * @param parentId the comment it replies to, or null for a comment on the target itself
 * @param moderation null when shown; "pending" (hidden after flags) or "hidden" (by a moderator, with {@code hiddenReason})
 */
record Comment(long id, CommentTarget target, Long parentId, int depth, long authorAccountId, boolean anonymous,
               String body, Instant createdAt, Instant editedAt, String moderation, String hiddenReason, int up,
               int down) {

    /** The deepest reply level: depth 0 answers the target, so four levels in all (as the schema checks). */
    static final int MAX_DEPTH = 3;

    static final int MAX_LENGTH = 5000;

    boolean isHidden() {
        return "pending".equals(moderation) || "hidden".equals(moderation);
    }

    int score() {
        return up - down;
    }
}
