package org.baraza.participation.proposals;

import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.baraza.participation.ProposalStatus;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.ApiProblems;
import org.baraza.participation.web.Pages;
import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.District;
import org.baraza.platform.OrganizationId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * The read-only JSON API of proposals (docs/api-proposals.md): a process's proposals with the list's
 * search, filters, sorts and pages; one proposal; its located proposals as GeoJSON for maps; the
 * municipality's categories. Hidden proposals are left out of lists and shown only as hidden, with the
 * moderator's reason; withdrawn ones are listed with status=withdrawn. Unknown parameter values are a
 * 400 problem+json saying which, in the client's language.
 */
@RestController
@RequestMapping("/api/v1")
class ProposalApi {

    static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    private final ProposalLookup lookup;
    private final ProposalRepository repository;
    private final CategoryRepository categories;
    private final KnownDistricts districts;
    private final ApiProblems problems;

    ProposalApi(ProposalLookup lookup, ProposalRepository repository, CategoryRepository categories,
                KnownDistricts districts, ApiProblems problems) {
        this.lookup = lookup;
        this.repository = repository;
        this.categories = categories;
        this.districts = districts;
        this.problems = problems;
    }

    /** A parameter value the API does not know; {@code parameter} names it in the problem's detail. */
    private static final class InvalidParameter extends RuntimeException {
        private final String parameter;

        InvalidParameter(String parameter) {
            super(parameter, null, false, false);
            this.parameter = parameter;
        }
    }

