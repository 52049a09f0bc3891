package org.baraza.budgeting.results;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public results of an edition, once an admin has published them: winners with plain-words explanations,
 * projects not funded and why, the comparison with greedy, a map, turnout, a CSV download. Before publication
 * the page does not exist (404), so nothing can be guessed from it.
 */
@Controller
class BudgetResultsPage {

    private final EditionReader editions;
    private final ComputeResults results;
    private final ResultsPresentation presentation;

    BudgetResultsPage(EditionReader editions, ComputeResults results, ResultsPresentation presentation) {
        this.editions = editions;
        this.results = results;
        this.presentation = presentation;
    }

    @GetMapping("/budgets/{id}/results")
    String show(@PathVariable("id") String id, Model model) {
        EditionResults published = results.published(publishedEdition(id));
        Locale locale = LocaleContextHolder.getLocale();
        model.addAttribute("edition", published.edition());
        model.addAttribute("editionTitle", ResultsPresentation.title(published.edition(), presentation, locale));
        model.addAttribute("headings", presentation.headings(published, locale));
        model.addAttribute("turnout", presentation.turnout(published, locale));
        model.addAttribute("preview", false);
        return "budgeting/results/public";
    }

    @GetMapping("/budgets/{id}/results.csv")
    ResponseEntity<byte[]> csv(@PathVariable("id") String id) {
        EditionResults published = results.published(publishedEdition(id));
        return ResponseEntity.ok()
            .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("budget-" + published.edition().id() + "-results.csv").build().toString())
            .cacheControl(CacheControl.noCache())
            .body(BudgetResultsCsv.write(published).getBytes(StandardCharsets.UTF_8));
    }

    private Edition publishedEdition(String id) {
        return editions.edition(CurrentMunicipality.id(), EditionIds.parse(id))
            .filter(Edition::published)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
