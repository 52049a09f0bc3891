package org.baraza.participation.moderation;

import jakarta.servlet.http.HttpServletResponse;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.participation.web.TextInput;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.SignedInAccount;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The moderators' queue (/moderation is for MODERATOR accounts only): flagged and hidden contributions,
 * hide with a public reason, restore, block and unblock accounts. Each step is audited by {@link Moderation}.
 */
@Controller
@RequestMapping("/moderation")
class ModerationPages {

    private final Moderation moderation;
    private final AccountDirectory accounts;

    ModerationPages(Moderation moderation, AccountDirectory accounts) {
        this.moderation = moderation;
        this.accounts = accounts;
    }

    @GetMapping
    String queue(@RequestParam(name = "done", required = false) String done, Model model) {
        SignedInAccount moderator = Participant.required();
        model.addAttribute("cases", moderation.queue(moderator.organization(), 200));
        model.addAttribute("blocked", moderation.blocked(moderator.organization()).stream()
            .map(id -> accounts.find(moderator.organization(), id).orElse(new AccountDirectory.AccountSummary(id, "", "", false)))
            .toList());
        model.addAttribute("notice", done == null ? null : switch (done) {
            case "hidden", "restored", "blocked", "unblocked" -> "moderation.done." + done;
            default -> null;
        });
        model.addAttribute("refusal", null);
        return "participation/moderation/queue";
    }

    @PostMapping("/{type}/{id}/hide")
    String hide(@PathVariable("type") String type, @PathVariable("id") String id,
                @RequestParam(name = "reason", required = false) String reason, HttpServletResponse response, Model model) {
        SignedInAccount moderator = Participant.required();
        ModeratedContent content = ModeratedContent.parse(type).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormErrors errors = new FormErrors();
        String text = TextInput.check(errors, "reason", reason, 300, true, false, "debates.error");
        if (!errors.isEmpty()) {
            response.setStatus(400);
            queue(null, model);
            model.addAttribute("refusal", "moderation.error.hideReason");
            return "participation/moderation/queue";
        }
        if (!moderation.hide(moderator.organization(), content, Participant.id(id), moderator.accountId(), text)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/moderation?done=hidden";
    }

    @PostMapping("/{type}/{id}/restore")
    String restore(@PathVariable("type") String type, @PathVariable("id") String id) {
        SignedInAccount moderator = Participant.required();
        ModeratedContent content = ModeratedContent.parse(type).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!moderation.restore(moderator.organization(), content, Participant.id(id), moderator.accountId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/moderation?done=restored";
    }

    @PostMapping("/accounts/{id}/block")
    String block(@PathVariable("id") String id, @RequestParam(name = "reason", required = false) String reason,
                 HttpServletResponse response, Model model) {
        SignedInAccount moderator = Participant.required();
        long account = Participant.id(id);
        accounts.find(moderator.organization(), account).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormErrors errors = new FormErrors();
        String text = TextInput.check(errors, "reason", reason, 300, true, false, "debates.error");
        if (!errors.isEmpty()) {
            response.setStatus(400);
            queue(null, model);
            model.addAttribute("refusal", "moderation.error.blockReason");
            return "participation/moderation/queue";
        }
        if (account == moderator.accountId()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        moderation.block(moderator.organization(), account, moderator.accountId(), text);
        return "redirect:/moderation?done=blocked";
    }

    @PostMapping("/accounts/{id}/unblock")
    String unblock(@PathVariable("id") String id) {
        SignedInAccount moderator = Participant.required();
        moderation.unblock(moderator.organization(), Participant.id(id), moderator.accountId());
        return "redirect:/moderation?done=unblocked";
    }
}
