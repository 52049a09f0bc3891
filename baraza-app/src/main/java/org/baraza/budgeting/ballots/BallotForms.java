package org.baraza.budgeting.ballots;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/** What the ballot pages share: reading a form, the edition from a path, and the model of the ballot form. */
final class BallotForms {

    /** One heading of the form, with the running totals of what was submitted. */
    record HeadingView(BallotOffer.Heading heading, List<BallotOffer.Project> projects, BigDecimal spent, int points, int chosen,
                       boolean inError) {
    }

    private BallotForms() {
    }

    /** The form's fields, repeated names kept (checkboxes), without the CSRF token. */
    static Map<String, List<String>> fields(HttpServletRequest request) {
        Map<String, List<String>> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf")) {
                fields.put(name, List.of(values));
            }
        });
        return fields;
    }

    /** The ballot form's model: the headings shown, what was marked, and every broken rule. */
    static void describe(Model model, BallotOffer offer, List<BallotOffer.Heading> headings, BallotOffer.Draft draft,
                         List<Violation> violations) {
        Set<String> inError = violations.stream().map(Violation::field).collect(Collectors.toSet());
        List<HeadingView> views = headings.stream().map(heading -> new HeadingView(heading, offer.projectsOf(heading.id()),
            offer.spent(heading.id(), draft), offer.pointsGiven(heading.id(), draft),
            (int) draft.marks().stream().map(BallotOffer.Mark::projectId).distinct()
                .filter(id -> offer.project(id) != null && offer.project(id).headingId() == heading.id()).count(),
            inError.contains("heading-" + heading.id()))).toList();
        model.addAttribute("rules", offer.rules());
        model.addAttribute("headings", views);
        model.addAttribute("chooseOne", offer.rules().headingChoice() == BallotRules.HeadingChoice.ONE_OF_CHOICE);
        model.addAttribute("draft", draft);
        model.addAttribute("violations", violations);
        model.addAttribute("inError", inError);
        model.addAttribute("submitted", !draft.marks().isEmpty() || !violations.isEmpty());
        model.addAttribute("sheet", false);
    }

    static BallotOffer.Draft blank() {
        return new BallotOffer.Draft(null, List.of());
    }

    /** The signed-in account of this municipality; 403 for a session of another municipality's host. */
    static SignedInAccount signedIn() {
        return SignedInAccount.current()
            .filter(account -> CurrentMunicipality.find().map(m -> m.id().equals(account.organization())).orElse(false))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
    }

    /** An edition of this municipality from a path: anything else (not a number, another city's) is a 404. */
    static BallotEdition edition(BallotEditions editions, String id) {
        Long parsed = BallotOffer.number(id);
        if (parsed == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return editions.find(CurrentMunicipality.id(), parsed).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** The same, with the ballot it offers, read together. */
    static BallotEditions.Offered offered(BallotEditions editions, String id) {
        Long parsed = BallotOffer.number(id);
        if (parsed == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return editions.findOffered(CurrentMunicipality.id(), parsed).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static HttpStatus status(CastBudgetBallot.Refusal refusal) {
        return switch (refusal) {
            case NOT_VERIFIED, TOO_YOUNG, NOT_ONLINE -> HttpStatus.FORBIDDEN;
            case WRONG_RECEIPT -> HttpStatus.BAD_REQUEST;
            case ALREADY_VOTED, NOT_OPEN, NOT_ON_ROLL, NOT_CLOSED, RESULTS_PUBLISHED -> HttpStatus.CONFLICT;
        };
    }
}
