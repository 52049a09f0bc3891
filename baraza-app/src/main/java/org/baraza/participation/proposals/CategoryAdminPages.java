package org.baraza.participation.proposals;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Optional;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.participation.web.TextInput;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for proposal categories (the /admin area is for admins only). */
@Controller
@RequestMapping("/admin/categories")
class CategoryAdminPages {

    private final CategoryRepository repository;
    private final ProposalCategories categories;
    private final MessageSource messages;

    CategoryAdminPages(CategoryRepository repository, ProposalCategories categories, MessageSource messages) {
        this.repository = repository;
        this.categories = categories;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        return list(model, "", new FormErrors());
    }

    @PostMapping
    String add(@RequestParam(name = "name", required = false) String name, Model model, HttpServletResponse response,
               RedirectAttributes redirect) {
        OrganizationId organization = CurrentMunicipality.id();
        FormErrors errors = new FormErrors();
        String checked = TextInput.check(errors, "name", name, Category.MAX_NAME, true, false, "proposals.category.error.name");
        if (checked != null) {
            categories.add(organization, Participant.required().accountId(), checked)
                .ifPresent(refusal -> errors.reject("name", refusal.messageKey()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return list(model, name, errors);
        }
        redirect.addFlashAttribute("notice", "proposals.category.notice.added");
        return "redirect:/admin/categories";
    }

    @GetMapping("/{id}")
    String show(@PathVariable("id") String id, Model model) {
        Category category = category(id);
        return edit(model, category, category.name(), new FormErrors());
    }

    @PostMapping("/{id}")
    String rename(@PathVariable("id") String id, @RequestParam(name = "name", required = false) String name, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Category category = category(id);
        FormErrors errors = new FormErrors();
        String checked = TextInput.check(errors, "name", name, Category.MAX_NAME, true, false, "proposals.category.error.name");
        if (checked != null) {
            categories.rename(CurrentMunicipality.id(), Participant.required().accountId(), category.id(), checked)
                .ifPresent(refusal -> errors.reject("name", refusal.messageKey()));
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return edit(model, category, name, errors);
        }
        redirect.addFlashAttribute("notice", "proposals.category.notice.renamed");
        return "redirect:/admin/categories";
    }

    @PostMapping("/{id}/remove")
    String remove(@PathVariable("id") String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Category category = category(id);
        Optional<ProposalCategories.Refusal> refusal = categories.remove(CurrentMunicipality.id(),
            Participant.required().accountId(), category.id());
        if (refusal.isPresent()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            FormErrors errors = new FormErrors().reject("remove", refusal.get().messageKey());
            return edit(model, category, category.name(), errors);
        }
        redirect.addFlashAttribute("notice", "proposals.category.notice.removed");
        return "redirect:/admin/categories";
    }

    private Category category(String id) {
        return repository.find(CurrentMunicipality.id(), Participant.id(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String list(Model model, String name, FormErrors errors) {
        model.addAttribute("categories", repository.list(CurrentMunicipality.id()));
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("errors", TranslatedErrors.of(errors, messages));
        return "participation/proposals/admin-categories";
    }

    private String edit(Model model, Category category, String name, FormErrors errors) {
        model.addAttribute("category", category);
        model.addAttribute("proposalCount", repository.proposalsIn(CurrentMunicipality.id(), category.id()));
        model.addAttribute("name", name == null ? "" : name);
        model.addAttribute("errors", TranslatedErrors.of(errors, messages));
        return "participation/proposals/admin-category";
    }
}
