package org.baraza.participation.processes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.baraza.participation.Phase;
import org.baraza.participation.ProcessId;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.Pages;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.ResidentVerification;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** The public pages of processes: the list, and each process with its phases and what a resident can do now. */
@Controller
class ProcessPages {

    /** A phase as the process page shows it: past, current or to come. */
    record PhaseView(Phase phase, String status) {
    }

    private final ProcessCatalogue catalogue;
    private final ConsultationsOfProcess consultations;
    private final KnownDistricts districts;
    private final ResidentVerification verification;
    private final Clock clock;

    ProcessPages(ProcessCatalogue catalogue, ConsultationsOfProcess consultations, KnownDistricts districts,
                 ResidentVerification verification, Clock clock) {
        this.catalogue = catalogue;
        this.consultations = consultations;
        this.districts = districts;
        this.verification = verification;
        this.clock = clock;
    }

    @GetMapping("/processes")
    String list(@RequestParam(name = "page", required = false) String page, Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        Pages<ParticipatoryProcess> processes = catalogue.list(organization, false, Pages.page(page), 20);
        model.addAttribute("processes", processes);
        model.addAttribute("now", clock.instant());
        return "participation/processes/list";
    }

    @GetMapping("/processes/{id}")
    String show(@PathVariable("id") String id, Model model) {
        OrganizationId organization = CurrentMunicipality.id();
        ParticipatoryProcess process = catalogue.published(organization, new ProcessId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Instant now = clock.instant();
        model.addAttribute("process", process);
        model.addAttribute("descriptionHtml", SafeMarkdown.render(process.description()));
        model.addAttribute("districtName", process.districtCode() == null ? null : districts.name(organization, process.districtCode()));
        model.addAttribute("phases", process.phases().stream().map(phase -> new PhaseView(phase,
            phase.isCurrentAt(now) ? "current" : phase.endsAt().isAfter(now) ? "upcoming" : "past")).toList());
        model.addAttribute("currentPhase", process.phaseAt(now).orElse(null));
        model.addAttribute("nextPhase", process.nextPhaseAfter(now).orElse(null));
        model.addAttribute("over", process.isOver(now));
        List<ConsultationsOfProcess.Listed> held = consultations.consultations(organization, process.id());
        model.addAttribute("openConsultations", held.stream().filter(c -> c.isOpenAt(now)).toList());
        model.addAttribute("otherConsultations", held.stream().filter(c -> !c.isOpenAt(now)).toList());
        model.addAttribute("now", now);
        model.addAttribute("actions", org.baraza.participation.PhaseAction.values());
        var participant = Participant.current();
        model.addAttribute("signedIn", participant.isPresent());
        model.addAttribute("verified", participant.map(p -> verification.isVerified(organization, p.accountId())).orElse(false));
        return "participation/processes/show";
    }

    @GetMapping("/processes/{id}/image")
    ResponseEntity<byte[]> image(@PathVariable("id") String id) {
        return imageResponse(catalogue, CurrentMunicipality.id(), new ProcessId(Participant.id(id)), false);
    }

    static ResponseEntity<byte[]> imageResponse(ProcessCatalogue catalogue, OrganizationId organization, ProcessId id,
                                                boolean includeDrafts) {
        return catalogue.image(organization, id, includeDrafts)
            .map(image -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
