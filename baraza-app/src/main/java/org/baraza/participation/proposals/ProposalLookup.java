package org.baraza.participation.proposals;

import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalId;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.processes.ProcessCatalogue;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Finds the process and proposal a URL names, in the municipality of the request's host only: an id that
 * is not a number, another municipality's, an unpublished process's, or a proposal of another process, is
 * a 404 like an unknown one.
 */
@Component
class ProposalLookup {

    private final ProcessCatalogue processes;
    private final ProposalRepository proposals;

    ProposalLookup(ProcessCatalogue processes, ProposalRepository proposals) {
        this.processes = processes;
        this.proposals = proposals;
    }

    ParticipatoryProcess process(String rawId) {
        return processes.published(CurrentMunicipality.id(), new ProcessId(Participant.id(rawId)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    Proposal proposal(ParticipatoryProcess process, String rawId) {
        return proposals.find(process.organization(), new ProposalId(Participant.id(rawId)))
            .filter(found -> found.process().equals(process.id()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** A proposal by its id alone (the JSON API), if its process is published. */
    Proposal proposal(String rawId) {
        Proposal proposal = proposals.find(CurrentMunicipality.id(), new ProposalId(Participant.id(rawId)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        processes.published(proposal.organization(), proposal.process())
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return proposal;
    }
}
