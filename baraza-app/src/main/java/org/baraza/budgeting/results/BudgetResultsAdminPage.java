package org.baraza.budgeting.results;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's results page of an edition: while voting is open or to come, only a note saying when results can
 * be computed; once closed, a preview computed now from the box (exactly what residents will read), the publish
 * button, and once published the button to withdraw them.
 */
@Controller
@RequestMapping("/admin/budgets/{id}/results")
class BudgetResultsAdminPage {

    private final EditionReader editions;
    private final ComputeResults results;
    private final PublishResults publication;
    private final VotingClosed votingClosed;
    private final ResultsPresentation presentation;

    BudgetResultsAdminPage(EditionReader editions, ComputeResults results, PublishResults publication, VotingClosed votingClosed,
                     ResultsPresentation presentation) {
        this.editions = editions;
        this.results = results;
        this.publication = publication;
        this.votingClosed = votingClosed;
        this.presentation = presentation;
    }

    @GetMapping
    String show(@PathVariable("id") String id, Model model) {
        return page(edition(id), model);
    }

    @PostMapping("/publish")
    String publish(@PathVariable("id") String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Edition edition = edition(id);
        Optional<PublishResults.Refusal> refusal = publication.publish(edition, actor());
        if (refusal.isPresent()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", refusal.get().messageKey());
            return page(edition, model);
        }
        redirect.addFlashAttribute("notice", "budgetResults.admin.published");
        return "redirect:/admin/budgets/" + edition.id() + "/results";
    }

    @PostMapping("/unpublish")
    String unpublish(@PathVariable("id") String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Edition edition = edition(id);
        Optional<PublishResults.Refusal> refusal = publication.unpublish(edition, actor());
        if (refusal.isPresent()) {
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("refusal", refusal.get().messageKey());
            return page(edition, model);
        }
        redirect.addFlashAttribute("notice", "budgetResults.admin.unpublished");
        return "redirect:/admin/budgets/" + edition.id() + "/results";
    }

    private String page(Edition edition, Model model) {
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("edition", edition);
        model.addAttribute("editionTitle", ResultsPresentation.title(edition, presentation, locale));
        boolean closed = votingClosed.of(edition);
        model.addAttribute("closed", closed);
        model.addAttribute("preview", true);
        model.addAttribute("headingIds", editions.headings(edition.organization(), edition.id()));
        if (closed) {
            EditionResults computed = edition.published() ? results.published(edition) : results.compute(edition);
            model.addAttribute("computeMillis", computed.computeMillis());
            model.addAttribute("headings", presentation.headings(computed, locale));
            model.addAttribute("turnout", presentation.turnout(computed, locale));
        }
        return "budgeting/results/admin";
    }

    private static long actor() {
        return SignedInAccount.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN)).accountId();
    }

    private Edition edition(String id) {
        return editions.edition(CurrentMunicipality.id(), EditionIds.parse(id))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
