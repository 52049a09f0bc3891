package org.baraza.budgeting.projects;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.FormInput;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/** Finds a project of an edition from a path (anything else is a 404), and the municipality's districts. */
@Component
class ProjectLookup {

    private final ProjectRepository repository;
    private final Districts districts;

    ProjectLookup(ProjectRepository repository, Districts districts) {
        this.repository = repository;
        this.districts = districts;
    }

    Project project(Edition edition, String raw) {
        Long id = FormInput.id(raw);
        if (id == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return repository.find(edition.organization(), edition.id(), id)
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    List<District> districts(OrganizationId organization) {
        return districts.list(organization);
    }

    Set<String> districtCodes(OrganizationId organization) {
        return districts.list(organization).stream().map(District::code).collect(Collectors.toSet());
    }

    Map<String, String> districtNames(OrganizationId organization) {
        return districts.list(organization).stream().collect(Collectors.toMap(District::code, District::name, (a, b) -> a));
    }
}
