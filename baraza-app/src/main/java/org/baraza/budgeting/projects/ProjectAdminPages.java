package org.baraza.budgeting.projects;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.Editions;
import org.baraza.budgeting.editions.FieldErrors;
import org.baraza.budgeting.editions.FormInput;
import org.baraza.budgeting.editions.Heading;
import org.baraza.budgeting.editions.SignedIn;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for an edition's projects: the list per heading, one project (valuators, feasibility, incompatibilities), entering one. */
@Controller
@RequestMapping("/admin/budgets/{edition}/projects")
class ProjectAdminPages {

    private final Editions editions;
    private final ProjectRepository repository;
    private final ProjectLookup lookup;
    private final ProjectAdministration administration;
    private final ValueProject valuation;
    private final MessageSource messages;

    ProjectAdminPages(Editions editions, ProjectRepository repository, ProjectLookup lookup, ProjectAdministration administration,
                      ValueProject valuation, MessageSource messages) {
        this.editions = editions;
        this.repository = repository;
        this.lookup = lookup;
        this.administration = administration;
        this.valuation = valuation;
        this.messages = messages;
    }

    /** One heading's projects as the admin's list shows them. */
    record Group(Heading heading, List<Project> projects) {
    }

    @GetMapping
    String list(@PathVariable("edition") String id, Model model) {
        Edition edition = editions.require(id);
        List<Project> all = repository.all(edition.organization(), edition.id());
        List<Group> groups = new ArrayList<>();
        for (Heading heading : editions.repository().headings(edition.organization(), edition.id())) {
            groups.add(new Group(heading, all.stream().filter(p -> p.headingId() == heading.id()).toList()));
        }
        model.addAttribute("edition", edition);
        model.addAttribute("groups", groups);
        model.addAttribute("frozen", editions.frozen(edition));
        return "budgeting/projects/admin-list";
    }

    @GetMapping("/{project}")
    String show(@PathVariable("edition") String id, @PathVariable("project") String projectId, Model model) {
        Edition edition = editions.require(id);
        Project project = lookup.project(edition, projectId);
        model.addAttribute("valuationForm", ValuationForm.of(project));
        model.addAttribute("errors", Map.of());
        return page(edition, project, model);
    }

    private String page(Edition edition, Project project, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("project", project);
        model.addAttribute("frozen", editions.frozen(edition));
        model.addAttribute("valuators", administration.valuators(edition));
        model.addAttribute("assigned", repository.valuators(edition.organization(), project.id()));
        List<Long> incompatible = repository.incompatibleWith(edition.id(), project.id());
        List<Project> others = repository.all(edition.organization(), edition.id()).stream()
            .filter(other -> other.id() != project.id()).toList();
        model.addAttribute("incompatible", others.stream().filter(o -> incompatible.contains(o.id())).toList());
        model.addAttribute("candidates", others.stream().filter(o -> !incompatible.contains(o.id()) && !o.withdrawn()).toList());
        model.addAttribute("action", "/admin/budgets/" + edition.id() + "/projects/" + project.id() + "/valuation");
        return "budgeting/projects/admin-project";
    }

    @PostMapping("/{project}/valuation")
    String value(@PathVariable("edition") String id, @PathVariable("project") String projectId,
                 @ModelAttribute("valuationForm") ValuationForm form, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        Project project = lookup.project(edition, projectId);
        FieldErrors errors = new FieldErrors();
        ValuationForm.Verdict verdict = form.verdict(errors);
        if (verdict == null) {
            model.addAttribute("errors", errors.translated(messages));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(edition, project, model);
        }
        valuation.value(edition, project, SignedIn.required().accountId(), true, verdict);
        redirect.addFlashAttribute("notice", "budgets.notice.valued");
        return "redirect:/admin/budgets/" + edition.id() + "/projects/" + project.id();
    }

