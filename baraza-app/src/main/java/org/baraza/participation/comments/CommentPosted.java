package org.baraza.participation.comments;

import org.baraza.platform.OrganizationId;

/**
 * A resident commented: the author of the comment replied to (if any) is told, unless it is themselves.
 *
 * @param repliedToAccountId the author of the parent comment, or null for a comment on the target itself
 * @param path the public page of the comment, anchored at it
 */
public record CommentPosted(OrganizationId organization, long commentId, CommentTarget target, long authorAccountId,
                            Long repliedToAccountId, String path) {
}
