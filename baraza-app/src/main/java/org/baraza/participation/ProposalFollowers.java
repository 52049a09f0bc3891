package org.baraza.participation;

import java.util.function.LongConsumer;
import org.baraza.platform.OrganizationId;

/**
 * Who follows a proposal (its author from the start, and anyone who pressed "Follow"), for notifications.
 * Followers are streamed, never loaded whole: a popular proposal can have many.
 */
public interface ProposalFollowers {

    /** Calls {@code follower} with each following account id, in no particular order. */
    void forEachFollower(OrganizationId organization, ProposalId proposal, LongConsumer follower);

    boolean follows(OrganizationId organization, ProposalId proposal, long accountId);
}
