package org.baraza.budgeting.ballots;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.VerifiedResident;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A resident's budget ballot: the form (no JavaScript needed: every rule is checked on the server and
 * every broken one listed, with the running totals of what was chosen), the receipt shown once, and the
 * page to replace an online ballot with its receipt. The receipt may be kept in a cookie of this device,
 * HttpOnly, SameSite=Strict and scoped to this edition's pages, so the change form can be prefilled.
 */
@Controller
class BallotPage {

    static final String RECEIPT_COOKIE = "budget-receipt";

    private final BallotEditions editions;
    private final CastBudgetBallot cast;
    private final BudgetBallotBox box;

    BallotPage(BallotEditions editions, CastBudgetBallot cast, BudgetBallotBox box) {
        this.editions = editions;
        this.cast = cast;
        this.box = box;
    }

    @GetMapping("/budgets/{id}/ballot")
    String show(@PathVariable("id") String id, Model model, HttpServletResponse response) {
        Shown shown = published(id);
        SignedInAccount voter = BallotForms.signedIn();
        return page(shown, voter, BallotForms.blank(), List.of(), model, response);
    }

    @PostMapping("/budgets/{id}/ballot")
    String vote(@PathVariable("id") String id, @RequestParam(name = "keep", required = false) String keep,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Shown shown = published(id);
        SignedInAccount voter = BallotForms.signedIn();
        BallotOffer.Read read = shown.offer().read(BallotForms.fields(request));
        CastBudgetBallot.Outcome outcome = cast.online(CurrentMunicipality.get(), shown.edition(), shown.status(), shown.offer(),
            voter.accountId(), read);
        return answer(shown, voter, read, outcome, "yes".equals(keep), false, request, response, model);
    }

    @GetMapping("/budgets/{id}/ballot/change")
    String change(@PathVariable("id") String id, @CookieValue(name = RECEIPT_COOKIE, required = false) String kept, Model model,
                  HttpServletResponse response) {
        Shown shown = published(id);
        SignedInAccount voter = BallotForms.signedIn();
        BudgetReceipt receipt = BudgetReceipt.typed(kept);
        model.addAttribute("receipt", receipt == null ? "" : receipt.code());
        model.addAttribute("receiptKept", receipt != null);
        return changePage(shown, voter, BallotForms.blank(), List.of(), model, response);
    }

    @PostMapping("/budgets/{id}/ballot/change")
    String replace(@PathVariable("id") String id, @RequestParam(name = "receipt", required = false) String receipt,
                   @RequestParam(name = "keep", required = false) String keep,
                   @CookieValue(name = RECEIPT_COOKIE, required = false) String kept,
                   HttpServletRequest request, HttpServletResponse response, Model model) {
        Shown shown = published(id);
        BallotEdition edition = shown.edition();
        SignedInAccount voter = BallotForms.signedIn();
        BallotOffer.Read read = shown.offer().read(BallotForms.fields(request));
        CastBudgetBallot.Outcome outcome = cast.replace(CurrentMunicipality.get(), edition, shown.status(), shown.offer(),
            voter.accountId(), receipt, read);
        if (!(outcome instanceof CastBudgetBallot.Cast)) {
            // the receipt typed is shown back (it is the voter's own, on their own screen) unless it was the wrong one
            boolean wrong = outcome instanceof CastBudgetBallot.Refused refused && refused.reason() == CastBudgetBallot.Refusal.WRONG_RECEIPT;
            model.addAttribute("receipt", wrong || receipt == null ? "" : receipt);
            model.addAttribute("receiptKept", kept != null && BudgetReceipt.typed(kept) != null);
        }
        boolean keepNew = "yes".equals(keep);
        if (outcome instanceof CastBudgetBallot.Cast && !keepNew && kept != null) {
            // the kept receipt is void now; the voter chose not to keep the new one here
            response.addHeader(HttpHeaders.SET_COOKIE, cookie(edition, "", Duration.ZERO, request).toString());
        }
        return answer(shown, voter, read, outcome, keepNew, true, request, response, model);
    }

