package org.baraza.participation.notifications;

import java.util.List;
import org.baraza.participation.web.Participant;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The signed-in resident's notifications, newest first; they mark them read when they have seen them. */
@Controller
@RequestMapping("/account/notifications")
class NotificationPage {

    private static final List<String> MAIL_CHOICES = List.of("each", "daily", "none");

    private final NotificationInbox inbox;

    NotificationPage(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String show(Model model) {
        SignedInAccount account = Participant.required();
        model.addAttribute("notifications", inbox.newest(account.organization(), account.accountId()));
        model.addAttribute("unread", inbox.unread(account.organization(), account.accountId()));
        model.addAttribute("mail", inbox.mailPreference(account.organization(), account.accountId()));
        model.addAttribute("mailChoices", MAIL_CHOICES);
        return "participation/notifications/list";
    }

    @PostMapping("/mail")
    String mail(@RequestParam(name = "mail", required = false) String mail) {
        SignedInAccount account = Participant.required();
        if (mail == null || !MAIL_CHOICES.contains(mail)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        inbox.setMailPreference(account.organization(), account.accountId(), mail);
        return "redirect:/account/notifications";
    }

    @PostMapping("/read")
    String read() {
        SignedInAccount account = Participant.required();
        inbox.markAllRead(account.organization(), account.accountId());
        return "redirect:/account/notifications";
    }
}
