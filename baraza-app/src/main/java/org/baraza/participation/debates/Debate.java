package org.baraza.participation.debates;

import java.time.Instant;
import org.baraza.participation.ProcessId;

/**
 * A debate with its opinions and what moderation decided.
 *
 * @param process the process it belongs to, or null for a standalone debate of the municipality
 * @param moderation null when shown; "pending" (hidden after flags) or "hidden" (by a moderator, with {@code hiddenReason})
 */
public record Debate(long id, ProcessId process, long authorAccountId, boolean anonymous, String title, String body,
              Instant createdAt, Instant editedAt, String moderation, String hiddenReason, int agree, int disagree) {

    static final int MAX_TITLE = 150;
    static final int MAX_BODY = 10_000;

    public boolean isHidden() {
        return "pending".equals(moderation) || "hidden".equals(moderation);
    }

    public String path() {
        return "/debates/" + id;
    }
}
