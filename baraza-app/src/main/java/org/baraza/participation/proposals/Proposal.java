package org.baraza.participation.proposals;

import java.time.Duration;
import java.time.Instant;
import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalStatus;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.platform.OrganizationId;

/**
 * A proposal as stored: what its author wrote, where, and how far it got.
 *
 * @param authorAccountId null once the author deleted their account
 * @param category null if filed under none
 * @param point null without a place on the map
 */
record Proposal(ProposalId id, OrganizationId organization, ProcessId process, Long authorAccountId, String title,
                String summary, String body, Category category, String districtCode, MapPoint point, boolean hasImage,
                String imageAlt, int supports, Instant qualifiedAt, Instant withdrawnAt, Instant hiddenAt,
                String hiddenReason, Instant createdAt, Instant updatedAt) {

    static final int MAX_TITLE = 120;
    static final int MAX_SUMMARY = 500;
    static final int MAX_BODY = SafeMarkdown.MAX_LENGTH;
    static final int MAX_IMAGE_ALT = 300;
    /**
     * How long after creating it the author may still edit a proposal, unless someone supported it first:
     * a support is given to what the proposal said then, so the text is frozen from the first one.
     */
    static final Duration EDIT_WINDOW = Duration.ofMinutes(60);

    public ProposalStatus status() {
        if (hiddenAt != null) {
            return ProposalStatus.HIDDEN;
        }
        if (withdrawnAt != null) {
            return ProposalStatus.WITHDRAWN;
        }
        return qualifiedAt != null ? ProposalStatus.QUALIFIED : ProposalStatus.OPEN;
    }

    boolean isAuthoredBy(long accountId) {
        return authorAccountId != null && authorAccountId == accountId;
    }

    public Instant editableUntil() {
        return createdAt.plus(EDIT_WINDOW);
    }

    /** Whether its author may still change it at {@code now}; the database checks the same under a lock. */
    boolean isEditableAt(Instant now) {
        return hiddenAt == null && withdrawnAt == null && supports == 0 && now.isBefore(editableUntil());
    }

    public String path() {
        return path(process, id);
    }

    static String path(ProcessId process, ProposalId id) {
        return "/processes/" + process.value() + "/proposals/" + id.value();
    }
}