    @PostMapping("/budgets/{id}/ballot/forget")
    String forget(@PathVariable("id") String id, HttpServletRequest request, HttpServletResponse response) {
        BallotEdition edition = BallotForms.edition(editions, id);
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(edition, "", Duration.ZERO, request).toString());
        return "redirect:/budgets/" + edition.id() + "/ballot/change";
    }

    /** An edition, the ballot it offers and its process's status, as read once for this request. */
    private record Shown(BallotEdition edition, BallotOffer offer, CastBudgetBallot.Status status) {
    }

    /** An edition whose process is published: residents know nothing of the others. */
    private Shown published(String id) {
        BallotEditions.Offered offered = BallotForms.offered(editions, id);
        CastBudgetBallot.Status status = cast.status(offered.edition());
        if (!status.published()) {
            throw new org.springframework.web.server.ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new Shown(offered.edition(), offered.offer(), status);
    }

    private String answer(Shown shown, SignedInAccount voter, BallotOffer.Read read, CastBudgetBallot.Outcome outcome, boolean keep,
                          boolean replacing, HttpServletRequest request, HttpServletResponse response, Model model) {
        BallotEdition edition = shown.edition();
        if (outcome instanceof CastBudgetBallot.Cast done) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            if (keep) {
                response.addHeader(HttpHeaders.SET_COOKIE, cookie(edition, done.receipt().code(), Duration.ofDays(366), request).toString());
            }
            model.addAttribute("edition", edition);
            model.addAttribute("receipt", done.receipt().code());
            model.addAttribute("fingerprint", done.fingerprint());
            model.addAttribute("kept", keep);
            model.addAttribute("replaced", replacing);
            model.addAttribute("atBooth", false);
            // shown once, in the answer to the form: the shell without account and language menus (layout.html)
            model.addAttribute("oneTimePage", true);
            return "budgeting/ballots/receipt";
        }
        if (outcome instanceof CastBudgetBallot.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return replacing ? changePage(shown, voter, read.draft(), invalid.violations(), model, response)
                : page(shown, voter, read.draft(), invalid.violations(), model, response);
        }
        CastBudgetBallot.Refused refused = (CastBudgetBallot.Refused) outcome;
        model.addAttribute("refusal", refused.reason().messageKey());
        String view = replacing ? changePage(shown, voter, read.draft(), List.of(), model, response)
            : page(shown, voter, read.draft(), List.of(), model, response);
        response.setStatus(BallotForms.status(refused.reason()).value());
        return view;
    }

    private String page(Shown shown, SignedInAccount voter, BallotOffer.Draft draft, List<Violation> violations, Model model,
                        HttpServletResponse response) {
        Municipality municipality = CurrentMunicipality.get();
        BallotEdition edition = shown.edition();
        BallotOffer offer = shown.offer();
        model.addAttribute("edition", edition);
        Optional<Channel> channel = box.channelOf(edition.id(), voter.accountId());
        Optional<VerifiedResident> resident = cast.resident(municipality.id(), voter.accountId());
        Optional<CastBudgetBallot.Refusal> refusal = cast.eligibility(municipality, edition, shown.status(), resident);
        model.addAttribute("channel", channel.map(Enum::name).orElse(null));
        model.addAttribute("ineligible", refusal.map(CastBudgetBallot.Refusal::messageKey).orElse(null));
        model.addAttribute("notVerified", refusal.filter(r -> r == CastBudgetBallot.Refusal.NOT_VERIFIED).isPresent());
        boolean canVote = channel.isEmpty() && refusal.isEmpty();
        model.addAttribute("canVote", canVote);
        List<BallotOffer.Heading> headings = offer.headingsOpenTo(resident.map(VerifiedResident::districtCode).orElse(null));
        BallotForms.describe(model, offer, headings, draft, violations);
        model.addAttribute("action", "/budgets/" + edition.id() + "/ballot");
        model.addAttribute("replacing", false);
        return "budgeting/ballots/ballot";
    }

    private String changePage(Shown shown, SignedInAccount voter, BallotOffer.Draft draft, List<Violation> violations, Model model,
                              HttpServletResponse response) {
        Municipality municipality = CurrentMunicipality.get();
        BallotEdition edition = shown.edition();
        BallotOffer offer = shown.offer();
        model.addAttribute("edition", edition);
        Optional<Channel> channel = box.channelOf(edition.id(), voter.accountId());
        Optional<VerifiedResident> resident = cast.resident(municipality.id(), voter.accountId());
        model.addAttribute("channel", channel.map(Enum::name).orElse(null));
        boolean open = shown.status().votingOpen();
        model.addAttribute("open", open);
        model.addAttribute("canChange", open && channel.filter(c -> c == Channel.ONLINE).isPresent());
        List<BallotOffer.Heading> headings = offer.headingsOpenTo(resident.map(VerifiedResident::districtCode).orElse(null));
        BallotForms.describe(model, offer, headings, draft, violations);
        model.addAttribute("action", "/budgets/" + edition.id() + "/ballot/change");
        model.addAttribute("replacing", true);
        if (!model.containsAttribute("receipt")) {
            model.addAttribute("receipt", "");
            model.addAttribute("receiptKept", false);
        }
        return "budgeting/ballots/change";
    }

    /** The receipt on this device only: not readable by scripts, not sent cross-site, not sent beyond this edition's pages. */
    private static ResponseCookie cookie(BallotEdition edition, String value, Duration maxAge, HttpServletRequest request) {
        return ResponseCookie.from(RECEIPT_COOKIE, value).path("/budgets/" + edition.id()).httpOnly(true)
            .secure(request.isSecure()).sameSite("Strict").maxAge(maxAge).build();
    }
}
