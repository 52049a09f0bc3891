package org.baraza.participation.moderation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.participation.web.TextInput;
import org.baraza.platform.SignedInAccount;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** A signed-in resident reports a debate, a comment or a proposal to the moderators, with a reason from the list. */
@Controller
@RequestMapping("/flags")
class FlagPages {

    private final Moderation moderation;
    private final MessageSource messages;

    FlagPages(Moderation moderation, MessageSource messages) {
        this.moderation = moderation;
        this.messages = messages;
    }

    @GetMapping("/new")
    String form(@RequestParam(name = "type", required = false) String type, @RequestParam(name = "id", required = false) String id,
                Model model) {
        SignedInAccount resident = Participant.required();
        ModeratedContent content = ModeratedContent.parse(type).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        long contentId = Participant.id(id);
        Moderation.Content found = moderation.content(resident.organization(), content, contentId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return page(model, content, contentId, found.path(), Map.of(), null, "");
    }

    @PostMapping
    String flag(@RequestParam(name = "type", required = false) String type, @RequestParam(name = "id", required = false) String id,
                @RequestParam(name = "reason", required = false) String reason,
                @RequestParam(name = "note", required = false) String note, HttpServletResponse response, Model model) {
        SignedInAccount resident = Participant.required();
        ModeratedContent content = ModeratedContent.parse(type).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        long contentId = Participant.id(id);
        Moderation.Content found = moderation.content(resident.organization(), content, contentId)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormErrors errors = new FormErrors();
        Optional<FlagReason> why = FlagReason.parse(reason);
        if (why.isEmpty()) {
            errors.reject("reason", "moderation.error.reason");
        }
        String text = TextInput.check(errors, "note", note, 500, false, true, "debates.error");
        if (!errors.isEmpty()) {
            response.setStatus(400);
            Map<String, String> translated = new LinkedHashMap<>();
            errors.getByField().forEach((field, message) -> translated.put(field,
                messages.getMessage(message.key(), message.args(), LocaleContextHolder.getLocale())));
            return page(model, content, contentId, found.path(), translated, reason, note);
        }
        moderation.flag(resident.organization(), content, contentId, resident.accountId(), why.get(), text);
        model.addAttribute("back", found.path());
        return "participation/moderation/flagged";
    }

    private String page(Model model, ModeratedContent content, long id, String path, Map<String, String> errors, String reason,
                        String note) {
        model.addAttribute("type", content.code());
        model.addAttribute("id", id);
        model.addAttribute("back", path);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", List.of(FlagReason.values()));
        model.addAttribute("reason", reason);
        model.addAttribute("note", note);
        return "participation/moderation/flag";
    }
}
