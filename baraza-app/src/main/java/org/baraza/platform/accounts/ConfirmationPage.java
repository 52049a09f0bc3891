package org.baraza.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
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

/** /confirm: enter the code sent at registration, or ask for a new one. */
@Controller
class ConfirmationPage {

    private final Confirmation confirmation;
    private final ClientAttempts attempts;
    private final MessagesPerAddress messages;

    ConfirmationPage(Confirmation confirmation, ClientAttempts attempts, MessagesPerAddress messages) {
        this.confirmation = confirmation;
        this.attempts = attempts;
        this.messages = messages;
    }

    @GetMapping("/confirm")
    String form(Model model) {
        String login = (String) model.getAttribute("login");
        model.addAttribute("form", new CodeForm(login == null ? "" : login, ""));
        model.addAttribute("resend", new LoginForm(login == null ? "" : login));
        return "accounts/confirm";
    }

    @PostMapping("/confirm")
    String confirm(@Valid @ModelAttribute("form") CodeForm form, BindingResult errors, Model model,
                   HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        Municipality municipality = CurrentMunicipality.get();
        model.addAttribute("resend", new LoginForm(form.login()));
        Optional<Login> login = FormChecks.login(form.login(), errors);
        String code = FormChecks.code(form.code(), errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/confirm";
        }
        switch (confirmation.confirm(municipality, login.get(), code)) {
            case CONFIRMED -> {
                redirect.addFlashAttribute("notice", "accounts.notice.confirmed");
                return "redirect:/login";
            }
            case ALREADY_CONFIRMED -> {
                redirect.addFlashAttribute("notice", "accounts.notice.alreadyConfirmed");
                return "redirect:/login";
            }
            case WRONG_CODE -> {
                attempts.record(request);
                errors.rejectValue("code", "accounts.code.wrong");
            }
            case EXPIRED -> errors.rejectValue("code", "accounts.code.expired");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "accounts/confirm";
    }

    @PostMapping("/confirm/resend")
    String resend(@Valid @ModelAttribute("resend") LoginForm form, BindingResult errors, Model model,
                  HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        model.addAttribute("form", new CodeForm(form.login(), ""));
        Optional<Login> login = FormChecks.login(form.login(), errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/confirm";
        }
        if (!messages.take(request)) {
            errors.reject("accounts.messages.tooMany");
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(messages.secondsUntilRetry(request)));
            return "accounts/confirm";
        }
        attempts.record(request);
        confirmation.sendNewCode(CurrentMunicipality.get(), login.get());
        redirect.addFlashAttribute("login", login.get().value());
        redirect.addFlashAttribute("notice", "accounts.notice.newCodeSent");
        return "redirect:/confirm";
    }
}