    @GetMapping(value = "/processes/{process}/proposals", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<?> list(@PathVariable("process") String processId, @RequestParam Map<String, String> parameters,
                           HttpServletRequest request) {
        ParticipatoryProcess process = lookup.process(processId);
        OrganizationId organization = process.organization();
        ListingParameters listing;
        int size;
        try {
            listing = strict(organization, parameters);
            size = size(parameters.get("size"));
        } catch (InvalidParameter invalid) {
            return invalid(request, invalid.parameter);
        }
        Pages<ProposalCard> page = repository.list(listing.query(organization, process.id(), size));
        Map<String, String> districtNames = ProposalPages.districtNames(districts.list(organization));
        String base = "/api/v1/processes/" + process.id().value() + "/proposals";
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeNumberProperty("process", process.id().value());
            json.writeNumberProperty("page", page.page());
            json.writeNumberProperty("size", page.size());
            json.writeNumberProperty("total", page.total());
            json.writeStringProperty("sort", listing.sort().code());
            if (listing.sort() == ProposalQuery.Sort.RANDOM) {
                json.writeStringProperty("seed", Long.toString(listing.seed()));
            }
            json.writeName("proposals");
            json.writeStartArray();
            for (ProposalCard card : page.items()) {
                json.writeStartObject();
                json.writeNumberProperty("id", card.id().value());
                json.writeStringProperty("title", card.title());
                json.writeStringProperty("summary", card.summary());
                common(json, card.status(), card.category(), card.districtCode(), districtNames, card.point(),
                    card.supports(), card.qualifiedAt(), card.createdAt());
                json.writeName("links");
                json.writeStartObject();
                json.writeStringProperty("self", "/api/v1/proposals/" + card.id().value());
                json.writeStringProperty("html", card.path());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeName("links");
            json.writeStartObject();
            json.writeStringProperty("self", listing.link(base, page.page()) + sizeParameter(size));
            if (page.hasNext()) {
                json.writeStringProperty("next", listing.link(base, page.page() + 1) + sizeParameter(size));
            }
            if (page.hasPrevious()) {
                json.writeStringProperty("prev", listing.link(base, page.page() - 1) + sizeParameter(size));
            }
            json.writeEndObject();
            json.writeEndObject();
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping(value = "/proposals/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> show(@PathVariable("id") String id) {
        Proposal proposal = lookup.proposal(id);
        OrganizationId organization = proposal.organization();
        boolean hidden = proposal.status() == ProposalStatus.HIDDEN;
        List<ProposalDocument> documents = hidden ? List.of() : repository.documents(organization, proposal.id());
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeNumberProperty("id", proposal.id().value());
            json.writeNumberProperty("process", proposal.process().value());
            if (hidden) {
                json.writeStringProperty("status", proposal.status().code());
                json.writeStringProperty("hiddenReason", proposal.hiddenReason());
                // held for review after flags: no moderator has decided yet, so there is no reason to give
                json.writeBooleanProperty("pendingReview", proposal.hiddenReason() == null);
                json.writeStringProperty("hiddenAt", proposal.hiddenAt().toString());
            } else {
                json.writeStringProperty("title", proposal.title());
                json.writeStringProperty("summary", proposal.summary());
                json.writeStringProperty("body", proposal.body());
                json.writeStringProperty("bodyHtml", SafeMarkdown.render(proposal.body()));
                common(json, proposal.status(), proposal.category(), proposal.districtCode(),
                    ProposalPages.districtNames(districts.list(organization)), proposal.point(), proposal.supports(),
                    proposal.qualifiedAt(), proposal.createdAt());
                if (proposal.withdrawnAt() != null) {
                    json.writeStringProperty("withdrawnAt", proposal.withdrawnAt().toString());
                }
                json.writeStringProperty("updatedAt", proposal.updatedAt().toString());
                json.writeName("image");
                if (proposal.hasImage()) {
                    json.writeStartObject();
                    json.writeStringProperty("href", proposal.path() + "/image");
                    json.writeStringProperty("alt", proposal.imageAlt());
                    json.writeEndObject();
                } else {
                    json.writeNull();
                }
                json.writeName("documents");
                json.writeStartArray();
                for (ProposalDocument document : documents) {
                    json.writeStartObject();
                    json.writeStringProperty("name", document.fileName());
                    json.writeNumberProperty("bytes", document.bytes());
                    json.writeStringProperty("href", proposal.path() + "/documents/" + document.id());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeName("links");
            json.writeStartObject();
            json.writeStringProperty("html", proposal.path());
            json.writeStringProperty("process", "/api/v1/processes/" + proposal.process().value() + "/proposals");
            json.writeEndObject();
            json.writeEndObject();
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    /** Located proposals for the map: at most {@link ProposalPages#MAP_POINTS}, most supported first. */
    @GetMapping(value = "/processes/{process}/proposals/points", produces = {"application/geo+json", MediaType.APPLICATION_JSON_VALUE})
    ResponseEntity<?> points(@PathVariable("process") String processId, @RequestParam Map<String, String> parameters,
                             HttpServletRequest request) {
        ParticipatoryProcess process = lookup.process(processId);
        ListingParameters listing;
        try {
            listing = strict(process.organization(), parameters);
        } catch (InvalidParameter invalid) {
            return invalid(request, invalid.parameter);
        }
        List<ProposalCard> located = repository.located(listing.query(process.organization(), process.id(), 1),
            ProposalPages.MAP_POINTS);
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeName("features");
            json.writeStartArray();
            for (ProposalCard card : located) {
                json.writeStartObject();
                json.writeStringProperty("type", "Feature");
                json.writeNumberProperty("id", card.id().value());
                json.writeName("geometry");
                json.writeStartObject();
                json.writeStringProperty("type", "Point");
                json.writeName("coordinates");
                json.writeStartArray();
                json.writeNumber(card.point().longitude());
                json.writeNumber(card.point().latitude());
                json.writeEndArray();
                json.writeEndObject();
                json.writeName("properties");
                json.writeStartObject();
                json.writeStringProperty("title", card.title());
                json.writeStringProperty("status", card.status().code());
                json.writeNumberProperty("supports", card.supports());
                json.writeStringProperty("href", card.path());
                json.writeEndObject();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        return ResponseEntity.ok().contentType(GEO_JSON).body(body);
    }

    @GetMapping(value = "/proposal-categories", produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<byte[]> categories() {
        List<Category> known = categories.list(CurrentMunicipality.id());
        byte[] body = json(json -> {
            json.writeStartObject();
            json.writeName("categories");
            json.writeStartArray();
            for (Category category : known) {
                json.writeStartObject();
                json.writeNumberProperty("id", category.id());
                json.writeStringProperty("name", category.name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        });
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    private ListingParameters strict(OrganizationId organization, Map<String, String> parameters) {
        String q = parameters.getOrDefault("q", "");
        if (q.length() > ProposalQuery.MAX_TEXT) {
            throw new InvalidParameter("q");
        }
        Long categoryId = null;
        String category = parameters.get("category");
        if (category != null && !category.isBlank()) {
            Set<Long> known = categories.list(organization).stream().map(Category::id).collect(Collectors.toSet());
            categoryId = ListingParameters.categoryId(category).filter(known::contains)
                .orElseThrow(() -> new InvalidParameter("category"));
        }
        String districtCode = null;
        String district = parameters.get("district");
        if (district != null && !district.isBlank()) {
            districtCode = districts.list(organization).stream().map(District::code).filter(district.strip()::equals)
                .findFirst().orElseThrow(() -> new InvalidParameter("district"));
        }
        ProposalQuery.StatusFilter status = ProposalQuery.StatusFilter.parse(parameters.get("status"))
            .orElseThrow(() -> new InvalidParameter("status"));
        String sortValue = parameters.get("sort");
        ProposalQuery.Sort sort = (sortValue == null || sortValue.isBlank()) && !ProposalQuery.words(q).isEmpty()
            ? ProposalQuery.Sort.RELEVANCE
            : ProposalQuery.Sort.parse(sortValue).orElseThrow(() -> new InvalidParameter("sort"));
        String seedValue = parameters.get("seed");
        Long seed = seedValue == null || seedValue.isEmpty() ? Long.valueOf(RANDOM.nextLong() & Long.MAX_VALUE)
            : VisitorSeed.parse(seedValue);
        if (seed == null) {
            throw new InvalidParameter("seed");
        }
        int page = positive(parameters.get("page"), 1, 1_000_000, "page");
        return new ListingParameters(q.strip(), categoryId, districtCode, status, sort, seed, page);
    }

    private static int size(String value) {
        return positive(value, ProposalQuery.PAGE_SIZE, Pages.MAX_SIZE, "size");
    }

    private static int positive(String value, int fallback, int max, String parameter) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below
        }
        throw new InvalidParameter(parameter);
    }

    private static String sizeParameter(int size) {
        return size == ProposalQuery.PAGE_SIZE ? "" : "&size=" + size;
    }

    private ResponseEntity<String> invalid(HttpServletRequest request, String parameter) {
        return problems.problem(request, HttpStatus.BAD_REQUEST, "proposals.api.invalid.title",
            "proposals.api.invalid." + parameter);
    }

    private static void common(JsonGenerator json, ProposalStatus status, Category category, String districtCode,
                               Map<String, String> districtNames, MapPoint point, int supports, Instant qualifiedAt,
                               Instant createdAt) {
        json.writeStringProperty("status", status.code());
        json.writeName("category");
        if (category == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeNumberProperty("id", category.id());
            json.writeStringProperty("name", category.name());
            json.writeEndObject();
        }
        json.writeName("district");
        if (districtCode == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeStringProperty("code", districtCode);
            json.writeStringProperty("name", districtNames.getOrDefault(districtCode, districtCode));
            json.writeEndObject();
        }
        json.writeName("location");
        if (point == null) {
            json.writeNull();
        } else {
            json.writeStartObject();
            json.writeNumberProperty("lat", point.latitude());
            json.writeNumberProperty("lon", point.longitude());
            json.writeEndObject();
        }
        json.writeNumberProperty("supports", supports);
        json.writeStringProperty("qualifiedAt", qualifiedAt == null ? null : qualifiedAt.toString());
        json.writeStringProperty("createdAt", createdAt.toString());
    }

    private static byte[] json(Consumer<JsonGenerator> writer) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            writer.accept(json);
        }
        return out.toByteArray();
    }
}
