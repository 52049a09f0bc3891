package org.baraza.participation.moderation;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** The page a refused contribution (proposal, debate, comment) gets: the reason in the visitor's language, with its status (403 or 429). */
@ControllerAdvice(basePackages = {"org.baraza.participation.debates", "org.baraza.participation.comments",
    "org.baraza.participation.moderation", "org.baraza.participation.proposals"})
class PostingRefusedPage {

    @ExceptionHandler(PostingRefused.class)
    String refused(PostingRefused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.status().value());
        if (refused.status().value() == 429) {
            // a new account's daily allowance comes back within the day; posting too fast, within minutes
            response.setHeader("Retry-After", "moderation.refused.newAccount".equals(refused.messageKey()) ? "3600" : "300");
        }
        model.addAttribute("refusal", refused.messageKey());
        model.addAttribute("refusalArguments", refused.arguments());
        return "participation/moderation/refused";
    }
}
