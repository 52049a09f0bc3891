package org.baraza.budgeting.editions;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.baraza.participation.ProcessId;
import org.baraza.participation.Processes;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.baraza.platform.OrganizationId;
import org.springframework.context.MessageSource;
import org.springframework.dao.DuplicateKeyException;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for editions: list and create, settings, headings. */
@Controller
@RequestMapping("/admin/budgets")
class EditionAdminPages {

    private final Editions editions;
    private final EditionRepository repository;
    private final EditionAdministration administration;
    private final Districts districts;
    private final Processes processes;
    private final MessageSource messages;

    EditionAdminPages(Editions editions, EditionRepository repository, EditionAdministration administration,
                      Districts districts, Processes processes, MessageSource messages) {
        this.processes = processes;
        this.editions = editions;
        this.repository = repository;
        this.administration = administration;
        this.districts = districts;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("process", "");
        model.addAttribute("editionTitle", "");
        model.addAttribute("errors", Map.of());
        return listing(model);
    }

    private String listing(Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        var listed = repository.list(organization);
        model.addAttribute("editions", listed);
        // the processes an edition can still be created in: published, and without an edition yet
        Set<ProcessId> taken = listed.stream().map(Edition::process).collect(Collectors.toSet());
        Map<ProcessId, String> free = new java.util.LinkedHashMap<>(processes.titles(organization));
        free.keySet().removeAll(taken);
        model.addAttribute("processChoices", free);
        return "budgeting/editions/admin-list";
    }

    @PostMapping
    String create(@RequestParam(name = "process", required = false) String process,
                  @RequestParam(name = "title", required = false) String title, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        OrganizationId organization = CurrentMunicipality.id();
        FieldErrors errors = new FieldErrors();
        Long processId = FormInput.id(process);
        if (processId == null) {
            errors.reject("process", "budgets.error.processChoice");
        }
        String name = FormInput.text(errors, "title", title, 200, true, false);
        if (errors.isEmpty()) {
            try {
                long id = administration.create(organization, SignedIn.required().accountId(), new ProcessId(processId), name);
                redirect.addFlashAttribute("notice", "budgets.notice.created");
                return "redirect:/admin/budgets/" + id;
            } catch (EditionRefusal.Refused refused) {
                errors.reject("process", refused.reason().messageKey());
            }
        }
        model.addAttribute("process", process == null ? "" : process);
        model.addAttribute("editionTitle", title == null ? "" : title);
        model.addAttribute("errors", errors.translated(messages));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return listing(model);
    }

    @GetMapping("/{edition}")
    String show(@PathVariable("edition") String id, Model model) {
        Edition edition = editions.require(id);
        model.addAttribute("form", SettingsForm.of(edition));
        model.addAttribute("errors", Map.of());
        model.addAttribute("headingForm", HeadingForm.empty());
        model.addAttribute("headingErrors", Map.of());
        return editing(edition, model);
    }

    private String editing(Edition edition, Model model) {
        OrganizationId organization = edition.organization();
        model.addAttribute("edition", edition);
        model.addAttribute("headings", repository.headings(organization, edition.id()));
        model.addAttribute("districts", districts.list(organization));
        model.addAttribute("districtNames", districtNames(organization));
        model.addAttribute("phases", editions.phases(edition));
        model.addAttribute("frozen", editions.frozen(edition));
        model.addAttribute("kinds", BallotKind.values());
        model.addAttribute("choices", HeadingChoice.values());
        model.addAttribute("rules", Edition.RULES);
        model.addAttribute("tieBreaks", Edition.TIE_BREAKS);
        return "budgeting/editions/admin-edition";
    }

    @PostMapping("/{edition}")
    String save(@PathVariable("edition") String id, @ModelAttribute("form") SettingsForm form, Model model,
                HttpServletResponse response, RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        FieldErrors errors = new FieldErrors();
        EditionRepository.Settings settings = form.settings(errors);
        if (settings == null) {
            model.addAttribute("errors", errors.translated(messages));
            model.addAttribute("headingForm", HeadingForm.empty());
            model.addAttribute("headingErrors", Map.of());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editing(edition, model);
        }
        administration.save(edition.organization(), SignedIn.required().accountId(), edition, settings);
        redirect.addFlashAttribute("notice", "budgets.notice.saved");
        return "redirect:/admin/budgets/" + edition.id();
    }

