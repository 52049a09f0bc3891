package org.baraza.budgeting.projects;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.baraza.budgeting.editions.Edition;
import org.baraza.budgeting.editions.Editions;
import org.baraza.budgeting.editions.FieldErrors;
import org.baraza.budgeting.editions.FormInput;
import org.baraza.budgeting.editions.Heading;
import org.baraza.budgeting.editions.SignedIn;
import org.baraza.participation.PhaseAction;
import org.baraza.platform.SignedInAccount;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The residents' pages of an edition: its headings and projects (filters, sorts, pages), each project,
 * submitting one, supporting one, withdrawing one's own. Links to the ballot and the results, which other
 * packages serve.
 */
@Controller
@RequestMapping("/budgets/{edition}")
class EditionPage {

    static final int PAGE_SIZE = 24;
    /** Most projects the map shows; the table under it lists the same ones. */
    static final int MAP_POINTS = 500;
    private static final String SEED_COOKIE = "budget_order";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Editions editions;
    private final ProjectRepository repository;
    private final ProjectLookup lookup;
    private final SubmitProject submit;
    private final SupportProject supports;
    private final WithdrawProject withdraw;
    private final MessageSource messages;
    private final String tiles;
    private final String attribution;

    EditionPage(Editions editions, ProjectRepository repository, ProjectLookup lookup, SubmitProject submit,
                SupportProject supports, WithdrawProject withdraw, MessageSource messages,
                @Value("${baraza.map.tiles:${BARAZA_MAP_TILES:}}") String tiles,
                @Value("${baraza.map.attribution:${BARAZA_MAP_ATTRIBUTION:}}") String attribution) {
        this.tiles = tiles == null ? "" : tiles.strip();
        this.attribution = attribution == null ? "" : attribution.strip();
        this.editions = editions;
        this.repository = repository;
        this.lookup = lookup;
        this.submit = submit;
        this.supports = supports;
        this.withdraw = withdraw;
        this.messages = messages;
    }

    @GetMapping
    String show(@PathVariable("edition") String id, @RequestParam(name = "heading", required = false) String heading,
                @RequestParam(name = "district", required = false) String district,
                @RequestParam(name = "sort", required = false) String sort,
                @RequestParam(name = "page", required = false) String page,
                HttpServletRequest request, HttpServletResponse response, Model model) {
        Edition edition = editions.requirePublished(id);
        List<Heading> headings = editions.repository().headings(edition.organization(), edition.id());
        Long requested = FormInput.id(heading);
        Long headingId = requested != null && headings.stream().anyMatch(h -> h.id() == requested) ? requested : null;
        String districtCode = district == null || !lookup.districtCodes(edition.organization()).contains(district) ? null : district;
        ProjectRepository.Sort order = ProjectRepository.Sort.of(sort);
        Long pageNumber = FormInput.id(page);
        int number = pageNumber == null ? 1 : (int) Math.min(pageNumber, 100_000);
        ProjectRepository.Page projects = repository.list(edition.organization(), new ProjectRepository.Query(edition.id(),
            headingId, districtCode, order, seed(request, response), number, PAGE_SIZE));
        describeEdition(edition, headings, model);
        model.addAttribute("projects", projects);
        model.addAttribute("headingFilter", headingId == null ? "" : headingId.toString());
        model.addAttribute("districtFilter", districtCode == null ? "" : districtCode);
        model.addAttribute("sort", order.code());
        model.addAttribute("sorts", ProjectRepository.Sort.values());
        model.addAttribute("pageLink", "/budgets/" + edition.id() + "?heading=" + (headingId == null ? "" : headingId)
            + "&district=" + (districtCode == null ? "" : districtCode) + "&sort=" + order.code() + "&page=");
        return "budgeting/projects/edition";
    }

