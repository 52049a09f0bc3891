package org.baraza.budgeting.ballots;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.VerifiedResident;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The officer's budget booth: find a verified resident (by login, or by the identity document the census
 * verified them with), then let them fill their ballot on the officer's device or mark them as voting on
 * paper. Both put them on the one voter roll. What is typed to find someone travels in a form's body,
 * never a URL, and a document number is never shown back. The audit trail says who was marked, by whom,
 * how; never what they chose.
 */
@Controller
@RequestMapping("/officer/budgets")
class BudgetBoothController {

    private final BallotEditions editions;
    private final AccountDirectory accounts;
    private final ResidentVerification verification;
    private final CastBudgetBallot cast;
    private final BudgetBallotBox box;

    BudgetBoothController(BallotEditions editions, AccountDirectory accounts, ResidentVerification verification,
                          CastBudgetBallot cast, BudgetBallotBox box) {
        this.editions = editions;
        this.accounts = accounts;
        this.verification = verification;
        this.cast = cast;
        this.box = box;
    }

    @GetMapping
    String editions(Model model) {
        List<BallotEdition> all = editions.all(CurrentMunicipality.id());
        model.addAttribute("editions", all);
        model.addAttribute("open", all.stream().filter(cast::votingOpen).map(BallotEdition::id).toList());
        return "budgeting/ballots/officer";
    }

    @GetMapping("/{id}/booth")
    String booth(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth, Model model) {
        BallotEdition edition = BallotForms.edition(editions, id);
        return findPage(edition, booth == null ? "" : clip(booth), "", List.of(), model);
    }

    @PostMapping("/{id}/booth/find")
    String find(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                @RequestParam(name = "login", required = false) String login,
                @RequestParam(name = "document", required = false) String document, Model model, HttpServletResponse response) {
        BallotEdition edition = BallotForms.edition(editions, id);
        Municipality municipality = CurrentMunicipality.get();
        List<Violation> violations = new ArrayList<>();
        String boothName = boothName(booth, violations);
        boolean byDocument = document != null && !document.isBlank();
        String typed = byDocument ? document.strip() : login == null ? "" : login.strip();
        if (typed.isEmpty()) {
            violations.add(Violation.of("login", "findEither"));
        } else if (typed.length() > (byDocument ? 40 : 254) || typed.chars().anyMatch(Character::isISOControl)) {
            violations.add(Violation.of(byDocument ? "document" : "login", "findTooLong"));
        }
        if (!violations.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return findPage(edition, booth == null ? "" : clip(booth), byDocument || login == null ? "" : clip(login), violations, model);
        }
        Optional<AccountDirectory.AccountSummary> person = byDocument
            ? verification.accountVerifiedBy(municipality.id(), typed).flatMap(account -> accounts.find(municipality.id(), account))
            : accounts.findByLogin(municipality.id(), typed);
        if (person.isEmpty()) {
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return findPage(edition, boothName, byDocument ? "" : clip(login),
                List.of(Violation.of(byDocument ? "document" : "login", byDocument ? "documentNotFound" : "loginNotFound")), model);
        }
        return personPage(edition, municipality, person.get(), boothName, model);
    }

    @PostMapping("/{id}/booth/ballot-form")
    String ballotForm(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                      @RequestParam(name = "account", required = false) String account, Model model) {
        BallotEdition edition = BallotForms.edition(editions, id);
        String boothName = requiredBooth(booth);
        AccountDirectory.AccountSummary person = person(account);
        return ballotPage(edition, editions.offer(edition), person, boothName, BallotForms.blank(), List.of(), model);
    }

