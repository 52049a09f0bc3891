package org.baraza.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.Municipality;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /register: the form, then on to /confirm to enter the code. */
@Controller
class RegistrationPage {

    private final Registration registration;
    private final MessagesPerAddress messages;

    RegistrationPage(Registration registration, MessagesPerAddress messages) {
        this.registration = registration;
        this.messages = messages;
    }

    @GetMapping("/register")
    String form(Model model, Locale locale) {
        model.addAttribute("form", new RegistrationForm("", "", "", "", locale.getLanguage()));
        return "accounts/register";
    }

    @PostMapping("/register")
    String register(@Valid @ModelAttribute("form") RegistrationForm form, BindingResult errors, HttpServletRequest request,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Municipality municipality = CurrentMunicipality.get();
        Optional<Login> login = FormChecks.login(form.login(), errors);
        if (form.language() == null || !municipality.offers(form.language())) {
            errors.rejectValue("language", "accounts.language.invalid");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/register";
        }
        if (!messages.take(request)) {
            errors.reject("accounts.messages.tooMany");
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(messages.secondsUntilRetry(request)));
            return "accounts/register";
        }
        Registration.Outcome outcome = registration.register(municipality, new Registration.NewResident(login.get(),
            form.password(), form.displayName(), form.legalName(), form.language()));
        if (outcome instanceof Registration.LoginTaken) {
            errors.rejectValue("login", "accounts.login.taken");
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "accounts/register";
        }
        redirect.addFlashAttribute("login", login.get().value());
        redirect.addFlashAttribute("notice", "accounts.notice.codeSent." + login.get().channel().code);
        return "redirect:/confirm";
    }
}
