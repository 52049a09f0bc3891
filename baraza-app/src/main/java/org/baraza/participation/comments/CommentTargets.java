package org.baraza.participation.comments;

import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalStatus;
import org.baraza.participation.Proposals;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds what a comment answers, in this municipality only: another municipality's proposal, debate or
 * consultation is unknown here, exactly like one that does not exist.
 */
@Component
class CommentTargets {

    /**
     * @param process the process it belongs to, whose phase decides whether comments are open; null for a
     *                standalone debate
     * @param path its public page
     * @param closed whether it takes no comments whatever the phase (a withdrawn or hidden proposal)
     */
    record Found(CommentTarget target, ProcessId process, String title, String path, boolean closed) {
    }

    private final Proposals proposals;
    private final JdbcClient jdbc;

    CommentTargets(Proposals proposals, JdbcClient jdbc) {
        this.proposals = proposals;
        this.jdbc = jdbc;
    }

    Optional<Found> find(OrganizationId organization, CommentTarget target) {
        return switch (target.type()) {
            case PROPOSAL -> proposals.find(organization, new ProposalId(target.id()))
                .map(p -> new Found(target, p.process(), p.title(), p.path(),
                    p.status() == ProposalStatus.WITHDRAWN || p.status() == ProposalStatus.HIDDEN));
            case DEBATE -> jdbc.sql("SELECT process_id, title FROM debate WHERE organization_id = :org AND id = :id")
                .param("org", organization.value()).param("id", target.id())
                .query((rs, n) -> new Found(target, rs.getObject(1) == null ? null : new ProcessId(rs.getLong(1)),
                    rs.getString(2), "/debates/" + target.id(), false))
                .optional();
            case CONSULTATION -> jdbc.sql("SELECT process_id, title FROM consultation WHERE organization_id = :org AND id = :id")
                .param("org", organization.value()).param("id", target.id())
                .query((rs, n) -> new Found(target, new ProcessId(rs.getLong(1)), rs.getString(2),
                    "/consultations/" + target.id(), false))
                .optional();
        };
    }
}
