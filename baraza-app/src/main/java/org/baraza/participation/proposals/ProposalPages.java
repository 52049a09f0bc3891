package org.baraza.participation.proposals;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baraza.participation.PhaseAction;
import org.baraza.participation.ProposalStatus;
import org.baraza.participation.districts.KnownDistricts;
import org.baraza.participation.processes.ParticipatoryProcess;
import org.baraza.participation.text.SafeMarkdown;
import org.baraza.participation.web.Pages;
import org.baraza.participation.web.Participant;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.District;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The public pages of a process's proposals: the list (search, filters, sorts, pages), the map view, each
 * proposal with what the visitor can do now, and its image and documents.
 */
@Controller
@RequestMapping("/processes/{process}/proposals")
class ProposalPages {

    /** Most located proposals the map shows at once; the list beside it pages through all of them. */
    static final int MAP_POINTS = 300;

    private final ProposalLookup lookup;
    private final ProposalRepository repository;
    private final CategoryRepository categories;
    private final KnownDistricts districts;
    private final MunicipalityArea area;
    private final SubmitProposal submit;
    private final SupportProposal supports;
    private final SupportThreshold threshold;
    private final AccountDirectory accounts;
    private final Clock clock;
    private final String tiles;
    private final String attribution;

    ProposalPages(ProposalLookup lookup, ProposalRepository repository, CategoryRepository categories,
                  KnownDistricts districts, MunicipalityArea area, SubmitProposal submit, SupportProposal supports,
                  SupportThreshold threshold, AccountDirectory accounts, Clock clock,
                  @Value("${baraza.map.tiles:${BARAZA_MAP_TILES:}}") String tiles,
                  @Value("${baraza.map.attribution:${BARAZA_MAP_ATTRIBUTION:}}") String attribution) {
        this.lookup = lookup;
        this.repository = repository;
        this.categories = categories;
        this.districts = districts;
        this.area = area;
        this.submit = submit;
        this.supports = supports;
        this.threshold = threshold;
        this.accounts = accounts;
        this.clock = clock;
        this.tiles = tiles == null ? "" : tiles.strip();
        this.attribution = attribution == null ? "" : attribution.strip();
    }

    @GetMapping
    String list(@PathVariable("process") String processId, @RequestParam(name = "q", required = false) String q,
                @RequestParam(name = "category", required = false) String category,
                @RequestParam(name = "district", required = false) String district,
                @RequestParam(name = "status", required = false) String status,
                @RequestParam(name = "sort", required = false) String sort,
                @RequestParam(name = "seed", required = false) String seed,
                @RequestParam(name = "page", required = false) String page,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        ParticipatoryProcess process = lookup.process(processId);
        ListingParameters parameters = listing(process, q, category, district, status, sort, seed, page, request, response, model);
        Pages<ProposalCard> proposals = repository.list(parameters.query(process.organization(), process.id(),
            ProposalQuery.PAGE_SIZE));
        model.addAttribute("proposals", proposals);
        model.addAttribute("previousLink", proposals.hasPrevious() ? parameters.link(base(process), proposals.page() - 1) : null);
        model.addAttribute("nextLink", proposals.hasNext() ? parameters.link(base(process), proposals.page() + 1) : null);
        model.addAttribute("mapLink", parameters.link(base(process) + "/map", 1));
        return "participation/proposals/list";
    }

    @GetMapping("/map")
    String map(@PathVariable("process") String processId, @RequestParam(name = "q", required = false) String q,
               @RequestParam(name = "category", required = false) String category,
               @RequestParam(name = "district", required = false) String district,
               @RequestParam(name = "status", required = false) String status,
               @RequestParam(name = "sort", required = false) String sort,
               @RequestParam(name = "seed", required = false) String seed,
               HttpServletRequest request, HttpServletResponse response, Model model) {
        ParticipatoryProcess process = lookup.process(processId);
        ListingParameters parameters = listing(process, q, category, district, status, sort, seed, "1", request, response, model);
        List<ProposalCard> located = repository.located(parameters.query(process.organization(), process.id(),
            ProposalQuery.PAGE_SIZE), MAP_POINTS);
        model.addAttribute("located", located);
        model.addAttribute("listLink", parameters.link(base(process), 1));
        String points = parameters.link("/api/v1/processes/" + process.id().value() + "/proposals/points", 1);
        model.addAttribute("pointsUrl", points);
        model.addAttribute("area", area.of(process.organization()).orElse(null));
        model.addAttribute("tiles", tiles);
        model.addAttribute("attribution", attribution);
        return "participation/proposals/map";
    }

    private ListingParameters listing(ParticipatoryProcess process, String q, String category, String district, String status,
                                      String sort, String seed, String page, HttpServletRequest request,
                                      HttpServletResponse response, Model model) {
        OrganizationId organization = process.organization();
        List<Category> known = categories.list(organization);
        List<District> places = districts.list(organization);
        ListingParameters parameters = ListingParameters.lenient(q, category, district, status, sort,
            VisitorSeed.of(request, response, seed), page, known.stream().map(Category::id).toList(),
            places.stream().map(District::code).toList());
        model.addAttribute("process", process);
        model.addAttribute("parameters", parameters);
        model.addAttribute("categories", known);
        model.addAttribute("districts", places);
        model.addAttribute("districtNames", districtNames(places));
        model.addAttribute("statuses", ProposalQuery.StatusFilter.values());
        model.addAttribute("sorts", ProposalQuery.Sort.values());
        model.addAttribute("base", base(process));
        creation(process, model);
        return parameters;
    }