    @PostMapping("/{project}/valuators")
    String valuators(@PathVariable("edition") String id, @PathVariable("project") String projectId,
                     @RequestParam(name = "valuator", required = false) List<String> chosen, RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        Project project = lookup.project(edition, projectId);
        List<Long> accounts = new ArrayList<>();
        for (String raw : chosen == null ? List.<String>of() : chosen) {
            Long account = FormInput.id(raw);
            if (account == null) {
                throw new ProjectRefusal.Refused(ProjectRefusal.UNKNOWN_VALUATOR);
            }
            accounts.add(account);
        }
        administration.assignValuators(edition, project, SignedIn.required().accountId(), accounts);
        redirect.addFlashAttribute("notice", "budgets.notice.valuatorsSaved");
        return "redirect:/admin/budgets/" + edition.id() + "/projects/" + project.id();
    }

    @PostMapping("/{project}/incompatibilities")
    String incompatible(@PathVariable("edition") String id, @PathVariable("project") String projectId,
                        @RequestParam(name = "other", required = false) String other, RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        Project project = lookup.project(edition, projectId);
        Long otherId = FormInput.id(other);
        if (otherId == null) {
            throw new ProjectRefusal.Refused(ProjectRefusal.UNKNOWN_PROJECT);
        }
        administration.markIncompatible(edition, project, otherId, SignedIn.required().accountId());
        redirect.addFlashAttribute("notice", "budgets.notice.incompatibilityAdded");
        return "redirect:/admin/budgets/" + edition.id() + "/projects/" + project.id();
    }

    @PostMapping("/{project}/incompatibilities/{other}/delete")
    String compatible(@PathVariable("edition") String id, @PathVariable("project") String projectId,
                      @PathVariable("other") String other, RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        Project project = lookup.project(edition, projectId);
        Long otherId = FormInput.id(other);
        if (otherId == null) {
            throw new ProjectRefusal.Refused(ProjectRefusal.UNKNOWN_PROJECT);
        }
        administration.removeIncompatibility(edition, project, otherId, SignedIn.required().accountId());
        redirect.addFlashAttribute("notice", "budgets.notice.incompatibilityRemoved");
        return "redirect:/admin/budgets/" + edition.id() + "/projects/" + project.id();
    }

    @GetMapping("/new")
    String form(@PathVariable("edition") String id, Model model) {
        Edition edition = editions.require(id);
        model.addAttribute("form", ProjectForm.empty());
        model.addAttribute("errors", Map.of());
        return creating(edition, model);
    }

    private String creating(Edition edition, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("headings", editions.repository().headings(edition.organization(), edition.id()));
        model.addAttribute("districts", lookup.districts(edition.organization()));
        model.addAttribute("action", "/admin/budgets/" + edition.id() + "/projects");
        model.addAttribute("back", "/admin/budgets/" + edition.id() + "/projects");
        return "budgeting/projects/form";
    }

    @PostMapping
    String create(@PathVariable("edition") String id, @ModelAttribute("form") ProjectForm form,
                  @RequestParam(name = "image", required = false) MultipartFile image, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        FieldErrors errors = new FieldErrors();
        ProjectRepository.Draft draft = form.draft(errors, editions.repository().headings(edition.organization(), edition.id()),
            lookup.districtCodes(edition.organization()), image, null);
        if (draft == null) {
            model.addAttribute("errors", errors.translated(messages));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return creating(edition, model);
        }
        long project = administration.enter(edition, SignedIn.required().accountId(), draft);
        redirect.addFlashAttribute("notice", "budgets.notice.entered");
        return "redirect:/admin/budgets/" + edition.id() + "/projects/" + project;
    }

    @ExceptionHandler(ProjectRefusal.Refused.class)
    String refused(ProjectRefusal.Refused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.reason().status().value());
        model.addAttribute("refusal", refused.reason().messageKey());
        model.addAttribute("back", "/admin/budgets");
        return "budgeting/editions/refused";
    }
}
