package org.baraza.participation.notifications;

import java.time.Instant;

/** One notification as its reader sees it; {@code kind} picks the translated sentence, {@code detail} fills it. */
public record Notification(long id, String kind, String detail, String path, Instant createdAt, boolean read) {

    public String messageKey() {
        return "notifications.kind." + kind;
    }
}
