package org.baraza.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.baraza.platform.SignedInAccount;
import org.baraza.platform.tenancy.DistrictsAndDepartments;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * /account: what the account says about the resident (pseudonym, legal name, language), their
 * voluntary demographics, and their rights: change the password, download their data, delete the account.
 */
@Controller
class AccountPage {

    private final AccountProfile profile;
    private final Demographics demographics;
    private final DistrictsAndDepartments districts;
    private final PasswordChange passwordChange;
    private final PersonalDataExport export;
    private final AccountDeletion deletion;
    private final ClientAttempts attempts;
    private final LocaleResolver languages;

    AccountPage(AccountProfile profile, Demographics demographics, DistrictsAndDepartments districts,
                PasswordChange passwordChange, PersonalDataExport export, AccountDeletion deletion,
                ClientAttempts attempts, LocaleResolver languages) {
        this.profile = profile;
        this.demographics = demographics;
        this.districts = districts;
        this.passwordChange = passwordChange;
        this.export = export;
        this.deletion = deletion;
        this.attempts = attempts;
        this.languages = languages;
    }

    @GetMapping("/account")
    String account(@AuthenticationPrincipal SignedInAccount me, Model model) {
        StoredAccount account = profile.of(me.organization(), me.accountId()).orElseThrow();
        model.addAttribute("profile", new ProfileForm(account.displayName(), account.legalName(),
            account.language() == null ? CurrentMunicipality.get().defaultLanguage() : account.language()));
        Demographics.Answers answers = demographics.of(me.organization(), me.accountId())
            .orElse(new Demographics.Answers(null, null, null));
        model.addAttribute("demographics", new DemographicsForm(answers.ageBand(), answers.gender(),
            answers.districtId() == null ? null : answers.districtId().toString()));
        return page(me, model);
    }

    @PostMapping("/account/profile")
    String changeProfile(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("profile") ProfileForm form,
                         BindingResult errors, Model model, HttpServletRequest request, HttpServletResponse response,
                         RedirectAttributes redirect) {
        Municipality municipality = CurrentMunicipality.get();
        if (form.language() == null || !municipality.offers(form.language())) {
            errors.rejectValue("language", "accounts.language.invalid");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            Demographics.Answers answers = demographics.of(me.organization(), me.accountId())
                .orElse(new Demographics.Answers(null, null, null));
            model.addAttribute("demographics", new DemographicsForm(answers.ageBand(), answers.gender(),
                answers.districtId() == null ? null : answers.districtId().toString()));
            return page(me, model);
        }
        profile.change(me.organization(), me.accountId(), form.displayName(), form.legalName(), form.language());
        languages.setLocale(request, response, Locale.forLanguageTag(form.language()));
        redirect.addFlashAttribute("notice", "accounts.notice.profileSaved");
        return "redirect:/account";
    }

    @PostMapping("/account/demographics")
    String answerDemographics(@AuthenticationPrincipal SignedInAccount me,
                              @Valid @ModelAttribute("demographics") DemographicsForm form, BindingResult errors,
                              Model model, HttpServletResponse response, RedirectAttributes redirect) {
        String ageBand = blankToNull(form.ageBand());
        String gender = blankToNull(form.gender());
        Long district = null;
        if (ageBand != null && !Demographics.AGE_BANDS.contains(ageBand) && !errors.hasFieldErrors("ageBand")) {
            errors.rejectValue("ageBand", "accounts.demographics.invalid");
        }
        if (gender != null && !Demographics.GENDERS.contains(gender) && !errors.hasFieldErrors("gender")) {
            errors.rejectValue("gender", "accounts.demographics.invalid");
        }
        String typedDistrict = blankToNull(form.district());
        if (typedDistrict != null && !errors.hasFieldErrors("district")) {
            district = districts.districts(me.organization()).stream()
                .filter(d -> Long.toString(d.id()).equals(typedDistrict)).map(d -> d.id()).findFirst().orElse(null);
            if (district == null) {
                errors.rejectValue("district", "accounts.demographics.invalid");
            }
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            StoredAccount account = profile.of(me.organization(), me.accountId()).orElseThrow();
            model.addAttribute("profile", new ProfileForm(account.displayName(), account.legalName(), account.language()));
            return page(me, model);
        }
        demographics.answer(me.organization(), me.accountId(), new Demographics.Answers(ageBand, gender, district));
        redirect.addFlashAttribute("notice", "accounts.notice.demographicsSaved");
        return "redirect:/account";
    }

    @PostMapping("/account/demographics/remove")
    String removeDemographics(@AuthenticationPrincipal SignedInAccount me, RedirectAttributes redirect) {
        demographics.remove(me.organization(), me.accountId());
        redirect.addFlashAttribute("notice", "accounts.notice.demographicsRemoved");
        return "redirect:/account";
    }

    @GetMapping("/account/password")
    String passwordForm(Model model) {
        model.addAttribute("form", new PasswordForm("", ""));
        return "accounts/password";
    }

    @PostMapping("/account/password")
    String changePassword(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") PasswordForm form,
                          BindingResult errors, HttpServletRequest request, HttpServletResponse response,
                          RedirectAttributes redirect) {
        if (!errors.hasErrors()
            && !passwordChange.change(me.organization(), me.accountId(), form.currentPassword(), form.newPassword())) {
            attempts.record(request);
            errors.rejectValue("currentPassword", "accounts.password.wrong");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/password";
        }
        redirect.addFlashAttribute("notice", "accounts.notice.passwordChanged");
        return "redirect:/account";
    }

    /** The resident's own data as a JSON download; never cached, since it holds their login and names. */
    @GetMapping("/account/data")
    ResponseEntity<Map<String, Object>> download(@AuthenticationPrincipal SignedInAccount me) {
        return ResponseEntity.ok()
            .contentType(MediaType.APPLICATION_JSON)
            .header(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename("baraza-my-data.json").build().toString())
            .cacheControl(CacheControl.noStore())
            .body(export.of(CurrentMunicipality.get(), me.accountId()));
    }

    @GetMapping("/account/delete")
    String deletionForm(Model model) {
        model.addAttribute("form", new DeletionForm(""));
        return "accounts/delete";
    }

    @PostMapping("/account/delete")
    String delete(@AuthenticationPrincipal SignedInAccount me, @Valid @ModelAttribute("form") DeletionForm form,
                  BindingResult errors, HttpServletRequest request, HttpServletResponse response) {
        if (!errors.hasErrors() && !deletion.delete(me.organization(), me.accountId(), form.password())) {
            attempts.record(request);
            errors.rejectValue("password", "accounts.password.wrong");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/delete";
        }
        new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
        return "redirect:/account-deleted";
    }

    @GetMapping("/account-deleted")
    String deleted() {
        return "accounts/deleted";
    }

    private String page(SignedInAccount me, Model model) {
        model.addAttribute("districts", districts.districts(me.organization()));
        model.addAttribute("ageBands", Demographics.AGE_BANDS);
        model.addAttribute("genders", Demographics.GENDERS);
        return "accounts/account";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
