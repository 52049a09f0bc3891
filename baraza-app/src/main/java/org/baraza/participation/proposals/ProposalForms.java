package org.baraza.participation.proposals;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.platform.District;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The form to make a proposal and, within the edit window, to change it. A refused submission shows the
 * form again with every value kept (files must be chosen again: browsers never refill file inputs), an
 * error summary and each error beside its field; nothing is stored until everything is right.
 */
@Controller
@RequestMapping("/processes/{process}/proposals")
class ProposalForms {

    private final ProposalLookup lookup;
    private final SubmitProposal submit;
    private final EditProposal edit;
    private final ProposalRepository repository;
    private final CategoryRepository categories;
    private final KnownDistricts districts;
    private final MunicipalityArea area;
    private final MessageSource messages;
    private final Clock clock;

    ProposalForms(ProposalLookup lookup, SubmitProposal submit, EditProposal edit, ProposalRepository repository,
                  CategoryRepository categories, KnownDistricts districts, MunicipalityArea area, MessageSource messages,
                  Clock clock) {
        this.lookup = lookup;
        this.submit = submit;
        this.edit = edit;
        this.repository = repository;
        this.categories = categories;
        this.districts = districts;
        this.area = area;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/new")
    String newProposal(@PathVariable("process") String processId, Model model, HttpServletResponse response) {
        ParticipatoryProcess process = lookup.process(processId);
        Optional<SignedInAccount> participant = Participant.current();
        if (participant.isEmpty()) {
            return "redirect:/login";
        }
        Optional<ProposalRefusal> refusal = submit.refusal(process.organization(), participant.get().accountId(), process.id());
        if (refusal.isPresent()) {
            return refused(process, null, refusal.get(), model, response);
        }
        return form(process, null, ProposalForm.empty(), new FormErrors(), model);
    }

    @PostMapping
    String create(@PathVariable("process") String processId, @ModelAttribute("form") ProposalForm form,
                  @RequestParam(name = "image", required = false) MultipartFile image,
                  @RequestParam(name = "documents", required = false) List<MultipartFile> documents,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        ParticipatoryProcess process = lookup.process(processId);
        long account = Participant.required().accountId();
        Optional<ProposalRefusal> refusal = submit.refusal(process.organization(), account, process.id());
        if (refusal.isPresent()) {
            return refused(process, null, refusal.get(), model, response);
        }
        FormErrors errors = new FormErrors();
        ProposalDraft draft = form.check(errors, context(process.organization(), null), image, documents);
        if (draft == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(process, null, form, errors, model);
        }
        SubmitProposal.Submission submission = submit.submit(process.organization(), account, process.id(), draft, request);
        if (submission.refusal() != null) {
            return refused(process, null, submission.refusal(), model, response);
        }
        return "redirect:" + ProposalPages.base(process) + "/" + submission.id().value() + "?done=" + Done.CREATED.code();
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                    HttpServletResponse response) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        long account = Participant.required().accountId();
        Optional<ProposalRefusal> refusal = EditProposal.refusal(proposal, account, clock.instant());
        if (refusal.isPresent()) {
            return refused(process, proposal, refusal.get(), model, response);
        }
        return form(process, proposal, ProposalForm.of(proposal), new FormErrors(), model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable("process") String processId, @PathVariable("id") String id,
                  @ModelAttribute("form") ProposalForm form,
                  @RequestParam(name = "image", required = false) MultipartFile image,
                  @RequestParam(name = "documents", required = false) List<MultipartFile> documents,
                  Model model, HttpServletResponse response) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        long account = Participant.required().accountId();
        Optional<ProposalRefusal> refusal = EditProposal.refusal(proposal, account, clock.instant());
        if (refusal.isPresent()) {
            return refused(process, proposal, refusal.get(), model, response);
        }
        FormErrors errors = new FormErrors();
        ProposalDraft draft = form.check(errors, context(process.organization(), proposal), image, documents);
        if (draft == null) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return form(process, proposal, form, errors, model);
        }
        refusal = edit.edit(process.organization(), account, proposal, draft);
        if (refusal.isPresent()) {
            return refused(process, proposal, refusal.get(), model, response);
        }
        return Done.SAVED.redirect(proposal, null);
    }

    private ProposalForm.Context context(OrganizationId organization, Proposal proposal) {
        return new ProposalForm.Context(
            new HashSet<>(categories.list(organization).stream().map(Category::id).toList()),
            new HashSet<>(districts.list(organization).stream().map(District::code).toList()),
            area.of(organization).orElse(null),
            proposal != null && proposal.hasImage(),
            proposal == null ? List.of() : repository.documents(organization, proposal.id()));
    }

    private String form(ParticipatoryProcess process, Proposal proposal, ProposalForm form, FormErrors errors, Model model) {
        OrganizationId organization = process.organization();
        model.addAttribute("process", process);
        model.addAttribute("proposal", proposal);
        model.addAttribute("form", form);
        model.addAttribute("errors", TranslatedErrors.of(errors, messages));
        model.addAttribute("categories", categories.list(organization));
        model.addAttribute("districts", districts.list(organization));
        model.addAttribute("area", area.of(organization).orElse(null));
        model.addAttribute("documents", proposal == null ? List.of() : repository.documents(organization, proposal.id()));
        model.addAttribute("base", ProposalPages.base(process));
        model.addAttribute("limits", new Limits(Proposal.MAX_TITLE, Proposal.MAX_SUMMARY, Proposal.MAX_BODY,
            Proposal.MAX_IMAGE_ALT, PdfUpload.MAX_PER_PROPOSAL, PdfUpload.MAX_BYTES / 1_000_000,
            org.baraza.participation.images.UploadedImage.MAX_BYTES / 1_000_000));
        return "participation/proposals/form";
    }

    /** The limits the form's hints state. */
    record Limits(int title, int summary, int body, int imageAlt, int documents, int documentMegabytes, int imageMegabytes) {
    }

    private static String refused(ParticipatoryProcess process, Proposal proposal, ProposalRefusal refusal, Model model,
                                  HttpServletResponse response) {
        response.setStatus(refusal.status().value());
        model.addAttribute("process", process);
        model.addAttribute("proposal", proposal);
        model.addAttribute("refusal", refusal.messageKey());
        model.addAttribute("needsVerification", refusal == ProposalRefusal.NOT_VERIFIED);
        model.addAttribute("base", ProposalPages.base(process));
        return "participation/proposals/refused";
    }
}
