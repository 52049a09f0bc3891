package org.baraza.participation.processes;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.baraza.participation.Phase;
import org.baraza.participation.ProcessId;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.web.Pages;
import org.baraza.participation.web.Participant;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Read-only JSON for published processes (docs/api-participation.md). */
@RestController
@RequestMapping(value = "/api/v1/processes", produces = "application/json")
class ProcessApi {

    record DistrictJson(String code, String name) {
    }

    record PhaseJson(long id, String title, String description, String startsOn, String endsOn, String startsAt, String endsAt,
                     List<String> actions, boolean current) {
    }

    record ProcessSummaryJson(long id, String title, String url, DistrictJson district, List<Integer> sdgGoals, String image,
                              PhaseJson currentPhase) {
    }

    record ConsultationJson(long id, String title, String opensAt, String closesAt, String status, String url) {
    }

    record ProcessJson(long id, String title, String description, String url, DistrictJson district, List<Integer> sdgGoals,
                       String image, String imageAlt, PhaseJson currentPhase, List<PhaseJson> phases,
                       List<ConsultationJson> consultations) {
    }

    record ProcessPageJson(List<ProcessSummaryJson> items, int page, int size, long total, String next, String previous) {
    }

    private final ProcessCatalogue catalogue;
    private final ConsultationsOfProcess consultations;
    private final KnownDistricts districts;
    private final Clock clock;

    ProcessApi(ProcessCatalogue catalogue, ConsultationsOfProcess consultations, KnownDistricts districts, Clock clock) {
        this.catalogue = catalogue;
        this.consultations = consultations;
        this.districts = districts;
        this.clock = clock;
    }

    @GetMapping
    ProcessPageJson list(@RequestParam(name = "page", required = false) String page,
                         @RequestParam(name = "size", required = false) String size) {
        OrganizationId organization = CurrentMunicipality.id();
        Instant now = clock.instant();
        Pages<ParticipatoryProcess> found = catalogue.list(organization, false, Pages.page(page), Pages.size(size, 20));
        List<ProcessSummaryJson> items = found.items().stream().map(process -> new ProcessSummaryJson(process.id().value(),
            process.title(), "/processes/" + process.id().value(), district(organization, process.districtCode()),
            process.sdgGoals(), imageUrl(process), process.phaseAt(now).map(phase -> phase(phase, now)).orElse(null))).toList();
        return new ProcessPageJson(items, found.page(), found.size(), found.total(),
            found.hasNext() ? "/api/v1/processes?page=" + (found.page() + 1) + "&size=" + found.size() : null,
            found.hasPrevious() ? "/api/v1/processes?page=" + (found.page() - 1) + "&size=" + found.size() : null);
    }

    @GetMapping("/{id}")
    ProcessJson show(@PathVariable("id") String id) {
        OrganizationId organization = CurrentMunicipality.id();
        Instant now = clock.instant();
        ParticipatoryProcess process = catalogue.published(organization, new ProcessId(Participant.id(id)))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<ConsultationJson> held = consultations.consultations(organization, process.id()).stream()
            .map(c -> new ConsultationJson(c.id().value(), c.title(), c.opensAt().toString(), c.closesAt().toString(),
                c.isOpenAt(now) ? "open" : c.hasClosedAt(now) ? "closed" : "upcoming", "/api/v1/consultations/" + c.id().value()))
            .toList();
        return new ProcessJson(process.id().value(), process.title(), process.description(), "/processes/" + process.id().value(),
            district(organization, process.districtCode()), process.sdgGoals(), imageUrl(process),
            process.hasImage() ? process.imageAlt() : null, process.phaseAt(now).map(phase -> phase(phase, now)).orElse(null),
            process.phases().stream().map(phase -> phase(phase, now)).toList(), held);
    }

    private DistrictJson district(OrganizationId organization, String code) {
        return code == null ? null : new DistrictJson(code, districts.name(organization, code));
    }

    private static String imageUrl(ParticipatoryProcess process) {
        return process.hasImage() ? "/processes/" + process.id().value() + "/image" : null;
    }

    private static PhaseJson phase(Phase phase, Instant now) {
        return new PhaseJson(phase.id(), phase.title(), phase.description(), phase.startsOn().toString(), phase.endsOn().toString(),
            phase.startsAt().toString(), phase.endsAt().toString(), phase.actions().stream().map(Enum::name).sorted().toList(),
            phase.isCurrentAt(now));
    }
}
