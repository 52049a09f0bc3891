package org.baraza.platform.accounts;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The sign-in form (Spring Security handles its POST) and the page shown to a client that tried too often. */
@Controller
class SignInPage {

    @GetMapping("/login")
    String form() {
        return "accounts/login";
    }

    /** Forwarded to by the security filter, whatever the method of the request it stopped. */
    @RequestMapping("/too-many-attempts")
    @ResponseStatus(HttpStatus.TOO_MANY_REQUESTS)
    String tooManyAttempts() {
        return "accounts/too-many-attempts";
    }
}
