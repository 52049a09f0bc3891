package org.baraza.participation.notifications;

import org.baraza.participation.PhaseChanged;
import org.baraza.participation.ProposalFollowers;
import org.baraza.participation.ProposalQualified;
import org.baraza.participation.ProposalWithdrawn;
import org.baraza.participation.Proposals;
import org.baraza.participation.comments.CommentPosted;
import org.baraza.participation.comments.CommentTarget;
import org.baraza.participation.moderation.ModerationDecided;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalSummary;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened into notifications for the people it concerns: a reply to my comment, news on a
 * proposal I follow (a comment, it qualified, it was withdrawn), a phase change in a process I took part
 * in, a moderator's decision on what I wrote. Each runs after the event's transaction committed, so a
 * refused or rolled-back action notifies nobody, in a transaction of its own. Nobody is told about their
 * own action. (Spring Modulith's @ApplicationModuleListener would add asynchrony and a publication log,
 * but spring-modulith-events is not on the classpath; this is its synchronous equivalent.)
 */
@Component
class Notifier {

    private final NotificationInbox inbox;
    private final ProposalFollowers followers;
    private final Proposals proposals;

    Notifier(NotificationInbox inbox, ProposalFollowers followers, Proposals proposals) {
        this.inbox = inbox;
        this.followers = followers;
        this.proposals = proposals;
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(CommentPosted posted) {
        if (posted.repliedToAccountId() != null) {
            inbox.add(posted.organization(), posted.repliedToAccountId(), "reply", "", posted.path());
        }
        if (posted.target().type() == CommentTarget.Type.PROPOSAL) {
            ProposalId proposal = new ProposalId(posted.target().id());
            String title = proposals.find(posted.organization(), proposal).map(ProposalSummary::title).orElse("");
            followers.forEachFollower(posted.organization(), proposal, follower -> {
                if (follower != posted.authorAccountId() && !Long.valueOf(follower).equals(posted.repliedToAccountId())) {
                    inbox.add(posted.organization(), follower, "proposal_comment", title, posted.path());
                }
            });
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ProposalQualified qualified) {
        proposals.find(qualified.organization(), qualified.proposal()).ifPresent(proposal ->
            followers.forEachFollower(qualified.organization(), qualified.proposal(), follower ->
                inbox.add(qualified.organization(), follower, "proposal_qualified", proposal.title(), proposal.path())));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ProposalWithdrawn withdrawn) {
        proposals.find(withdrawn.organization(), withdrawn.proposal()).ifPresent(proposal ->
            followers.forEachFollower(withdrawn.organization(), withdrawn.proposal(), follower ->
                inbox.add(withdrawn.organization(), follower, "proposal_withdrawn", proposal.title(), proposal.path())));
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(PhaseChanged changed) {
        String phase = changed.current() == null ? "" : changed.current().title();
        String path = "/processes/" + changed.process().value();
        for (long participant : inbox.participantsOf(changed.organization(), changed.process().value())) {
            inbox.add(changed.organization(), participant, "phase_changed", phase, path);
        }
    }

    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(ModerationDecided decided) {
        inbox.add(decided.organization(), decided.authorAccountId(), decided.hidden() ? "hidden" : "restored",
            decided.reason() == null ? "" : decided.reason(), decided.path());
    }
}
