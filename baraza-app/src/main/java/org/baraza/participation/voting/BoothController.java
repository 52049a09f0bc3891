package org.baraza.participation.voting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.consultations.Eligibility;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.participation.web.TextInput;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.SignedInAccount;
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
 * The officer's booth: find a person (by their login, or by the identity document the census verified them
 * with), then either let them vote on the officer's device or mark them as voting on paper. Both
 * put them on the one voter roll, so they cannot vote again anywhere. The login or document typed is sent in a
 * form's body, never in a URL, and a document number is never shown back or stored.
 */
@Controller
@RequestMapping("/officer/booth")
class BoothController {

    private final ConsultationCatalogue catalogue;
    private final AccountDirectory accounts;
    private final ResidentVerification verification;
    private final CastBallot castBallot;
    private final BallotBox box;
    private final Clock clock;

    BoothController(ConsultationCatalogue catalogue, AccountDirectory accounts, ResidentVerification verification,
                    CastBallot castBallot, BallotBox box, Clock clock) {
        this.catalogue = catalogue;
        this.accounts = accounts;
        this.verification = verification;
        this.castBallot = castBallot;
        this.box = box;
        this.clock = clock;
    }

    @GetMapping
    String consultations(Model model) {
        model.addAttribute("consultations", catalogue.open(CurrentMunicipality.id()));
        return "participation/consultations/booth/index";
    }

    @GetMapping("/{id}")
    String booth(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth, Model model) {
        Consultation consultation = open(id);
        model.addAttribute("consultation", consultation);
        model.addAttribute("open", consultation.isOpenAt(clock.instant()));
        model.addAttribute("booth", booth == null ? "" : booth);
        model.addAttribute("login", "");
        model.addAttribute("errors", new FormErrors());
        return "participation/consultations/booth/find";
    }

