package org.baraza.budgeting.results;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.List;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Published results as JSON (docs/api-budget-results.md); 404 problem+json before publication. */
@RestController
@RequestMapping(value = "/api/v1/budgets", produces = "application/json")
class BudgetResultsApi {

    record ProjectJson(long id, String externalId, String title, BigDecimal cost, Double latitude, Double longitude) {
    }

    record WinnerJson(int position, ProjectJson project, long votes, long points, BigDecimal largestPayment,
                      long supportersPayingAll, boolean byCompletion) {
    }

    record NotFundedJson(ProjectJson project, long votes, long points, String reason, BigDecimal supportersMoneyLeft) {
    }

    record ComparisonJson(String rule, List<Long> greedyWinners, List<Long> onlyRule, List<Long> onlyGreedy,
                          long votersWithFundedChoiceUnderRule, long votersWithFundedChoiceUnderGreedy, BigDecimal greedySpent) {
    }

    record HeadingJson(long id, String name, String districtCode, BigDecimal budget, BigDecimal spent, BigDecimal left, long ballots,
                       String rule, String tieBreak, BigDecimal equalSharePerVoter, List<WinnerJson> winners,
                       List<NotFundedJson> notFunded, ComparisonJson comparison, String ballotsPb) {
    }

    record TurnoutJson(long online, long booth, long paper, long total) {
    }

    record ResultsJson(long edition, String title, String publishedAt, TurnoutJson turnout, List<HeadingJson> headings, String csv,
                       String page, String ballots) {
    }

    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "sw", "ar");
    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder().build();

    private final EditionReader editions;
    private final ComputeResults results;
    private final org.springframework.context.MessageSource messages;

    BudgetResultsApi(EditionReader editions, ComputeResults results, org.springframework.context.MessageSource messages) {
        this.editions = editions;
        this.results = results;
        this.messages = messages;
    }

    @GetMapping("/{id}/results")
    ResponseEntity<?> results(@PathVariable("id") String id, HttpServletRequest request) {
        long number;
        try {
            number = EditionIds.parse(id);
        } catch (org.springframework.web.server.ResponseStatusException notANumber) {
            return notPublished(request);
        }
        var edition = editions.edition(CurrentMunicipality.id(), number).filter(Edition::published);
        if (edition.isEmpty()) {
            return notPublished(request);
        }
        EditionResults r = results.published(edition.get());
        String base = "/budgets/" + number;
        return ResponseEntity.ok(new ResultsJson(number, r.edition().title(), r.edition().resultsPublishedAt().toString(),
            new TurnoutJson(r.voters("ONLINE"), r.voters("BOOTH"), r.voters("PAPER"), r.voters()),
            r.headings().stream().map(h -> heading(h, base)).toList(), base + "/results.csv", base + "/results",
            base + "/results/ballots"));
    }

    /**
     * 404 as RFC 9457 problem details in the client's language (Accept-Language, else English): unknown, another
     * municipality's and unpublished editions answer alike, so nothing can be told apart from outside.
     */
    private ResponseEntity<String> notPublished(HttpServletRequest request) {
        java.util.Locale locale = java.util.Locale.ENGLISH;
        String accepted = request.getHeader(org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted != null && !accepted.isBlank()) {
            try {
                String match = java.util.Locale.lookupTag(java.util.Locale.LanguageRange.parse(accepted), LANGUAGES);
                if (match != null) {
                    locale = java.util.Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException malformed) {
                // a malformed Accept-Language is ignored, as if absent
            }
        }
        tools.jackson.databind.node.ObjectNode problem = JSON.createObjectNode();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage("error.notFound.title", null, locale));
        problem.put("status", 404);
        problem.put("detail", messages.getMessage("budgetResults.api.notPublished", null, locale));
        problem.put("instance", request.getRequestURI());
        return ResponseEntity.status(HttpStatus.NOT_FOUND)
            .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
            .header(org.springframework.http.HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
            .header(org.springframework.http.HttpHeaders.VARY, org.springframework.http.HttpHeaders.ACCEPT_LANGUAGE)
            .cacheControl(org.springframework.http.CacheControl.noStore())
            .body(JSON.writeValueAsString(problem));
    }

    private static HeadingJson heading(HeadingResult h, String base) {
        return new HeadingJson(h.heading().id(), h.heading().name(), h.heading().districtCode(), h.budget(), h.spent(), h.left(),
            h.ballots(), h.rule(), h.tieBreak(), h.endowmentPerVoter(),
            h.winners().stream().map(w -> new WinnerJson(w.position(), project(w.project()), w.votes(), w.points(), w.largestPayment(),
                w.supportersPayingAll(), w.byCompletion())).toList(),
            h.notFunded().stream().map(n -> new NotFundedJson(project(n.project()), n.votes(), n.points(), n.reason().name(),
                n.supportersMoneyLeft())).toList(),
            new ComparisonJson("greedy", ids(h.comparison().greedyWinners()), ids(h.comparison().onlyRule()),
                ids(h.comparison().onlyGreedy()), h.comparison().satisfiedUnderRule(), h.comparison().satisfiedUnderGreedy(),
                h.comparison().greedySpent()),
            base + "/results/ballots?heading=" + h.heading().id());
    }

    private static List<Long> ids(List<BallotProject> projects) {
        return projects.stream().map(BallotProject::id).toList();
    }

    private static ProjectJson project(BallotProject p) {
        return new ProjectJson(p.id(), p.externalId(), p.title(), p.cost(), p.latitude(), p.longitude());
    }
}