    @PostMapping("/{edition}/headings")
    String addHeading(@PathVariable("edition") String id, @ModelAttribute("headingForm") HeadingForm form, Model model,
                      HttpServletResponse response, RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        FieldErrors errors = new FieldErrors();
        HeadingForm.Checked checked = form.check(errors, districtCodes(edition.organization()));
        if (checked != null && repository.headingClashes(edition.id(), null, checked.name(), checked.district())) {
            errors.reject("name", "budgets.error.headingClash");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("form", SettingsForm.of(edition));
            model.addAttribute("errors", Map.of());
            model.addAttribute("headingErrors", errors.translated(messages));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editing(edition, model);
        }
        try {
            administration.addHeading(edition.organization(), SignedIn.required().accountId(), edition, checked.name(),
                checked.district(), checked.budget());
        } catch (DuplicateKeyException concurrent) {
            // the check above passed, but a concurrent change took the name or district (unique in the schema)
            return headingClash(edition, model, response);
        }
        redirect.addFlashAttribute("notice", "budgets.notice.headingAdded");
        return "redirect:/admin/budgets/" + edition.id();
    }

    private String headingClash(Edition edition, Model model, HttpServletResponse response) {
        model.addAttribute("form", SettingsForm.of(edition));
        model.addAttribute("errors", Map.of());
        model.addAttribute("headingErrors", new FieldErrors().reject("name", "budgets.error.headingClash").translated(messages));
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return editing(edition, model);
    }

    @GetMapping("/{edition}/headings/{heading}")
    String heading(@PathVariable("edition") String id, @PathVariable("heading") String headingId, Model model) {
        Edition edition = editions.require(id);
        Heading heading = heading(edition, headingId);
        model.addAttribute("headingForm", HeadingForm.of(heading));
        model.addAttribute("headingErrors", Map.of());
        return headingPage(edition, heading, model);
    }

    private String headingPage(Edition edition, Heading heading, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("heading", heading);
        model.addAttribute("districts", districts.list(edition.organization()));
        model.addAttribute("frozen", editions.frozen(edition));
        return "budgeting/editions/admin-heading";
    }

    @PostMapping("/{edition}/headings/{heading}")
    String updateHeading(@PathVariable("edition") String id, @PathVariable("heading") String headingId,
                         @ModelAttribute("headingForm") HeadingForm form, Model model, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        Heading heading = heading(edition, headingId);
        FieldErrors errors = new FieldErrors();
        HeadingForm.Checked checked = form.check(errors, districtCodes(edition.organization()));
        if (checked != null && repository.headingClashes(edition.id(), heading.id(), checked.name(), checked.district())) {
            errors.reject("name", "budgets.error.headingClash");
        }
        if (!errors.isEmpty()) {
            model.addAttribute("headingErrors", errors.translated(messages));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return headingPage(edition, heading, model);
        }
        try {
            administration.updateHeading(edition.organization(), SignedIn.required().accountId(), edition, heading,
                checked.name(), checked.district(), checked.budget());
        } catch (DuplicateKeyException concurrent) {
            model.addAttribute("headingErrors", new FieldErrors().reject("name", "budgets.error.headingClash").translated(messages));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return headingPage(edition, heading, model);
        }
        redirect.addFlashAttribute("notice", "budgets.notice.saved");
        return "redirect:/admin/budgets/" + edition.id();
    }

    @PostMapping("/{edition}/headings/{heading}/delete")
    String deleteHeading(@PathVariable("edition") String id, @PathVariable("heading") String headingId,
                         RedirectAttributes redirect) {
        Edition edition = editions.require(id);
        Heading heading = heading(edition, headingId);
        administration.deleteHeading(edition.organization(), SignedIn.required().accountId(), edition, heading);
        redirect.addFlashAttribute("notice", "budgets.notice.headingDeleted");
        return "redirect:/admin/budgets/" + edition.id();
    }

    /** A refused change: the reason on a page of its own with the refusal's status (409 once frozen), nothing stored. */
    @ExceptionHandler(EditionRefusal.Refused.class)
    String refused(EditionRefusal.Refused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.reason().status().value());
        model.addAttribute("refusal", refused.reason().messageKey());
        model.addAttribute("back", "/admin/budgets");
        return "budgeting/editions/refused";
    }

    private Heading heading(Edition edition, String raw) {
        Long headingId = FormInput.id(raw);
        return headingId == null ? notFound()
            : repository.heading(edition.organization(), edition.id(), headingId).orElseGet(EditionAdminPages::notFound);
    }

    private Set<String> districtCodes(OrganizationId organization) {
        return districts.list(organization).stream().map(District::code).collect(Collectors.toSet());
    }

    private Map<String, String> districtNames(OrganizationId organization) {
        return districts.list(organization).stream().collect(Collectors.toMap(District::code, District::name, (a, b) -> a));
    }

    private static <T> T notFound() {
        throw new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}
