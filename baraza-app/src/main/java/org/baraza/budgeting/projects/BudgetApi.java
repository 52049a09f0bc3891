package org.baraza.budgeting.projects;

import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.EditionRepository;
import org.baraza.budgeting.editions.Editions;
import org.baraza.budgeting.editions.FormInput;
import org.baraza.budgeting.editions.Heading;
import org.baraza.participation.Phase;
import org.baraza.participation.PhaseAction;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.RequestContextUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-only JSON API of participatory budgets (docs/api-budgets.md): editions, one edition with its
 * headings and rules, and its projects page by page. Projects never carry their author's identity. Unknown
 * ids are 404 and unusable parameters 400, as problem+json.
 */
@RestController
@RequestMapping("/api/v1/budgets")
class BudgetApi {

    static final int DEFAULT_SIZE = 20;
    static final int MAX_SIZE = 100;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> LANGUAGES = List.of("en", "fr", "es", "pt", "sw", "ar");

    private final Editions editions;
    private final EditionRepository repository;
    private final ProjectRepository projects;
    private final MessageSource messages;

    BudgetApi(Editions editions, EditionRepository repository, ProjectRepository projects, MessageSource messages) {
        this.editions = editions;
        this.repository = repository;
        this.projects = projects;
        this.messages = messages;
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> list() {
        OrganizationId organization = CurrentMunicipality.id();
        List<Map<String, Object>> items = new ArrayList<>();
        for (Edition edition : repository.list(organization)) {
            if (!editions.published(edition)) {
                continue;
            }
            items.add(summary(edition, repository.headings(organization, edition.id())));
        }
        return ok(Map.of("budgets", items));
    }

    @GetMapping(value = "/{edition}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> show(@PathVariable("edition") String id) {
        Edition edition = editions.requirePublished(id);
        List<Heading> headings = repository.headings(edition.organization(), edition.id());
        Map<String, Object> body = summary(edition, headings);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("ballotKind", edition.ballotKind().name());
        settings.put("maxProjects", edition.maxProjects());
        settings.put("minSpendPercent", edition.minSpendPercent());
        settings.put("pointsPerVoter", edition.pointsPerVoter());
        settings.put("maxPointsPerProject", edition.maxPointsPerProject());
        settings.put("headingChoice", edition.headingChoice().name());
        settings.put("rule", edition.rule());
        settings.put("tieBreak", edition.tieBreak());
        settings.put("minimumAge", edition.minimumAge());
        settings.put("frozen", editions.frozen(edition));
        body.put("settings", settings);
        List<Map<String, Object>> headingList = new ArrayList<>();
        for (Heading heading : headings) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", heading.id());
            item.put("name", heading.name());
            item.put("district", heading.districtCode());
            item.put("budget", heading.budget().toPlainString());
            headingList.add(item);
        }
        body.put("headings", headingList);
        List<Map<String, Object>> phases = new ArrayList<>();
        for (Phase phase : editions.phases(edition)) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("title", phase.title());
            item.put("startsOn", phase.startsOn().toString());
            item.put("endsOn", phase.endsOn().toString());
            item.put("actions", phase.actions().stream().map(Enum::name).sorted().toList());
            phases.add(item);
        }
        body.put("phases", phases);
        return ok(body);
    }

    @GetMapping(value = "/{edition}/projects", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> projects(@PathVariable("edition") String id,
                                    @RequestParam(name = "heading", required = false) String heading,
                                    @RequestParam(name = "page", required = false) String page,
                                    @RequestParam(name = "size", required = false) String size,
                                    HttpServletRequest request) {
        Edition edition = editions.requirePublished(id);
        Long headingId = null;
        if (heading != null && !heading.isBlank()) {
            headingId = FormInput.id(heading);
            Long wanted = headingId;
            if (wanted == null || repository.heading(edition.organization(), edition.id(), wanted).isEmpty()) {
                return problem(request, "heading");
            }
        }
        Integer pageNumber = number(page, 1, 1_000_000, 1);
        Integer pageSize = number(size, 1, MAX_SIZE, DEFAULT_SIZE);
        if (pageNumber == null) {
            return problem(request, "page");
        }
        if (pageSize == null) {
            return problem(request, "size");
        }
        ProjectRepository.Page found = projects.list(edition.organization(), new ProjectRepository.Query(edition.id(), headingId,
            null, ProjectRepository.Sort.NEWEST, 0, pageNumber, pageSize));
        List<Map<String, Object>> items = new ArrayList<>();
        for (Project project : found.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", project.id());
            item.put("heading", project.headingId());
            item.put("title", project.title());
            item.put("description", project.description());
            item.put("district", project.districtCode());
            item.put("latitude", project.latitude());
            item.put("longitude", project.longitude());
            item.put("estimatedCost", project.estimatedCost().toPlainString());
            item.put("cost", project.cost() == null ? null : project.cost().toPlainString());
            item.put("feasibility", project.feasibility().name());
            item.put("explanation", project.feasibility() == Feasibility.PENDING ? null : project.explanation());
            item.put("supports", project.supports());
            item.put("image", project.hasImage() ? project.path() + "/image" : null);
            item.put("createdAt", project.createdAt().toString());
            item.put("html", project.path());
            items.add(item);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("budget", edition.id());
        body.put("page", found.page());
        body.put("size", found.size());
        body.put("total", found.total());
        body.put("projects", items);
        String base = "/api/v1/budgets/" + edition.id() + "/projects?" + (headingId == null ? "" : "heading=" + headingId + "&")
            + "size=" + pageSize + "&page=";
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", base + found.page());
        if (found.page() < found.lastPage()) {
            links.put("next", base + (found.page() + 1));
        }
        if (found.page() > 1) {
            links.put("prev", base + (found.page() - 1));
        }
        body.put("links", links);
        return ok(body);
    }

    /** The located projects as GeoJSON points (RFC 7946: longitude first), for the map page's script. */
    @GetMapping(value = "/{edition}/projects/points", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<String> points(@PathVariable("edition") String id,
                                  @RequestParam(name = "heading", required = false) String heading,
                                  HttpServletRequest request) {
        Edition edition = editions.requirePublished(id);
        Long headingId = null;
        if (heading != null && !heading.isBlank()) {
            headingId = FormInput.id(heading);
            Long wanted = headingId;
            if (wanted == null || repository.heading(edition.organization(), edition.id(), wanted).isEmpty()) {
                return problem(request, "heading");
            }
        }
        List<Map<String, Object>> features = new ArrayList<>();
        for (Project project : projects.located(edition.organization(), edition.id(), headingId, EditionPage.MAP_POINTS)) {
            Map<String, Object> properties = new LinkedHashMap<>();
            properties.put("id", project.id());
            properties.put("title", project.title());
            properties.put("feasibility", project.feasibility().name());
            properties.put("href", project.path());
            features.add(Map.of("type", "Feature",
                "geometry", Map.of("type", "Point", "coordinates", List.of(project.longitude(), project.latitude())),
                "properties", properties));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/geo+json")).cacheControl(CacheControl.noCache())
            .body(JSON.writeValueAsString(Map.of("type", "FeatureCollection", "features", features)));
    }

    private Map<String, Object> summary(Edition edition, List<Heading> headings) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("id", edition.id());
        item.put("title", edition.title());
        item.put("process", edition.process().value());
        item.put("currentPhase", editions.currentPhase(edition).map(Phase::title).orElse(null));
        List<String> open = new ArrayList<>();
        for (PhaseAction action : List.of(PhaseAction.CREATE_PROPOSALS, PhaseAction.SUPPORT, PhaseAction.VOTE)) {
            if (editions.isOpen(edition, action)) {
                open.add(action.name());
            }
        }
        item.put("open", open);
        item.put("total", headings.stream().map(Heading::budget).reduce(BigDecimal.ZERO, BigDecimal::add).toPlainString());
        item.put("resultsPublishedAt", edition.resultsPublishedAt() == null ? null : edition.resultsPublishedAt().toString());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", "/api/v1/budgets/" + edition.id());
        links.put("projects", "/api/v1/budgets/" + edition.id() + "/projects");
        links.put("html", edition.path());
        item.put("links", links);
        return item;
    }

    private static Integer number(String raw, int min, int max, int fallback) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw.strip());
            return value >= min && value <= max ? value : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private static ResponseEntity<String> ok(Object body) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).cacheControl(CacheControl.noCache())
            .body(JSON.writeValueAsString(body));
    }

    /** A 400 problem naming the parameter, in the client's language. */
    private ResponseEntity<String> problem(HttpServletRequest request, String parameter) {
        Locale locale = language(request);
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", messages.getMessage("budgets.api.badRequest", null, locale));
        problem.put("status", 400);
        problem.put("detail", messages.getMessage("budgets.api.invalidParameter", new Object[] {parameter}, locale));
        problem.put("instance", request.getRequestURI());
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage()).cacheControl(CacheControl.noStore())
            .body(JSON.writeValueAsString(problem));
    }

    private static Locale language(HttpServletRequest request) {
        String accepted = request.getHeader(HttpHeaders.ACCEPT_LANGUAGE);
        if (accepted != null && !accepted.isBlank()) {
            try {
                String match = Locale.lookupTag(Locale.LanguageRange.parse(accepted), LANGUAGES);
                if (match != null) {
                    return Locale.forLanguageTag(match);
                }
            } catch (IllegalArgumentException malformed) {
                // ignored, as if absent
            }
        }
        return RequestContextUtils.getLocale(request);
    }
}