    @PostMapping("/{id}/booth/ballot")
    String vote(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                @RequestParam(name = "account", required = false) String account, HttpServletRequest request, Model model,
                HttpServletResponse response) {
        BallotEdition edition = BallotForms.edition(editions, id);
        SignedInAccount officer = BallotForms.signedIn();
        String boothName = requiredBooth(booth);
        AccountDirectory.AccountSummary person = person(account);
        BallotOffer offer = editions.offer(edition);
        var fields = new java.util.LinkedHashMap<>(BallotForms.fields(request));
        fields.remove("booth");
        fields.remove("account");
        BallotOffer.Read read = offer.read(fields);
        CastBudgetBallot.Outcome outcome = cast.atBooth(CurrentMunicipality.get(), edition, offer, person.accountId(), read,
            new CastBudgetBallot.Booth(officer.accountId(), boothName));
        if (outcome instanceof CastBudgetBallot.Cast done) {
                response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
                model.addAttribute("edition", edition);
                model.addAttribute("receipt", done.receipt().code());
                model.addAttribute("fingerprint", done.fingerprint());
                model.addAttribute("kept", false);
                model.addAttribute("replaced", false);
                model.addAttribute("atBooth", true);
                model.addAttribute("booth", boothName);
                model.addAttribute("oneTimePage", true);
                return "budgeting/ballots/receipt";
        }
        if (outcome instanceof CastBudgetBallot.Invalid invalid) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return ballotPage(edition, offer, person, boothName, read.draft(), invalid.violations(), model);
        }
        CastBudgetBallot.Refused refused = (CastBudgetBallot.Refused) outcome;
        response.setStatus(BallotForms.status(refused.reason()).value());
        model.addAttribute("refusal", refused.reason().messageKey());
        return personPage(edition, CurrentMunicipality.get(), person, boothName, model);
    }

    @PostMapping("/{id}/booth/paper")
    String paper(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                 @RequestParam(name = "account", required = false) String account, Model model, HttpServletResponse response) {
        BallotEdition edition = BallotForms.edition(editions, id);
        SignedInAccount officer = BallotForms.signedIn();
        String boothName = requiredBooth(booth);
        AccountDirectory.AccountSummary person = person(account);
        Optional<CastBudgetBallot.Refusal> refusal = cast.markForPaper(CurrentMunicipality.get(), edition, person.accountId(),
            new CastBudgetBallot.Booth(officer.accountId(), boothName));
        if (refusal.isPresent()) {
            response.setStatus(BallotForms.status(refusal.get()).value());
            model.addAttribute("refusal", refusal.get().messageKey());
        } else {
            model.addAttribute("notice", "budgetBallots.booth.markedForPaper");
        }
        return personPage(edition, CurrentMunicipality.get(), person, boothName, model);
    }

    private String findPage(BallotEdition edition, String booth, String login, List<Violation> violations, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("open", cast.votingOpen(edition));
        model.addAttribute("booth", booth);
        model.addAttribute("login", login);
        model.addAttribute("violations", violations);
        model.addAttribute("inError", violations.stream().map(Violation::field).toList());
        return "budgeting/ballots/booth-find";
    }

    private String personPage(BallotEdition edition, Municipality municipality, AccountDirectory.AccountSummary person,
                              String boothName, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("booth", boothName);
        model.addAttribute("person", person);
        Optional<Channel> voted = box.channelOf(edition.id(), person.accountId());
        Optional<CastBudgetBallot.Refusal> refusal = cast.eligibility(municipality, edition, person.accountId());
        model.addAttribute("voted", voted.map(Enum::name).orElse(null));
        model.addAttribute("ineligible", refusal.map(CastBudgetBallot.Refusal::messageKey).orElse(null));
        model.addAttribute("canVote", voted.isEmpty() && refusal.isEmpty());
        return "budgeting/ballots/booth-person";
    }

    private String ballotPage(BallotEdition edition, BallotOffer offer, AccountDirectory.AccountSummary person, String boothName,
                              BallotOffer.Draft draft, List<Violation> violations, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("person", person);
        model.addAttribute("booth", boothName);
        Optional<VerifiedResident> resident = verification.verifiedResident(CurrentMunicipality.id(), person.accountId());
        BallotForms.describe(model, offer, offer.headingsOpenTo(resident.map(VerifiedResident::districtCode).orElse(null)), draft,
            violations);
        model.addAttribute("action", "/officer/budgets/" + edition.id() + "/booth/ballot");
        return "budgeting/ballots/booth-ballot";
    }

    private AccountDirectory.AccountSummary person(String account) {
        Long accountId = BallotOffer.number(account);
        return accounts.find(CurrentMunicipality.id(), accountId == null ? -1 : accountId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    private static String requiredBooth(String booth) {
        List<Violation> violations = new ArrayList<>();
        String name = boothName(booth, violations);
        if (!violations.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return name;
    }

    /** The booth's name: 1 to 80 characters, no control characters (it goes on the roll). */
    static String boothName(String booth, List<Violation> violations) {
        String name = booth == null ? "" : booth.strip();
        if (name.isEmpty() || name.length() > 80 || name.chars().anyMatch(Character::isISOControl)) {
            violations.add(Violation.of("booth", "booth"));
            return null;
        }
        return name;
    }

    private static String clip(String text) {
        return text == null ? "" : text.length() > 254 ? text.substring(0, 254) : text;
    }
}
