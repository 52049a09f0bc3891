package org.baraza.budgeting.editions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The municipality's participatory budgets, newest first, with what a resident can do in each now. */
@Controller
class EditionList {

    private final Editions editions;
    private final EditionRepository repository;

    EditionList(Editions editions, EditionRepository repository) {
        this.editions = editions;
        this.repository = repository;
    }

    /** One edition as the list shows it; {@code actions} are message keys of what is open now. */
    record Entry(Edition edition, Phase currentPhase, List<String> actions, BigDecimal total) {
    }

    @GetMapping("/budgets")
    String list(Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        List<Entry> entries = new ArrayList<>();
        for (Edition edition : repository.list(organization)) {
            if (!editions.published(edition)) {
                continue;
            }
            List<String> actions = new ArrayList<>();
            if (editions.isOpen(edition, PhaseAction.CREATE_PROPOSALS)) {
                actions.add("budgets.now.submit");
            }
            if (editions.isOpen(edition, PhaseAction.SUPPORT)) {
                actions.add("budgets.now.support");
            }
            if (editions.isOpen(edition, PhaseAction.VOTE)) {
                actions.add("budgets.now.vote");
            }
            if (edition.resultsPublished()) {
                actions.add("budgets.now.results");
            }
            BigDecimal total = repository.headings(organization, edition.id()).stream().map(Heading::budget)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
            entries.add(new Entry(edition, editions.currentPhase(edition).orElse(null), actions, total));
        }
        model.addAttribute("entries", entries);
        return "budgeting/editions/list";
    }
}
