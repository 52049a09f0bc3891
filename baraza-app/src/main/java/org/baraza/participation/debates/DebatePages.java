package org.baraza.participation.debates;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Pages;
import org.baraza.participation.web.Participant;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The debates of the municipality: the list, each debate with its opinions and comments, and the forms. */
@Controller
@RequestMapping("/debates")
class DebatePages {

    static final int PAGE_SIZE = 20;

    private final DebateRepository repository;
    private final StartDebate start;
    private final EditDebate editing;
    private final GiveOpinion opinions;
    private final AccountDirectory accounts;
    private final MessageSource messages;

    DebatePages(DebateRepository repository, StartDebate start, EditDebate editing, GiveOpinion opinions,
                AccountDirectory accounts, MessageSource messages) {
        this.repository = repository;
        this.start = start;
        this.editing = editing;
        this.opinions = opinions;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping
    String list(@RequestParam(name = "page", required = false) String page,
                @RequestParam(name = "process", required = false) String process, Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        ProcessId inProcess = start.process(organization, process);
        Pages<Debate> debates = repository.list(organization, inProcess, Pages.page(page), PAGE_SIZE);
        model.addAttribute("debates", debates);
        model.addAttribute("process", inProcess == null ? null : inProcess.value());
        model.addAttribute("signedIn", Participant.current().isPresent());
        return "participation/debates/list";
    }

    @GetMapping("/new")
    String newDebate(@RequestParam(name = "process", required = false) String process, Model model) {
        Participant.required();
        start.process(CurrentMunicipality.id(), process);
        return form(model, null, new DebateForm("", "", null, process), null);
    }

    @PostMapping
    String create(@ModelAttribute DebateForm form, HttpServletRequest request, HttpServletResponse response, Model model) {
        SignedInAccount author = Participant.required();
        DebateOutcome outcome = start.start(author.organization(), author.accountId(), form, request);
        if (outcome.done()) {
            return "redirect:/debates/" + outcome.debateId();
        }
        response.setStatus(outcome.errors() != null ? 400 : 409);
        return form(model, outcome, form, null);
    }

    @GetMapping("/{id}")
    String show(@PathVariable("id") String id, Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        Debate debate = debate(organization, id);
        describe(model, organization, debate);
        return "participation/debates/show";
    }

    private void describe(Model model, OrganizationId organization, Debate debate) {
        Optional<SignedInAccount> viewer = Participant.current();
        model.addAttribute("debate", debate);
        model.addAttribute("bodyHtml", debate.isHidden() ? "" : SafeMarkdown.render(debate.body()));
        model.addAttribute("authorName", debate.anonymous() || debate.isHidden() ? null
            : accounts.find(organization, debate.authorAccountId()).map(AccountDirectory.AccountSummary::displayName).orElse(""));
        model.addAttribute("signedIn", viewer.isPresent());
        model.addAttribute("myOpinion", viewer.map(v -> repository.opinionOf(organization, debate.id(), v.accountId())).orElse(0));
        model.addAttribute("opinionRefusal", viewer.flatMap(v -> opinions.refusal(organization, v.accountId(), debate)).orElse(null));
        model.addAttribute("canEdit", viewer.map(v -> editing.mayEdit(debate, v.accountId())).orElse(false));
    }

    @PostMapping("/{id}/opinion")
    String opinion(@PathVariable("id") String id, @RequestParam(name = "opinion", required = false) String opinion,
                   HttpServletResponse response, Model model) {
        SignedInAccount resident = Participant.required();
        Debate debate = debate(resident.organization(), id);
        int value = switch (opinion == null ? "" : opinion) {
            case "agree" -> 1;
            case "disagree" -> -1;
            case "none" -> 0;
            default -> throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        };
        Optional<String> refusal = opinions.give(resident.organization(), resident.accountId(), debate, value);
        if (refusal.isEmpty()) {
            return "redirect:/debates/" + debate.id() + "#opinion";
        }
        response.setStatus(409);
        describe(model, resident.organization(), debate);
        model.addAttribute("refusal", refusal.get());
        return "participation/debates/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable("id") String id, Model model) {
        SignedInAccount author = Participant.required();
        Debate debate = debate(author.organization(), id);
        if (debate.authorAccountId() != author.accountId()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        String refusal = editing.mayEdit(debate, author.accountId()) ? null : "debates.refused.editWindow";
        return form(model, refusal == null ? null : DebateOutcome.refused(refusal),
            new DebateForm(debate.title(), debate.body(), Boolean.toString(debate.anonymous()), null), debate.id());
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable("id") String id, @ModelAttribute DebateForm form, HttpServletResponse response, Model model) {
        SignedInAccount author = Participant.required();
        Debate debate = debate(author.organization(), id);
        DebateOutcome outcome = editing.edit(author.organization(), author.accountId(), debate, form);
        if (outcome.done()) {
            return "redirect:/debates/" + debate.id();
        }
        response.setStatus(outcome.errors() != null ? 400 : 409);
        return form(model, outcome, form, debate.id());
    }

    private Debate debate(OrganizationId organization, String id) {
        return repository.find(organization, Participant.id(id)).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String form(Model model, DebateOutcome outcome, DebateForm form, Long editingId) {
        Map<String, String> errors = new LinkedHashMap<>();
        FormErrors formErrors = outcome == null ? null : outcome.errors();
        if (formErrors != null) {
            formErrors.getByField().forEach((field, message) -> errors.put(field,
                messages.getMessage(message.key(), message.args(), LocaleContextHolder.getLocale())));
        }
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", outcome == null ? null : outcome.refusal());
        model.addAttribute("form", form);
        model.addAttribute("editing", editingId);
        return "participation/debates/form";
    }
}