    /** What the visitor may do about making a proposal: the link to the form, or why not. */
    private void creation(ParticipatoryProcess process, Model model) {
        Optional<SignedInAccount> participant = Participant.current();
        model.addAttribute("signedIn", participant.isPresent());
        model.addAttribute("creationRefusal", participant
            .flatMap(p -> submit.refusal(process.organization(), p.accountId(), process.id()))
            .map(ProposalRefusal::messageKey).orElse(null));
        model.addAttribute("creationOpen", process.phaseAt(clock.instant())
            .map(phase -> phase.allows(PhaseAction.CREATE_PROPOSALS)).orElse(false));
    }

    @GetMapping("/{id}")
    String show(@PathVariable("process") String processId, @PathVariable("id") String id,
                @RequestParam(name = "done", required = false) String done, Model model) {
        ParticipatoryProcess process = lookup.process(processId);
        Proposal proposal = lookup.proposal(process, id);
        describe(model, process, proposal);
        Done.parse(done).ifPresent(what -> model.addAttribute("notice", what.messageKey()));
        return "participation/proposals/show";
    }

    /** Everything the proposal page shows; also used to show it again with a refusal after a POST. */
    void describe(Model model, ParticipatoryProcess process, Proposal proposal) {
        OrganizationId organization = process.organization();
        Instant now = clock.instant();
        model.addAttribute("process", process);
        model.addAttribute("proposal", proposal);
        model.addAttribute("status", proposal.status().code());
        model.addAttribute("hidden", proposal.status() == ProposalStatus.HIDDEN);
        model.addAttribute("bodyHtml", SafeMarkdown.render(proposal.body()));
        model.addAttribute("documents", repository.documents(organization, proposal.id()));
        model.addAttribute("districtName", proposal.districtCode() == null ? null
            : districts.name(organization, proposal.districtCode()));
        model.addAttribute("authorName", proposal.authorAccountId() == null ? null
            : accounts.find(organization, proposal.authorAccountId()).map(AccountDirectory.AccountSummary::displayName)
                .orElse(null));
        model.addAttribute("latitude", proposal.point() == null ? null : Coordinates.format(proposal.point().latitude()));
        model.addAttribute("longitude", proposal.point() == null ? null : Coordinates.format(proposal.point().longitude()));
        model.addAttribute("needed", threshold.needed(organization, proposal.process()));
        model.addAttribute("supportsOpen", process.phaseAt(now).map(phase -> phase.allows(PhaseAction.SUPPORT)).orElse(false));
        model.addAttribute("base", base(process));
        Optional<SignedInAccount> participant = Participant.current();
        model.addAttribute("signedIn", participant.isPresent());
        if (participant.isPresent()) {
            long account = participant.get().accountId();
            model.addAttribute("supported", repository.hasSupported(organization, proposal.id(), account));
            model.addAttribute("following", repository.follows(organization, proposal.id(), account));
            model.addAttribute("supportRefusal", supports.refusal(organization, account, proposal)
                .map(ProposalRefusal::messageKey).orElse(null));
            model.addAttribute("mayEdit", EditProposal.refusal(proposal, account, now).isEmpty());
            model.addAttribute("mayWithdraw", WithdrawProposal.refusal(proposal, account).isEmpty());
        } else {
            model.addAttribute("supported", false);
            model.addAttribute("following", false);
            model.addAttribute("supportRefusal", null);
            model.addAttribute("mayEdit", false);
            model.addAttribute("mayWithdraw", false);
        }
    }

    @GetMapping("/{id}/image")
    ResponseEntity<byte[]> image(@PathVariable("process") String processId, @PathVariable("id") String id) {
        Proposal proposal = lookup.proposal(lookup.process(processId), id);
        return repository.image(proposal.organization(), proposal.id())
            .map(image -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Always a download, never shown in Baraza's origin: a PDF is active content a browser would render. */
    @GetMapping("/{id}/documents/{document}")
    ResponseEntity<byte[]> document(@PathVariable("process") String processId, @PathVariable("id") String id,
                                    @PathVariable("document") String documentId) {
        Proposal proposal = lookup.proposal(lookup.process(processId), id);
        return repository.document(proposal.organization(), proposal.id(), Participant.id(documentId))
            .map(document -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                    ContentDisposition.attachment().filename(document.fileName(), StandardCharsets.UTF_8).build().toString())
                .header("X-Content-Type-Options", "nosniff")
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
                .body(document.content()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    static String base(ParticipatoryProcess process) {
        return "/processes/" + process.id().value() + "/proposals";
    }

    static Map<String, String> districtNames(List<District> districts) {
        return districts.stream().collect(Collectors.toMap(District::code, District::name, (a, b) -> a));
    }
}
