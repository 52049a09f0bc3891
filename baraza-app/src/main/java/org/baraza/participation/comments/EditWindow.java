package org.baraza.participation.comments;

import java.time.Duration;
import java.time.Instant;

/**
 * How long after posting an author may still correct a debate or a comment: long enough to fix a typo,
 * short enough that replies and opinions are not given to words that later change.
 */
public record EditWindow(Duration length) {

    public static final EditWindow DEFAULT = new EditWindow(Duration.ofMinutes(30));

    public boolean isOpen(Instant postedAt, Instant now) {
        return !now.isBefore(postedAt) && now.isBefore(postedAt.plus(length));
    }
}
