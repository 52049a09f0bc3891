package org.baraza.platform.accounts;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Optional;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** /password/forgot asks for a code, /password/reset uses it; neither tells whether the login has an account. */
@Controller
class PasswordResetPages {

    private final PasswordReset reset;
    private final ClientAttempts attempts;
    private final MessagesPerAddress messages;

    PasswordResetPages(PasswordReset reset, ClientAttempts attempts, MessagesPerAddress messages) {
        this.reset = reset;
        this.attempts = attempts;
        this.messages = messages;
    }

    @GetMapping("/password/forgot")
    String forgotForm(Model model) {
        model.addAttribute("form", new LoginForm(""));
        return "accounts/forgot";
    }

    @PostMapping("/password/forgot")
    String forgot(@Valid @ModelAttribute("form") LoginForm form, BindingResult errors, HttpServletRequest request,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Login> login = FormChecks.login(form.login(), errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/forgot";
        }
        if (!messages.take(request)) {
            errors.reject("accounts.messages.tooMany");
            response.setStatus(429);
            response.setHeader("Retry-After", Long.toString(messages.secondsUntilRetry(request)));
            return "accounts/forgot";
        }
        attempts.record(request);
        reset.sendCode(CurrentMunicipality.get(), login.get());
        redirect.addFlashAttribute("login", login.get().value());
        redirect.addFlashAttribute("notice", "accounts.notice.resetSent");
        return "redirect:/password/reset";
    }

    @GetMapping("/password/reset")
    String resetForm(Model model) {
        String login = (String) model.getAttribute("login");
        model.addAttribute("form", new ResetForm(login == null ? "" : login, "", ""));
        return "accounts/reset";
    }

    @PostMapping("/password/reset")
    String reset(@Valid @ModelAttribute("form") ResetForm form, BindingResult errors, HttpServletRequest request,
                 HttpServletResponse response, RedirectAttributes redirect) {
        Optional<Login> login = FormChecks.login(form.login(), errors);
        String code = FormChecks.code(form.code(), errors);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "accounts/reset";
        }
        switch (reset.reset(CurrentMunicipality.get(), login.get(), code, form.password())) {
            case CHANGED -> {
                redirect.addFlashAttribute("notice", "accounts.notice.passwordReset");
                return "redirect:/login";
            }
            case WRONG_CODE -> {
                attempts.record(request);
                errors.rejectValue("code", "accounts.code.wrong");
            }
            case EXPIRED -> errors.rejectValue("code", "accounts.code.expired");
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return "accounts/reset";
    }
}
