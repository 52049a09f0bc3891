package org.baraza.budgeting.projects;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.EditionRepository;
import org.baraza.budgeting.editions.FieldErrors;
import org.baraza.budgeting.editions.FormInput;
import org.baraza.budgeting.editions.SignedIn;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A valuator's pages: the projects assigned to them, and the verdict form of each. */
@Controller
@RequestMapping("/valuation/budgets")
class ValuationPages {

    private final ProjectRepository repository;
    private final EditionRepository editions;
    private final ValueProject valuation;
    private final MessageSource messages;

    ValuationPages(ProjectRepository repository, EditionRepository editions, ValueProject valuation, MessageSource messages) {
        this.repository = repository;
        this.editions = editions;
        this.valuation = valuation;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        SignedInAccount valuator = SignedIn.required();
        model.addAttribute("projects", repository.assignedTo(CurrentMunicipality.id(), valuator.accountId()));
        return "budgeting/projects/valuation-list";
    }

    @GetMapping("/{project}")
    String show(@PathVariable("project") String id, Model model) {
        Project project = assigned(id);
        model.addAttribute("valuationForm", ValuationForm.of(project));
        model.addAttribute("errors", Map.of());
        return page(project, model);
    }

    private String page(Project project, Model model) {
        model.addAttribute("project", project);
        model.addAttribute("edition", edition(project));
        model.addAttribute("action", "/valuation/budgets/" + project.id());
        return "budgeting/projects/valuation";
    }

    @PostMapping("/{project}")
    String value(@PathVariable("project") String id, @ModelAttribute("valuationForm") ValuationForm form, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        Project project = assigned(id);
        FieldErrors errors = new FieldErrors();
        ValuationForm.Verdict verdict = form.verdict(errors);
        if (verdict == null) {
            model.addAttribute("errors", errors.translated(messages));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(project, model);
        }
        valuation.value(edition(project), project, SignedIn.required().accountId(), false, verdict);
        redirect.addFlashAttribute("notice", "budgets.notice.valued");
        return "redirect:/valuation/budgets";
    }

    /** A project assigned to the signed-in valuator; any other id is a 404, so nobody learns which ids exist. */
    private Project assigned(String raw) {
        OrganizationId organization = CurrentMunicipality.id();
        Long id = FormInput.id(raw);
        long account = SignedIn.required().accountId();
        if (id == null || !repository.isValuator(organization, id, account)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return repository.find(organization, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Edition edition(Project project) {
        return editions.find(project.organization(), project.editionId()).orElseThrow();
    }

    @ExceptionHandler(ProjectRefusal.Refused.class)
    String refused(ProjectRefusal.Refused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.reason().status().value());
        model.addAttribute("refusal", refused.reason().messageKey());
        model.addAttribute("back", "/valuation/budgets");
        return "budgeting/editions/refused";
    }
}
