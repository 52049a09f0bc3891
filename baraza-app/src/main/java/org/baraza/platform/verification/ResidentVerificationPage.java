package org.baraza.platform.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.District;
import org.baraza.platform.Municipality;
import org.baraza.platform.ResidentVerification;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A signed-in resident verifies their account against the census, by themselves. */
@Controller
@RequestMapping("/account/verify")
class ResidentVerificationPage {

    private final VerifyAgainstCensus verify;
    private final ResidentVerification verification;
    private final DistrictsAndDepartments districts;
    private final Clock clock;

    ResidentVerificationPage(VerifyAgainstCensus verify, ResidentVerification verification, DistrictsAndDepartments districts,
                             Clock clock) {
        this.verify = verify;
        this.verification = verification;
        this.districts = districts;
        this.clock = clock;
    }

    @GetMapping
    String show(Model model) {
        SignedInAccount account = resident();
        model.addAttribute("form", CensusClaimForm.empty());
        model.addAttribute("errors", new FormErrors());
        return page(account, model);
    }

    @PostMapping
    String submit(@ModelAttribute("form") CensusClaimForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        SignedInAccount account = resident();
        Municipality municipality = CurrentMunicipality.get();
        FormErrors errors = new FormErrors();
        CensusClaim claim = form.claim(errors, codes(municipality), LocalDate.now(clock.withZone(municipality.timeZone())));
        model.addAttribute("form", form.withoutDocument());
        model.addAttribute("errors", errors);
        if (claim == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(account, model);
        }
        VerificationOutcome outcome = verify.byResident(municipality.id(), account.accountId(), claim);
        if (outcome == VerificationOutcome.VERIFIED || outcome == VerificationOutcome.ALREADY_VERIFIED) {
            redirect.addFlashAttribute("outcome", outcome.messageKey());
            return "redirect:/account/verify";
        }
        response.setStatus(switch (outcome) {
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS.value();
            case RECORD_TAKEN -> HttpStatus.CONFLICT.value();
            default -> HttpStatus.UNPROCESSABLE_CONTENT.value();
        });
        model.addAttribute("refusal", outcome.messageKey());
        if (outcome == VerificationOutcome.NO_MATCH) {
            model.addAttribute("attemptsLeft", verify.attemptsLeft(municipality.id(), account.accountId()));
        }
        return page(account, model);
    }

    private String page(SignedInAccount account, Model model) {
        List<District> list = districts.districts(account.organization());
        model.addAttribute("districts", list);
        verification.verifiedResident(account.organization(), account.accountId()).ifPresent(resident -> {
            model.addAttribute("resident", resident);
            model.addAttribute("districtName", list.stream().filter(d -> d.code().equals(resident.districtCode()))
                .map(District::name).findFirst().orElse(resident.districtCode()));
        });
        return "verification/verify";
    }

    private Set<String> codes(Municipality municipality) {
        return districts.districts(municipality.id()).stream().map(District::code).collect(Collectors.toSet());
    }

    /** The signed-in account, which must belong to the municipality of this host. */
    private static SignedInAccount resident() {
        SignedInAccount account = SignedInAccount.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        if (!account.organization().equals(CurrentMunicipality.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return account;
    }
}
