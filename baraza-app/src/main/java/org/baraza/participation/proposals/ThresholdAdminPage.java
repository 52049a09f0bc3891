package org.baraza.participation.proposals;

import jakarta.servlet.http.HttpServletResponse;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import org.baraza.participation.ProcessId;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.processes.ProcessCatalogue;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin sets a process's support threshold, as a percentage of the census, until supports open. */
@Controller
@RequestMapping("/admin/processes/{process}/proposals")
class ThresholdAdminPage {

    private final ProcessCatalogue processes;
    private final SupportThreshold threshold;
    private final MessageSource messages;
    private final Clock clock;

    ThresholdAdminPage(ProcessCatalogue processes, SupportThreshold threshold, MessageSource messages, Clock clock) {
        this.processes = processes;
        this.threshold = threshold;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping
    String show(@PathVariable("process") String processId, Model model) {
        ParticipatoryProcess process = process(processId);
        return page(model, process, threshold.percent(process.organization(), process.id()).stripTrailingZeros().toPlainString(),
            new FormErrors());
    }

    @PostMapping
    String set(@PathVariable("process") String processId, @RequestParam(name = "percent", required = false) String percent,
               Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        FormErrors errors = new FormErrors();
        BigDecimal value = parse(percent);
        if (value == null) {
            errors.reject("percent", "proposals.threshold.error.percent");
        } else {
            Optional<SupportThreshold.Refusal> refusal = threshold.set(process.organization(),
                Participant.required().accountId(), process.id(), value, clock.instant());
            if (refusal.isPresent()) {
                // the page then says the threshold is frozen, in place of the form
                response.setStatus(HttpStatus.CONFLICT.value());
                return page(model, process, percent, new FormErrors());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model, process, percent, errors);
        }
        redirect.addFlashAttribute("notice", "proposals.threshold.notice.saved");
        return "redirect:/admin/processes/" + process.id().value() + "/proposals";
    }

    /** A percentage above 0 and at most 100, with at most three decimals; a decimal comma is fine. */
    static BigDecimal parse(String text) {
        Double value = Coordinates.parse(text);
        if (value == null) {
            return null;
        }
        BigDecimal percent = BigDecimal.valueOf(value);
        if (percent.signum() <= 0 || percent.compareTo(SupportThreshold.MAX_PERCENT) > 0 || percent.stripTrailingZeros().scale() > 3) {
            return null;
        }
        return percent;
    }

    private ParticipatoryProcess process(String id) {
        return processes.any(CurrentMunicipality.id(), new ProcessId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private String page(Model model, ParticipatoryProcess process, String percent, FormErrors errors) {
        model.addAttribute("process", process);
        model.addAttribute("percent", percent == null ? "" : percent);
        model.addAttribute("errors", TranslatedErrors.of(errors, messages));
        model.addAttribute("needed", threshold.needed(process.organization(), process.id()));
        model.addAttribute("frozen", SupportThreshold.supportsOpened(process, clock.instant()));
        return "participation/proposals/admin-threshold";
    }
}
