package org.baraza.platform.verification;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.AccountDirectory.AccountSummary;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.District;
import org.baraza.platform.Municipality;
import org.baraza.platform.Role;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * An officer verifies a person in person: finds their account by its login, checks their identity
 * document, and enters its details. Each verification is in the audit log under the officer's id.
 */
@Controller
@RequestMapping("/officer/verify")
class OfficerVerificationPage {

    static final int MAX_LOGIN_LENGTH = 254;

    private final VerifyAgainstCensus verify;
    private final AccountDirectory accounts;
    private final DistrictsAndDepartments districts;
    private final Clock clock;

    OfficerVerificationPage(VerifyAgainstCensus verify, AccountDirectory accounts, DistrictsAndDepartments districts, Clock clock) {
        this.verify = verify;
        this.accounts = accounts;
        this.districts = districts;
        this.clock = clock;
    }

    @GetMapping
    String show(Model model) {
        officer();
        model.addAttribute("login", "");
        model.addAttribute("form", CensusClaimForm.empty());
        model.addAttribute("errors", new FormErrors());
        return page(model);
    }

    @PostMapping
    String submit(@RequestParam(name = "login", defaultValue = "") String login, @ModelAttribute("form") CensusClaimForm form,
                  Model model, HttpServletResponse response, RedirectAttributes redirect) {
        SignedInAccount officer = officer();
        Municipality municipality = CurrentMunicipality.get();
        FormErrors errors = new FormErrors();
        Optional<AccountSummary> person = Optional.empty();
        String trimmed = login.strip();
        if (trimmed.isEmpty() || trimmed.length() > MAX_LOGIN_LENGTH) {
            errors.reject("login", "officer.verify.error.login");
        } else {
            person = accounts.findByLogin(municipality.id(), trimmed);
            if (person.isEmpty()) {
                errors.reject("login", "officer.verify.error.noAccount");
            }
        }
        CensusClaim claim = form.claim(errors, districts.districts(municipality.id()).stream().map(District::code)
            .collect(Collectors.toSet()), LocalDate.now(clock.withZone(municipality.timeZone())));
        model.addAttribute("login", trimmed.length() > MAX_LOGIN_LENGTH ? "" : trimmed);
        model.addAttribute("form", form.withoutDocument());
        model.addAttribute("errors", errors);
        if (claim == null || person.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model);
        }
        VerificationOutcome outcome = verify.byOfficer(municipality.id(), officer.accountId(), person.get().accountId(), claim);
        if (outcome == VerificationOutcome.VERIFIED) {
            redirect.addFlashAttribute("verifiedName", person.get().displayName());
            redirect.addFlashAttribute("verifiedLogin", person.get().maskedLogin());
            return "redirect:/officer/verify";
        }
        response.setStatus(outcome == VerificationOutcome.NO_MATCH ? HttpStatus.UNPROCESSABLE_CONTENT.value()
            : HttpStatus.CONFLICT.value());
        model.addAttribute("refusal", "officer.verify.outcome." + outcome.name());
        model.addAttribute("person", person.get());
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("districts", districts.districts(CurrentMunicipality.id()));
        return "verification/officer";
    }

    private static SignedInAccount officer() {
        SignedInAccount account = SignedInAccount.current().orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN));
        if (!account.has(Role.OFFICER) || !account.organization().equals(CurrentMunicipality.id())) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN);
        }
        return account;
    }
}
