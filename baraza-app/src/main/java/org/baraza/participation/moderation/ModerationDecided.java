package org.baraza.participation.moderation;

import org.baraza.platform.OrganizationId;

/**
 * A moderator hid or restored a contribution: its author is told (notifications listen).
 *
 * @param path the public page where the contribution is shown
 * @param reason the moderator's reason, shown publicly; null for a restore
 */
public record ModerationDecided(OrganizationId organization, ModeratedContent type, long contentId, long authorAccountId,
                                boolean hidden, String reason, String path) {
}