    private void describeEdition(Edition edition, List<Heading> headings, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("headings", headings);
        model.addAttribute("headingNames", headings.stream().collect(Collectors.toMap(Heading::id, Heading::name)));
        model.addAttribute("total", headings.stream().map(Heading::budget).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add));
        model.addAttribute("phases", editions.phases(edition));
        model.addAttribute("currentPhase", editions.currentPhase(edition).orElse(null));
        model.addAttribute("districts", lookup.districts(edition.organization()));
        model.addAttribute("districtNames", lookup.districtNames(edition.organization()));
        model.addAttribute("submissionOpen", editions.isOpen(edition, PhaseAction.CREATE_PROPOSALS));
        model.addAttribute("supportsOpen", editions.isOpen(edition, PhaseAction.SUPPORT));
        model.addAttribute("votingOpen", editions.isOpen(edition, PhaseAction.VOTE));
        Optional<SignedInAccount> visitor = SignedIn.current();
        model.addAttribute("signedIn", visitor.isPresent());
        model.addAttribute("submissionRefusal", visitor.flatMap(v -> submit.refusal(edition, v.accountId()))
            .map(ProjectRefusal::messageKey).orElse(null));
    }

    /** A random order that stays the same for one visitor while they page through (a cookie of a number). */
    private static long seed(HttpServletRequest request, HttpServletResponse response) {
        if (request.getCookies() != null) {
            for (Cookie cookie : request.getCookies()) {
                if (SEED_COOKIE.equals(cookie.getName())) {
                    Long value = FormInput.id(cookie.getValue());
                    if (value != null) {
                        return value;
                    }
                }
            }
        }
        long seed = 1 + RANDOM.nextInt(Integer.MAX_VALUE - 1);
        Cookie cookie = new Cookie(SEED_COOKIE, Long.toString(seed));
        cookie.setPath("/budgets");
        cookie.setHttpOnly(true);
        cookie.setMaxAge((int) Duration.ofDays(1).toSeconds());
        cookie.setAttribute("SameSite", "Lax");
        response.addCookie(cookie);
        return seed;
    }

    /**
     * The located projects on a map drawn by the proposals map's script with the Leaflet Baraza serves itself
     * (no tiles unless the operator configured them), and as a table, which is the whole page without JavaScript.
     */
    @GetMapping("/map")
    String map(@PathVariable("edition") String id, @RequestParam(name = "heading", required = false) String heading, Model model) {
        Edition edition = editions.requirePublished(id);
        List<Heading> headings = editions.repository().headings(edition.organization(), edition.id());
        Long requested = FormInput.id(heading);
        Long headingId = requested != null && headings.stream().anyMatch(h -> h.id() == requested) ? requested : null;
        List<Project> located = repository.located(edition.organization(), edition.id(), headingId, MAP_POINTS);
        describeEdition(edition, headings, model);
        model.addAttribute("located", located);
        model.addAttribute("headingFilter", headingId == null ? "" : headingId.toString());
        model.addAttribute("pointsUrl", "/api/v1/budgets/" + edition.id() + "/projects/points"
            + (headingId == null ? "" : "?heading=" + headingId));
        model.addAttribute("area", Area.around(located));
        model.addAttribute("tiles", tiles);
        model.addAttribute("attribution", attribution);
        return "budgeting/projects/map";
    }

    /** The box the map opens on: the projects' points with a margin, or nothing (the script then shows the world). */
    record Area(double south, double west, double north, double east) {
        static Area around(List<Project> projects) {
            if (projects.isEmpty()) {
                return null;
            }
            double south = 90;
            double north = -90;
            double west = 180;
            double east = -180;
            for (Project project : projects) {
                south = Math.min(south, project.latitude());
                north = Math.max(north, project.latitude());
                west = Math.min(west, project.longitude());
                east = Math.max(east, project.longitude());
            }
            double margin = 0.01;
            return new Area(south - margin, west - margin, north + margin, east + margin);
        }
    }

    @GetMapping("/projects/{project}")
    String project(@PathVariable("edition") String id, @PathVariable("project") String projectId, Model model) {
        Edition edition = editions.requirePublished(id);
        Project project = lookup.project(edition, projectId);
        describeProject(edition, project, model);
        return "budgeting/projects/project";
    }

    private void describeProject(Edition edition, Project project, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("project", project);
        model.addAttribute("heading", editions.repository().heading(edition.organization(), edition.id(), project.headingId())
            .orElseThrow());
        model.addAttribute("districtName", project.districtCode() == null ? null
            : lookup.districtNames(edition.organization()).get(project.districtCode()));
        model.addAttribute("supportsOpen", editions.isOpen(edition, PhaseAction.SUPPORT));
        List<Long> incompatible = repository.incompatibleWith(edition.id(), project.id());
        model.addAttribute("incompatible", incompatible.stream()
            .map(other -> repository.find(edition.organization(), edition.id(), other)).flatMap(Optional::stream).toList());
        Optional<SignedInAccount> visitor = SignedIn.current();
        model.addAttribute("signedIn", visitor.isPresent());
        if (visitor.isPresent()) {
            long account = visitor.get().accountId();
            model.addAttribute("supported", repository.hasSupported(edition.organization(), project.id(), account));
            model.addAttribute("supportRefusal", supports.refusal(edition, account, project)
                .map(ProjectRefusal::messageKey).orElse(null));
            model.addAttribute("mayWithdraw", WithdrawProject.refusal(project, account).isEmpty());
        } else {
            model.addAttribute("supported", false);
            model.addAttribute("supportRefusal", null);
            model.addAttribute("mayWithdraw", false);
        }
    }

    @GetMapping("/projects/{project}/image")
    ResponseEntity<byte[]> image(@PathVariable("edition") String id, @PathVariable("project") String projectId) {
        Edition edition = editions.requirePublished(id);
        Project project = lookup.project(edition, projectId);
        return repository.image(edition.organization(), edition.id(), project.id())
            .map(image -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(image.mediaType()))
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
                .header("X-Content-Type-Options", "nosniff")
                .body(image.bytes()))
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    @GetMapping("/projects/new")
    String form(@PathVariable("edition") String id, Model model) {
        Edition edition = editions.requirePublished(id);
        SignedInAccount visitor = SignedIn.required();
        submit.refusal(edition, visitor.accountId()).ifPresent(reason -> {
            throw new ProjectRefusal.Refused(reason);
        });
        model.addAttribute("form", ProjectForm.empty());
        model.addAttribute("errors", Map.of());
        return creating(edition, model);
    }

    private String creating(Edition edition, Model model) {
        model.addAttribute("edition", edition);
        model.addAttribute("headings", editions.repository().headings(edition.organization(), edition.id()));
        model.addAttribute("districts", lookup.districts(edition.organization()));
        model.addAttribute("action", edition.path() + "/projects");
        model.addAttribute("back", edition.path());
        return "budgeting/projects/form";
    }

    @PostMapping("/projects")
    String create(@PathVariable("edition") String id, @ModelAttribute("form") ProjectForm form,
                  @RequestParam(name = "image", required = false) MultipartFile image, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Edition edition = editions.requirePublished(id);
        SignedInAccount visitor = SignedIn.required();
        submit.refusal(edition, visitor.accountId()).ifPresent(reason -> {
            throw new ProjectRefusal.Refused(reason);
        });
        FieldErrors errors = new FieldErrors();
        ProjectRepository.Draft draft = form.draft(errors, editions.repository().headings(edition.organization(), edition.id()),
            lookup.districtCodes(edition.organization()), image, visitor.accountId());
        if (draft == null) {
            model.addAttribute("errors", errors.translated(messages));
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return creating(edition, model);
        }
        long project = submit.submit(edition, visitor.accountId(), draft);
        redirect.addFlashAttribute("notice", "budgets.notice.submitted");
        return "redirect:" + edition.path() + "/projects/" + project;
    }

    @PostMapping("/projects/{project}/support")
    String support(@PathVariable("edition") String id, @PathVariable("project") String projectId, RedirectAttributes redirect) {
        Edition edition = editions.requirePublished(id);
        Project project = lookup.project(edition, projectId);
        supports.support(edition, SignedIn.required().accountId(), project);
        redirect.addFlashAttribute("notice", "budgets.notice.supported");
        return "redirect:" + project.path();
    }

    @PostMapping("/projects/{project}/unsupport")
    String unsupport(@PathVariable("edition") String id, @PathVariable("project") String projectId, RedirectAttributes redirect) {
        Edition edition = editions.requirePublished(id);
        Project project = lookup.project(edition, projectId);
        supports.withdrawSupport(edition, SignedIn.required().accountId(), project);
        redirect.addFlashAttribute("notice", "budgets.notice.unsupported");
        return "redirect:" + project.path();
    }

    @PostMapping("/projects/{project}/withdraw")
    String withdraw(@PathVariable("edition") String id, @PathVariable("project") String projectId, RedirectAttributes redirect) {
        Edition edition = editions.requirePublished(id);
        Project project = lookup.project(edition, projectId);
        withdraw.withdraw(project, SignedIn.required().accountId());
        redirect.addFlashAttribute("notice", "budgets.notice.withdrawn");
        return "redirect:" + project.path();
    }

    @ExceptionHandler(ProjectRefusal.Refused.class)
    String refused(ProjectRefusal.Refused refused, HttpServletResponse response, Model model) {
        response.setStatus(refused.reason().status().value());
        model.addAttribute("refusal", refused.reason().messageKey());
        model.addAttribute("needsVerification", refused.reason() == ProjectRefusal.NOT_VERIFIED);
        model.addAttribute("back", "/budgets");
        return "budgeting/editions/refused";
    }
}