    @PostMapping("/{id}/find")
    String find(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                @RequestParam(name = "login", required = false) String login,
                @RequestParam(name = "document", required = false) String document, Model model, HttpServletResponse response) {
        Consultation consultation = open(id);
        Municipality municipality = CurrentMunicipality.get();
        FormErrors errors = new FormErrors();
        String boothName = boothName(errors, booth);
        boolean byDocument = document != null && !document.isBlank();
        String typed = byDocument
            ? TextInput.check(errors, "document", document, 40, true, false, "consultations.booth.error.document")
            : TextInput.check(errors, "login", login, 254, false, false, "consultations.booth.error.login");
        if (!byDocument && typed == null && !errors.has("login")) {
            errors.reject("login", "consultations.booth.error.either");
        }
        model.addAttribute("consultation", consultation);
        model.addAttribute("open", consultation.isOpenAt(clock.instant()));
        model.addAttribute("booth", booth == null ? "" : booth);
        // a document number is never shown back: it stays on the officer's side of the form
        model.addAttribute("login", byDocument || login == null ? "" : login);
        model.addAttribute("errors", errors);
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return "participation/consultations/booth/find";
        }
        Optional<AccountDirectory.AccountSummary> person = byDocument
            ? verification.accountVerifiedBy(municipality.id(), typed).flatMap(account -> accounts.find(municipality.id(), account))
            : accounts.findByLogin(municipality.id(), typed);
        if (person.isEmpty()) {
            errors.reject(byDocument ? "document" : "login",
                byDocument ? "consultations.booth.error.documentNotFound" : "consultations.booth.error.notFound");
            response.setStatus(HttpStatus.NOT_FOUND.value());
            return "participation/consultations/booth/find";
        }
        return personPage(consultation, municipality, person.get(), boothName, model);
    }

    @PostMapping("/{id}/ballot-form")
    String ballotForm(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                      @RequestParam(name = "account", required = false) String account, Model model,
                      HttpServletResponse response) {
        Consultation consultation = open(id);
        FormErrors errors = new FormErrors();
        String boothName = boothName(errors, booth);
        AccountDirectory.AccountSummary person = person(account);
        if (!errors.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        return ballotPage(consultation, person, boothName, Map.of(), new FormErrors(), model);
    }

    @PostMapping("/{id}/ballot")
    String vote(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                @RequestParam(name = "account", required = false) String account, HttpServletRequest request, Model model,
                HttpServletResponse response) {
        Consultation consultation = open(id);
        SignedInAccount officer = Participant.required();
        FormErrors boothErrors = new FormErrors();
        String boothName = boothName(boothErrors, booth);
        AccountDirectory.AccountSummary person = person(account);
        if (!boothErrors.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Map<String, List<String>> fields = BallotFields.of(request);
        FormErrors errors = new FormErrors();
        BallotPaper ballot = BallotPaper.read(consultation, fields, errors);
        if (ballot == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return ballotPage(consultation, person, boothName, fields, errors, model);
        }
        CastBallot.Outcome outcome = castBallot.atBooth(CurrentMunicipality.get(), consultation, person.accountId(), ballot,
            new CastBallot.Booth(officer.accountId(), boothName));
        if (outcome instanceof CastBallot.Cast cast) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            model.addAttribute("consultation", consultation);
            model.addAttribute("receipt", cast.receipt().code());
            model.addAttribute("fingerprint", cast.fingerprint());
            model.addAttribute("oneTimePage", true);
            model.addAttribute("atBooth", true);
            model.addAttribute("booth", boothName);
            return "participation/consultations/receipt";
        }
        CastBallot.Refusal refusal = ((CastBallot.Refused) outcome).reason();
        response.setStatus(ConsultationPage.status(refusal).value());
        model.addAttribute("refusal", refusal.messageKey());
        return personPage(consultation, CurrentMunicipality.get(), person, boothName, model);
    }

    @PostMapping("/{id}/paper")
    String paper(@PathVariable("id") String id, @RequestParam(name = "booth", required = false) String booth,
                 @RequestParam(name = "account", required = false) String account, Model model, HttpServletResponse response) {
        Consultation consultation = open(id);
        SignedInAccount officer = Participant.required();
        FormErrors errors = new FormErrors();
        String boothName = boothName(errors, booth);
        AccountDirectory.AccountSummary person = person(account);
        if (!errors.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        Optional<CastBallot.Refusal> refusal = castBallot.markForPaper(CurrentMunicipality.get(), consultation, person.accountId(),
            new CastBallot.Booth(officer.accountId(), boothName));
        if (refusal.isPresent()) {
            response.setStatus(ConsultationPage.status(refusal.get()).value());
            model.addAttribute("refusal", refusal.get().messageKey());
        } else {
            model.addAttribute("notice", "consultations.booth.notice.markedForPaper");
        }
        return personPage(consultation, CurrentMunicipality.get(), person, boothName, model);
    }

    private String personPage(Consultation consultation, Municipality municipality, AccountDirectory.AccountSummary person,
                              String boothName, Model model) {
        model.addAttribute("consultation", consultation);
        model.addAttribute("booth", boothName);
        model.addAttribute("person", person);
        Optional<Channel> voted = box.channelOf(consultation.id(), person.accountId());
        model.addAttribute("voted", voted.map(Enum::name).orElse(null));
        Eligibility eligibility = Eligibility.of(consultation, verification.verifiedResident(municipality.id(), person.accountId()),
            LocalDate.now(clock.withZone(municipality.timeZone())));
        model.addAttribute("eligibility", eligibility);
        model.addAttribute("canVote", voted.isEmpty() && eligibility == Eligibility.ELIGIBLE);
        return "participation/consultations/booth/person";
    }

    private String ballotPage(Consultation consultation, AccountDirectory.AccountSummary person, String boothName,
                              Map<String, List<String>> submitted, FormErrors errors, Model model) {
        model.addAttribute("consultation", consultation);
        model.addAttribute("person", person);
        model.addAttribute("booth", boothName);
        model.addAttribute("submitted", submitted);
        model.addAttribute("errors", errors);
        return "participation/consultations/booth/ballot";
    }

    private AccountDirectory.AccountSummary person(String account) {
        long accountId = account == null ? -1 : parse(account);
        return accounts.find(CurrentMunicipality.id(), accountId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST));
    }

    private static long parse(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String boothName(FormErrors errors, String booth) {
        return TextInput.check(errors, "booth", booth, 80, true, false, "consultations.booth.error.booth");
    }

    private Consultation open(String id) {
        Consultation consultation = catalogue.any(CurrentMunicipality.id(), new ConsultationId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return consultation;
    }
}
