package org.baraza.participation.voting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.Processes;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.consultations.Eligibility;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.processes.ProcessCatalogue;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * A consultation's public page, with the ballot for a resident who may vote now, and the online vote
 * itself. The receipt is rendered in the answer to the vote (never put in the session or a redirect), and
 * the answer is marked not to be stored by the browser, so the receipt is shown once.
 */
@Controller
class ConsultationPage {

    private final ConsultationCatalogue catalogue;
    private final ProcessCatalogue processes;
    private final Processes phases;
    private final CastBallot castBallot;
    private final BallotBox box;
    private final ResidentVerification verification;
    private final KnownDistricts districts;
    private final Clock clock;

    ConsultationPage(ConsultationCatalogue catalogue, ProcessCatalogue processes, Processes phases, CastBallot castBallot,
                     BallotBox box, ResidentVerification verification, KnownDistricts districts, Clock clock) {
        this.catalogue = catalogue;
        this.processes = processes;
        this.phases = phases;
        this.castBallot = castBallot;
        this.box = box;
        this.verification = verification;
        this.districts = districts;
        this.clock = clock;
    }

    @GetMapping("/consultations/{id}")
    String show(@PathVariable("id") String id, Model model) {
        Consultation consultation = consultation(id);
        return page(consultation, Map.of(), new FormErrors(), model);
    }

    @PostMapping("/consultations/{id}/ballot")
    String vote(@PathVariable("id") String id, HttpServletRequest request, HttpServletResponse response, Model model) {
        Consultation consultation = consultation(id);
        SignedInAccount voter = Participant.required();
        Map<String, List<String>> fields = BallotFields.of(request);
        FormErrors errors = new FormErrors();
        BallotPaper ballot = BallotPaper.read(consultation, fields, errors);
        if (ballot == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(consultation, fields, errors, model);
        }
        CastBallot.Outcome outcome = castBallot.online(CurrentMunicipality.get(), consultation, voter.accountId(), ballot);
        if (outcome instanceof CastBallot.Cast cast) {
            response.setHeader(HttpHeaders.CACHE_CONTROL, CacheControl.noStore().getHeaderValue());
            model.addAttribute("consultation", consultation);
            model.addAttribute("receipt", cast.receipt().code());
            model.addAttribute("fingerprint", cast.fingerprint());
            model.addAttribute("oneTimePage", true);
            model.addAttribute("atBooth", false);
            return "participation/consultations/receipt";
        }
        CastBallot.Refusal refusal = ((CastBallot.Refused) outcome).reason();
        response.setStatus(status(refusal).value());
        model.addAttribute("refusal", refusal.messageKey());
        return page(consultation, Map.of(), new FormErrors(), model);
    }

    static HttpStatus status(CastBallot.Refusal refusal) {
        return switch (refusal) {
            case NOT_VERIFIED, OTHER_DISTRICT, TOO_YOUNG -> HttpStatus.FORBIDDEN;
            case ALREADY_VOTED, CLOSED, NOT_OPEN_YET, NOT_IN_VOTING_PHASE -> HttpStatus.CONFLICT;
        };
    }

    private String page(Consultation fresh, Map<String, List<String>> submitted, FormErrors errors, Model model) {
        Municipality municipality = CurrentMunicipality.get();
        Consultation consultation = catalogue.published(municipality.id(), fresh.id()).orElse(fresh);
        Instant now = clock.instant();
        model.addAttribute("consultation", consultation);
        model.addAttribute("process", processes.published(municipality.id(), consultation.process()).orElseThrow());
        model.addAttribute("descriptionHtml", SafeMarkdown.render(consultation.description()));
        model.addAttribute("status", consultation.statusAt(now).name());
        model.addAttribute("districtName", consultation.eligibleDistrictCode() == null ? null
            : districts.name(municipality.id(), consultation.eligibleDistrictCode()));
        model.addAttribute("submitted", submitted);
        model.addAttribute("errors", errors);
        boolean votingPhase = phases.isOpen(municipality.id(), consultation.process(), PhaseAction.VOTE);
        model.addAttribute("votingPhase", votingPhase);
        var participant = Participant.current();
        model.addAttribute("signedIn", participant.isPresent());
        String state = "anonymous";
        if (participant.isPresent()) {
            long account = participant.get().accountId();
            var channel = box.channelOf(consultation.id(), account);
            if (channel.isPresent()) {
                state = "voted";
                model.addAttribute("channel", channel.get().name());
            } else {
                Eligibility eligibility = Eligibility.of(consultation, verification.verifiedResident(municipality.id(), account),
                    LocalDate.now(clock.withZone(municipality.timeZone())));
                model.addAttribute("eligibility", eligibility);
                state = eligibility == Eligibility.ELIGIBLE ? "eligible" : "ineligible";
            }
        }
        model.addAttribute("state", state);
        model.addAttribute("canVote", "eligible".equals(state) && consultation.isOpenAt(now) && votingPhase);
        return "participation/consultations/show";
    }

    private Consultation consultation(String id) {
        return catalogue.published(CurrentMunicipality.id(), new ConsultationId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
