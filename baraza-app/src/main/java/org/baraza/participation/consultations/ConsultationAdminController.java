package org.baraza.participation.consultations;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.processes.ProcessCatalogue;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.District;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for the consultations of a process: settings, questions, closing early. */
@Controller
@RequestMapping("/admin/processes/{process}/consultations")
class ConsultationAdminController {

    private final ProcessCatalogue processes;
    private final ConsultationCatalogue catalogue;
    private final ConsultationDesign design;
    private final VoterCount voters;
    private final KnownDistricts districts;
    private final Clock clock;

    ConsultationAdminController(ProcessCatalogue processes, ConsultationCatalogue catalogue, ConsultationDesign design,
                                VoterCount voters, KnownDistricts districts, Clock clock) {
        this.processes = processes;
        this.catalogue = catalogue;
        this.design = design;
        this.voters = voters;
        this.districts = districts;
        this.clock = clock;
    }

    @GetMapping("/new")
    String newConsultation(@PathVariable("process") String processId, Model model) {
        ParticipatoryProcess process = process(processId);
        model.addAttribute("form", ConsultationForm.empty());
        model.addAttribute("errors", new FormErrors());
        return creating(process, model);
    }

    @PostMapping
    String create(@PathVariable("process") String processId, @ModelAttribute("form") ConsultationForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        Municipality municipality = CurrentMunicipality.get();
        FormErrors errors = new FormErrors();
        ConsultationRepository.Draft draft = form.draft(errors, municipality.timeZone(), clock.instant(),
            districtCodes(municipality.id()));
        if (draft == null) {
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return creating(process, model);
        }
        ConsultationId id = design.create(municipality.id(), Participant.required().accountId(), process.id(), draft);
        redirect.addFlashAttribute("notice", "consultations.notice.created");
        return "redirect:" + base(process) + "/" + id.value();
    }

