package org.baraza.participation.voting;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.ConsultationCatalogue;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Officers enter each booth's paper totals once a consultation has closed. */
@Controller
@RequestMapping("/officer/paper")
class PaperController {

    private final ConsultationCatalogue catalogue;
    private final PaperTallies tallies;
    private final Clock clock;

    PaperController(ConsultationCatalogue catalogue, PaperTallies tallies, Clock clock) {
        this.catalogue = catalogue;
        this.tallies = tallies;
        this.clock = clock;
    }

    @GetMapping
    String consultations(Model model) {
        model.addAttribute("consultations", catalogue.closed(CurrentMunicipality.id(), 50));
        return "participation/consultations/paper/index";
    }

    @GetMapping("/{id}")
    String sheet(@PathVariable("id") String id, Model model, HttpServletResponse response) {
        Consultation consultation = consultation(id);
        return page(consultation, Map.of(), new FormErrors(), model, response);
    }

    @PostMapping("/{id}")
    String enter(@PathVariable("id") String id, HttpServletRequest request, Model model, HttpServletResponse response,
                 RedirectAttributes redirect) {
        Consultation consultation = consultation(id);
        Map<String, String> fields = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (!name.equals("_csrf") && values.length > 0) {
                fields.put(name, values[0]);
            }
        });
        FormErrors errors = new FormErrors();
        PaperTally tally = PaperTally.read(consultation, fields, errors);
        if (tally == null) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(consultation, fields, errors, model, response);
        }
        if (!tallies.enter(consultation.organization(), Participant.required().accountId(), consultation, tally)) {
            return page(consultation, fields, errors, model, response);
        }
        redirect.addFlashAttribute("notice", "consultations.paper.notice.entered");
        return "redirect:/officer/paper/" + consultation.id().value();
    }

    private String page(Consultation consultation, Map<String, String> submitted, FormErrors errors, Model model,
                        HttpServletResponse response) {
        boolean closed = consultation.hasClosedAt(clock.instant());
        if (!closed) {
            response.setStatus(HttpStatus.CONFLICT.value());
        }
        model.addAttribute("consultation", consultation);
        model.addAttribute("closed", closed);
        model.addAttribute("submitted", submitted);
        model.addAttribute("errors", errors);
        model.addAttribute("entered", tallies.entered(consultation.organization(), consultation.id()));
        return "participation/consultations/paper/sheet";
    }

    private Consultation consultation(String id) {
        return catalogue.any(CurrentMunicipality.id(), new ConsultationId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
