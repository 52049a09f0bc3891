package org.baraza.participation.notifications;

import org.baraza.participation.web.Participant;
import org.baraza.platform.SignedInAccount;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

/** The signed-in resident's notifications, newest first; they mark them read when they have seen them. */
@Controller
@RequestMapping("/account/notifications")
class NotificationPage {

    private final NotificationInbox inbox;

    NotificationPage(NotificationInbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping
    String show(Model model) {
        SignedInAccount account = Participant.required();
        model.addAttribute("notifications", inbox.newest(account.organization(), account.accountId()));
        model.addAttribute("unread", inbox.unread(account.organization(), account.accountId()));
        return "participation/notifications/list";
    }

    @PostMapping("/read")
    String read() {
        SignedInAccount account = Participant.required();
        inbox.markAllRead(account.organization(), account.accountId());
        return "redirect:/account/notifications";
    }
}