    @GetMapping("/{id}")
    String show(@PathVariable("process") String processId, @PathVariable("id") String id, Model model) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        model.addAttribute("form", ConsultationForm.of(consultation, CurrentMunicipality.get().timeZone()));
        model.addAttribute("errors", new FormErrors());
        return editing(process, consultation, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable("process") String processId, @PathVariable("id") String id,
                  @ModelAttribute("form") ConsultationForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        Municipality municipality = CurrentMunicipality.get();
        FormErrors errors = new FormErrors();
        ConsultationRepository.Draft draft = form.draft(errors, municipality.timeZone(), clock.instant(),
            districtCodes(municipality.id()));
        if (draft == null) {
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editing(process, consultation, model);
        }
        Optional<DesignRefusal> refusal = design.update(municipality.id(), Participant.required().accountId(), consultation.id(), draft);
        if (refusal.isPresent()) {
            return refused(process, consultation, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "consultations.notice.saved");
        return "redirect:" + base(process) + "/" + consultation.id().value();
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        Optional<DesignRefusal> refusal = design.delete(process.organization(), Participant.required().accountId(), consultation.id());
        if (refusal.isPresent()) {
            return refused(process, consultation, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "consultations.notice.deleted");
        return "redirect:/admin/processes/" + process.id().value();
    }

    @PostMapping("/{id}/close")
    String close(@PathVariable("process") String processId, @PathVariable("id") String id, Model model,
                 HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        Optional<DesignRefusal> refusal = design.closeEarly(process.organization(), Participant.required().accountId(),
            consultation.id());
        if (refusal.isPresent()) {
            return refused(process, consultation, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "consultations.notice.closed");
        return "redirect:" + base(process) + "/" + consultation.id().value();
    }

    @PostMapping("/{id}/questions")
    String addQuestion(@PathVariable("process") String processId, @PathVariable("id") String id,
                       @ModelAttribute("questionForm") QuestionForm form, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        FormErrors errors = new FormErrors();
        QuestionForm.Checked checked = form.check(errors);
        if (checked == null) {
            model.addAttribute("questionErrors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", ConsultationForm.of(consultation, CurrentMunicipality.get().timeZone()));
            model.addAttribute("errors", new FormErrors());
            return editing(process, consultation, model);
        }
        Optional<DesignRefusal> refusal = design.addQuestion(process.organization(), Participant.required().accountId(),
            consultation.id(), checked.text(), checked.type(), checked.maxChoices(), null, checked.answers());
        if (refusal.isPresent()) {
            return refused(process, consultation, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "consultations.notice.questionAdded");
        return "redirect:" + base(process) + "/" + consultation.id().value() + "#questions";
    }

    @GetMapping("/{id}/questions/{question}")
    String editQuestion(@PathVariable("process") String processId, @PathVariable("id") String id,
                        @PathVariable("question") String questionId, Model model) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        Question question = consultation.question(Participant.id(questionId))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("questionForm", QuestionForm.of(question));
        model.addAttribute("questionErrors", new FormErrors());
        return questionPage(process, consultation, question, model);
    }

    @PostMapping("/{id}/questions/{question}")
    String updateQuestion(@PathVariable("process") String processId, @PathVariable("id") String id,
                          @PathVariable("question") String questionId, @ModelAttribute("questionForm") QuestionForm form,
                          Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        Question question = consultation.question(Participant.id(questionId))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        FormErrors errors = new FormErrors();
        QuestionForm.Checked checked = form.check(errors);
        if (checked == null) {
            model.addAttribute("questionErrors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return questionPage(process, consultation, question, model);
        }
        Optional<DesignRefusal> refusal = design.updateQuestion(process.organization(), Participant.required().accountId(),
            consultation.id(), question.id(), checked.text(), checked.type(), checked.maxChoices(), checked.answers());
        if (refusal.isPresent()) {
            model.addAttribute("questionErrors", errors);
            model.addAttribute("refusal", refusal.get().messageKey());
            response.setStatus(HttpStatus.CONFLICT.value());
            return questionPage(process, consultation, question, model);
        }
        redirect.addFlashAttribute("notice", "consultations.notice.questionSaved");
        return "redirect:" + base(process) + "/" + consultation.id().value() + "#questions";
    }

    @PostMapping("/{id}/questions/{question}/delete")
    String deleteQuestion(@PathVariable("process") String processId, @PathVariable("id") String id,
                          @PathVariable("question") String questionId, Model model, HttpServletResponse response,
                          RedirectAttributes redirect) {
        ParticipatoryProcess process = process(processId);
        Consultation consultation = consultation(process, id);
        Optional<DesignRefusal> refusal = design.deleteQuestion(process.organization(), Participant.required().accountId(),
            consultation.id(), Participant.id(questionId));
        if (refusal.isPresent()) {
            if (refusal.get() == DesignRefusal.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return refused(process, consultation, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "consultations.notice.questionDeleted");
        return "redirect:" + base(process) + "/" + consultation.id().value() + "#questions";
    }

    private String refused(ParticipatoryProcess process, Consultation consultation, DesignRefusal refusal, Model model,
                           HttpServletResponse response) {
        if (refusal == DesignRefusal.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Consultation fresh = catalogue.any(process.organization(), consultation.id()).orElse(consultation);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", ConsultationForm.of(fresh, CurrentMunicipality.get().timeZone()));
        }
        if (!model.containsAttribute("errors")) {
            model.addAttribute("errors", new FormErrors());
        }
        model.addAttribute("refusal", refusal.messageKey());
        response.setStatus(HttpStatus.CONFLICT.value());
        return editing(process, fresh, model);
    }

    private String creating(ParticipatoryProcess process, Model model) {
        model.addAttribute("process", process);
        model.addAttribute("districts", districts.list(process.organization()));
        return "participation/consultations/admin/new";
    }

    private String editing(ParticipatoryProcess process, Consultation consultation, Model model) {
        var now = clock.instant();
        model.addAttribute("process", process);
        model.addAttribute("consultation", consultation);
        model.addAttribute("status", consultation.statusAt(now).name());
        model.addAttribute("frozen", consultation.hasOpenedAt(now) || voters.count(consultation.id()) > 0);
        model.addAttribute("voters", voters.count(consultation.id()));
        model.addAttribute("districts", districts.list(process.organization()));
        model.addAttribute("types", QuestionType.values());
        if (!model.containsAttribute("questionForm")) {
            model.addAttribute("questionForm", QuestionForm.empty());
        }
        if (!model.containsAttribute("questionErrors")) {
            model.addAttribute("questionErrors", new FormErrors());
        }
        return "participation/consultations/admin/edit";
    }

    private String questionPage(ParticipatoryProcess process, Consultation consultation, Question question, Model model) {
        model.addAttribute("process", process);
        model.addAttribute("consultation", consultation);
        model.addAttribute("question", question);
        model.addAttribute("types", QuestionType.values());
        return "participation/consultations/admin/question";
    }

    private ParticipatoryProcess process(String id) {
        return processes.any(CurrentMunicipality.id(), new ProcessId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Consultation consultation(ParticipatoryProcess process, String id) {
        return catalogue.any(process.organization(), new ConsultationId(Participant.id(id)))
            .filter(consultation -> consultation.process().equals(process.id()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static String base(ParticipatoryProcess process) {
        return "/admin/processes/" + process.id().value() + "/consultations";
    }

    private Set<String> districtCodes(OrganizationId organization) {
        return districts.list(organization).stream().map(District::code).collect(Collectors.toSet());
    }
}
