package org.baraza.participation.processes;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.baraza.participation.ProcessId;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.images.UploadedImage;
import org.baraza.participation.web.FormErrors;
import org.baraza.participation.web.Pages;
import org.baraza.participation.web.Participant;
import org.baraza.participation.web.TextInput;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's pages for processes: list, create, edit, publish, delete, phases and image. */
@Controller
@RequestMapping("/admin/processes")
class ProcessAdminController {

    private final ProcessCatalogue catalogue;
    private final ProcessAdministration administration;
    private final ConsultationsOfProcess consultations;
    private final KnownDistricts districts;
    private final Clock clock;

    ProcessAdminController(ProcessCatalogue catalogue, ProcessAdministration administration, ConsultationsOfProcess consultations,
                           KnownDistricts districts, Clock clock) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.consultations = consultations;
        this.districts = districts;
        this.clock = clock;
    }

    @GetMapping
    String list(@RequestParam(name = "page", required = false) String page, Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        model.addAttribute("processes", catalogue.list(organization, true, Pages.page(page), 50));
        model.addAttribute("now", clock.instant());
        return "participation/processes/admin/list";
    }

    @GetMapping("/new")
    String newProcess(Model model) {
        model.addAttribute("form", ProcessForm.empty());
        model.addAttribute("errors", new FormErrors());
        return creating(model);
    }

    @PostMapping
    String create(@ModelAttribute("form") ProcessForm form, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        OrganizationId organization = CurrentMunicipality.id();
        FormErrors errors = new FormErrors();
        ProcessRepository.Draft draft = form.draft(errors, districtCodes(organization));
        if (draft == null) {
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return creating(model);
        }
        ProcessId id = administration.create(organization, Participant.required().accountId(), draft);
        redirect.addFlashAttribute("notice", "processes.notice.created");
        return "redirect:/admin/processes/" + id.value();
    }

    @GetMapping("/{id}")
    String show(@PathVariable("id") String id, Model model) {
        ParticipatoryProcess process = process(id);
        model.addAttribute("form", ProcessForm.of(process));
        model.addAttribute("errors", new FormErrors());
        return editing(process, model);
    }

    @PostMapping("/{id}")
    String update(@PathVariable("id") String id, @ModelAttribute("form") ProcessForm form, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(id);
        FormErrors errors = new FormErrors();
        ProcessRepository.Draft draft = form.draft(errors, districtCodes(process.organization()));
        if (draft == null) {
            model.addAttribute("errors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return editing(process, model);
        }
        Optional<ProcessRefusal> refusal = administration.update(process.organization(), Participant.required().accountId(),
            process.id(), draft);
        if (refusal.isPresent()) {
            model.addAttribute("errors", errors);
            model.addAttribute("refusal", refusal.get().messageKey());
            response.setStatus(HttpStatus.CONFLICT.value());
            return editing(process, model);
        }
        redirect.addFlashAttribute("notice", "processes.notice.saved");
        return "redirect:/admin/processes/" + process.id().value();
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable("id") String id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(id);
        Optional<ProcessRefusal> refusal = administration.delete(process.organization(), Participant.required().accountId(),
            process.id());
        if (refusal.isPresent()) {
            return refused(process, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "processes.notice.deleted");
        return "redirect:/admin/processes";
    }

    @PostMapping("/{id}/phases")
    String addPhase(@PathVariable("id") String id, @ModelAttribute("phaseForm") PhaseForm form, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(id);
        Municipality municipality = CurrentMunicipality.get();
        FormErrors errors = new FormErrors();
        ProcessRepository.PhaseDraft draft = form.draft(errors, municipality.timeZone());
        if (draft == null) {
            model.addAttribute("phaseErrors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("form", ProcessForm.of(process));
            model.addAttribute("errors", new FormErrors());
            return editing(process, model);
        }
        Optional<ProcessRefusal> refusal = administration.addPhase(process.organization(), Participant.required().accountId(),
            process.id(), draft);
        if (refusal.isPresent()) {
            model.addAttribute("phaseRefusal", refusal.get().messageKey());
            model.addAttribute("form", ProcessForm.of(process));
            model.addAttribute("errors", new FormErrors());
            response.setStatus(HttpStatus.CONFLICT.value());
            return editing(process, model);
        }
        redirect.addFlashAttribute("notice", "processes.notice.phaseAdded");
        return "redirect:/admin/processes/" + process.id().value() + "#phases";
    }

    @GetMapping("/{id}/phases/{phase}")
    String editPhase(@PathVariable("id") String id, @PathVariable("phase") String phase, Model model) {
        ParticipatoryProcess process = process(id);
        long phaseId = Participant.id(phase);
        var found = process.phases().stream().filter(p -> p.id() == phaseId).findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("phaseForm", PhaseForm.of(found));
        model.addAttribute("phaseErrors", new FormErrors());
        return phasePage(process, phaseId, model);
    }

    @PostMapping("/{id}/phases/{phase}")
    String updatePhase(@PathVariable("id") String id, @PathVariable("phase") String phase,
                       @ModelAttribute("phaseForm") PhaseForm form, Model model, HttpServletResponse response,
                       RedirectAttributes redirect) {
        ParticipatoryProcess process = process(id);
        long phaseId = Participant.id(phase);
        FormErrors errors = new FormErrors();
        ProcessRepository.PhaseDraft draft = form.draft(errors, CurrentMunicipality.get().timeZone());
        if (draft == null) {
            model.addAttribute("phaseErrors", errors);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return phasePage(process, phaseId, model);
        }
        Optional<ProcessRefusal> refusal = administration.updatePhase(process.organization(), Participant.required().accountId(),
            process.id(), phaseId, draft);
        if (refusal.isPresent()) {
            if (refusal.get() == ProcessRefusal.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            model.addAttribute("phaseErrors", errors);
            model.addAttribute("phaseRefusal", refusal.get().messageKey());
            response.setStatus(HttpStatus.CONFLICT.value());
            return phasePage(process, phaseId, model);
        }
        redirect.addFlashAttribute("notice", "processes.notice.phaseSaved");
        return "redirect:/admin/processes/" + process.id().value() + "#phases";
    }

    @PostMapping("/{id}/phases/{phase}/delete")
    String deletePhase(@PathVariable("id") String id, @PathVariable("phase") String phase, Model model,
                       HttpServletResponse response, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(id);
        Optional<ProcessRefusal> refusal = administration.deletePhase(process.organization(), Participant.required().accountId(),
            process.id(), Participant.id(phase));
        if (refusal.isPresent()) {
            if (refusal.get() == ProcessRefusal.NOT_FOUND) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND);
            }
            return refused(process, refusal.get(), model, response);
        }
        redirect.addFlashAttribute("notice", "processes.notice.phaseDeleted");
        return "redirect:/admin/processes/" + process.id().value() + "#phases";
    }

    @PostMapping("/{id}/image")
    String setImage(@PathVariable("id") String id, @RequestParam(name = "image", required = false) MultipartFile image,
                    @RequestParam(name = "imageAlt", required = false) String alt, Model model, HttpServletResponse response,
                    RedirectAttributes redirect) throws IOException {
        ParticipatoryProcess process = process(id);
        FormErrors errors = new FormErrors();
        String checkedAlt = TextInput.check(errors, "imageAlt", alt, 300, true, false, "processes.error.imageAlt");
        UploadedImage.Outcome outcome = image == null || image.isEmpty()
            ? new UploadedImage.Outcome(Optional.empty(), Optional.of(UploadedImage.Refusal.EMPTY))
            : image.getSize() > UploadedImage.MAX_BYTES
                ? new UploadedImage.Outcome(Optional.empty(), Optional.of(UploadedImage.Refusal.TOO_LARGE))
                : UploadedImage.clean(image.getBytes());
        outcome.refusal().ifPresent(refusal -> errors.reject("image", "processes." + refusal.messageKey()));
        if (!errors.isEmpty()) {
            model.addAttribute("imageErrors", errors);
            model.addAttribute("imageAlt", alt);
            model.addAttribute("form", ProcessForm.of(process));
            model.addAttribute("errors", new FormErrors());
            response.setStatus(outcome.refusal().orElse(null) == UploadedImage.Refusal.TOO_LARGE
                ? HttpStatus.PAYLOAD_TOO_LARGE.value() : HttpStatus.BAD_REQUEST.value());
            return editing(process, model);
        }
        administration.setImage(process.organization(), Participant.required().accountId(), process.id(),
            outcome.image().orElseThrow(), checkedAlt);
        redirect.addFlashAttribute("notice", "processes.notice.imageSaved");
        return "redirect:/admin/processes/" + process.id().value() + "#image";
    }

    @PostMapping("/{id}/image/remove")
    String removeImage(@PathVariable("id") String id, RedirectAttributes redirect) {
        ParticipatoryProcess process = process(id);
        administration.removeImage(process.organization(), Participant.required().accountId(), process.id());
        redirect.addFlashAttribute("notice", "processes.notice.imageRemoved");
        return "redirect:/admin/processes/" + process.id().value() + "#image";
    }

    @GetMapping("/{id}/image")
    org.springframework.http.ResponseEntity<byte[]> image(@PathVariable("id") String id) {
        ParticipatoryProcess process = process(id);
        return ProcessPages.imageResponse(catalogue, process.organization(), process.id(), true);
    }

    private String refused(ParticipatoryProcess process, ProcessRefusal refusal, Model model, HttpServletResponse response) {
        model.addAttribute("form", ProcessForm.of(process));
        model.addAttribute("errors", new FormErrors());
        model.addAttribute("refusal", refusal.messageKey());
        response.setStatus(HttpStatus.CONFLICT.value());
        return editing(process, model);
    }

    private String creating(Model model) {
        model.addAttribute("districts", districts.list(CurrentMunicipality.id()));
        model.addAttribute("goals", SustainableDevelopmentGoals.ALL);
        return "participation/processes/admin/new";
    }

    private String editing(ParticipatoryProcess process, Model model) {
        model.addAttribute("process", process);
        model.addAttribute("districts", districts.list(process.organization()));
        model.addAttribute("goals", SustainableDevelopmentGoals.ALL);
        model.addAttribute("now", clock.instant());
        model.addAttribute("votingStarted", administration.votingStarted(process, clock.instant()));
        model.addAttribute("consultations", consultations.consultations(process.organization(), process.id()));
        model.addAttribute("actions", org.baraza.participation.PhaseAction.values());
        if (!model.containsAttribute("phaseForm")) {
            model.addAttribute("phaseForm", PhaseForm.empty());
        }
        if (!model.containsAttribute("phaseErrors")) {
            model.addAttribute("phaseErrors", new FormErrors());
        }
        if (!model.containsAttribute("imageErrors")) {
            model.addAttribute("imageErrors", new FormErrors());
        }
        return "participation/processes/admin/edit";
    }

    private String phasePage(ParticipatoryProcess process, long phaseId, Model model) {
        model.addAttribute("process", process);
        model.addAttribute("phaseId", phaseId);
        model.addAttribute("actions", org.baraza.participation.PhaseAction.values());
        model.addAttribute("votingStarted", administration.votingStarted(process, clock.instant()));
        return "participation/processes/admin/phase";
    }

    private ParticipatoryProcess process(String id) {
        return catalogue.any(CurrentMunicipality.id(), new ProcessId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private Set<String> districtCodes(OrganizationId organization) {
        return districts.list(organization).stream().map(District::code).collect(Collectors.toSet());
    }
}
