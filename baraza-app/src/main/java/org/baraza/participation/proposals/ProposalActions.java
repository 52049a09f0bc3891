package org.baraza.participation.proposals;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.web.Participant;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The buttons on a proposal's page: support and take back, follow and unfollow, withdraw. Each answers with
 * the proposal's page: after a redirect with a notice ({@link Done}) when it was done, or at once with the
 * reason and a 4xx when it was refused.
 */
@Controller
@RequestMapping("/processes/{process}/proposals/{id}")
class ProposalActions {

    private final ProposalLookup lookup;
    private final ProposalPages pages;
    private final SupportProposal supports;
    private final WithdrawProposal withdrawal;
    private final ProposalRepository repository;
    private final Clock clock;

    ProposalActions(ProposalLookup lookup, ProposalPages pages, SupportProposal supports, WithdrawProposal withdrawal,
                    ProposalRepository repository, Clock clock) {
        this.lookup = lookup;
        this.pages = pages;
        this.supports = supports;
        this.withdrawal = withdrawal;
        this.repository = repository;
        this.clock = clock;
    }

    @PostMapping("/support")
    String support(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                   HttpServletResponse response) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        SupportProposal.Outcome outcome = supports.support(process.organization(), Participant.required().accountId(), proposal);
        if (outcome.refusal() != null) {
            return refused(process, proposal, outcome.refusal(), model, response);
        }
        return (outcome.changed() ? Done.SUPPORTED : Done.ALREADY_SUPPORTED).redirect(proposal, "support");
    }

    @PostMapping("/unsupport")
    String unsupport(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                     HttpServletResponse response) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        SupportProposal.Outcome outcome = supports.withdrawSupport(process.organization(), Participant.required().accountId(),
            proposal);
        if (outcome.refusal() != null) {
            return refused(process, proposal, outcome.refusal(), model, response);
        }
        return Done.UNSUPPORTED.redirect(proposal, "support");
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                    HttpServletResponse response) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        Optional<ProposalRefusal> refusal = withdrawal.withdraw(process.organization(), Participant.required().accountId(),
            proposal);
        if (refusal.isPresent()) {
            return refused(process, proposal, refusal.get(), model, response);
        }
        return Done.WITHDRAWN.redirect(proposal, null);
    }

    @PostMapping("/follow")
    String follow(@PathVariable("process") String processId, @PathVariable("id") String id) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        repository.follow(process.organization(), proposal.id(), Participant.required().accountId(), clock.instant());
        return Done.FOLLOWING.redirect(proposal, "follow");
    }

    @PostMapping("/unfollow")
    String unfollow(@PathVariable("process") String processId, @PathVariable("id") String id) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        repository.unfollow(process.organization(), proposal.id(), Participant.required().accountId());
        return Done.UNFOLLOWED.redirect(proposal, "follow");
    }

    private String refused(ParticipatoryProcess process, Proposal proposal, ProposalRefusal refusal, Model model,
                           HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        Proposal current = repository.find(process.organization(), proposal.id()).orElse(proposal);
        pages.describe(model, process, current);
        model.addAttribute("refusal", refusal.messageKey());
        return "participation/proposals/show";
    }
}
