package org.baraza.platform.accounts;

import org.baraza.platform.CurrentMunicipality;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The demo's stand-in for a mail box and a phone: the municipality's newest outgoing messages, so
 * a visitor can read the code they were sent. It exists only in demo mode; elsewhere /outbox is a 404.
 */
@Controller
@ConditionalOnProperty(name = "baraza.demo.enabled", havingValue = "true")
class OutboxPage {

    private final Outbox outbox;

    OutboxPage(Outbox outbox) {
        this.outbox = outbox;
    }

    @GetMapping("/outbox")
    String outbox(Model model) {
        model.addAttribute("messages", outbox.recent(CurrentMunicipality.id(), 50));
        return "accounts/outbox";
    }
}
