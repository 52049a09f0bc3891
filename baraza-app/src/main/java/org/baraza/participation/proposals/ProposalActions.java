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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The buttons on a proposal's page: support and take back, follow and unfollow, withdraw. Each answers with
 * the proposal's page: after a redirect with a notice when it was done, or at once with the reason and a
 * 4xx when it was refused.
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
                   HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        SupportProposal.Outcome outcome = supports.support(process.organization(), Participant.required().accountId(), proposal);
        if (outcome.refusal() != null) {
            return refused(process, proposal, outcome.refusal(), model, response);
        }
        redirect.addFlashAttribute("notice", outcome.changed() ? "proposals.notice.supported" : "proposals.notice.alreadySupported");
        return "redirect:" + proposal.path() + "#support";
    }

    @PostMapping("/unsupport")
    String unsupport(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                     HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        SupportProposal.Outcome outcome = supports.withdrawSupport(process.organization(), Participant.required().accountId(),
            proposal);
        if (outcome.refusal() != null) {
            return refused(process, proposal, outcome.refusal(), model, response);
        }
        redirect.addFlashAttribute("notice", "proposals.notice.unsupported");
        return "redirect:" + proposal.path() + "#support";
    }

    @PostMapping("/withdraw")
    String withdraw(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        Optional<ProposalRefusal> refusal = withdrawal.withdraw(process.organization(), Participant.required().accountId(),
            proposal);
        if (refusal.isPresent()) {
            return refused(process, proposal, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "proposals.notice.withdrawn");
        return "redirect:" + proposal.path();
    }

    @PostMapping("/follow")
    String follow(@PathVariable("process") String processId, @PathVariable("id") String id, RedirectAttributes redirect) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        repository.follow(process.organization(), proposal.id(), Participant.required().accountId(), clock.instant());
        redirect.addFlashAttribute("notice", "proposals.notice.following");
        return "redirect:" + proposal.path() + "#follow";
    }

    @PostMapping("/unfollow")
    String unfollow(@PathVariable("process") String processId, @PathVariable("id") String id, RedirectAttributes redirect) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        repository.unfollow(process.organization(), proposal.id(), Participant.required().accountId());
        redirect.addFlashAttribute("notice", "proposals.notice.unfollowed");
        return "redirect:" + proposal.path() + "#follow";
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
