package org.baraza.budgeting.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;
import org.baraza.IntegrationTest;
import org.baraza.budgeting.editions.BudgetCity;
import org.baraza.participation.testing.WebClient;
import org.baraza.participation.testing.WebClient.Field;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Residents submit, support and withdraw projects; valuators and admins review them; all through HTTP. */
@IntegrationTest
class ProjectsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    BudgetCity city;
    long edition;
    long cityWide;
    long north;
    String base;

    @BeforeEach
    void city() {
        city = BudgetCity.create(jdbc, directory, port);
        edition = city.edition(city.process("CREATE_PROPOSALS", "SUPPORT"));
        cityWide = city.heading(edition, "Whole city", null, "1000000");
        north = city.heading(edition, "North Side", "north", "200000");
        base = "/budgets/" + edition;
    }

    private List<Field> project(String title, String heading, String district, String cost) {
        return new ArrayList<>(List.of(pair("title", title), pair("description", "Swings and a slide.\n\nFor children under 12."),
            pair("heading", heading), pair("district", district), pair("latitude", "-0.42"), pair("longitude", "36.95"),
            pair("imageAlt", ""), pair("estimatedCost", cost)));
    }

    private HttpResponse<String> submit(WebClient resident, List<Field> fields) {
        return resident.submit(base + "/projects/new", base + "/projects", fields);
    }

    private long projects() {
        return city.count("SELECT count(*) FROM budget_project WHERE edition_id = ?", edition);
    }

    @Test
    void aVerifiedResidentSubmitsAProjectThatEveryoneCanRead() {
        WebClient resident = city.client(city.verifiedResident());
        HttpResponse<String> created = submit(resident, project("Playground in North Park", Long.toString(north), "", "45000.50"));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = city.count("SELECT id FROM budget_project WHERE edition_id = ?", edition);
        assertThat(created.headers().firstValue("Location").orElseThrow()).endsWith(base + "/projects/" + id);
        // a district heading's project is in that district
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE id = ? AND district_code = 'north' AND estimated_cost = 45000.50 AND feasibility = 'PENDING'", id))
            .isEqualTo(1);
        String page = city.client(null).get(base + "/projects/" + id).body();
        assertThat(page).contains("Playground in North Park", "<p>Swings and a slide.</p>", "<p>For children under 12.</p>",
            "45,000.50", "North Side", "latitude -0.42, longitude 36.95", "geo:-0.42,36.95", "Not reviewed yet");
        String list = city.client(null).get(base + "?heading=" + north).body();
        assertThat(list).contains("Playground in North Park", "Estimated cost");
        assertThat(city.client(null).get(base + "?heading=" + cityWide).body()).doesNotContain("Playground in North Park");
        assertThat(city.client(null).get(base + "?district=south").body()).doesNotContain("Playground in North Park");
        for (String sort : List.of("supports", "newest", "random", "nonsense")) {
            assertThat(city.client(null).get(base + "?sort=" + sort).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void theEditionPageLinksToTheBallotWhileVotingAndToPublishedResults() {
        assertThat(city.client(null).get(base).body()).doesNotContain(base + "/ballot", base + "/results");
        long voting = city.edition(city.process("VOTE"));
        city.heading(voting, "Whole city", null, "100");
        jdbc.sql("UPDATE budget_edition SET results_published_at = now() WHERE id = :id").param("id", voting).update();
        String page = city.client(null).get("/budgets/" + voting).body();
        assertThat(page).contains("/budgets/" + voting + "/ballot", "/budgets/" + voting + "/results");
        assertThat(city.client(null).get("/budgets").body()).contains("You can vote now.", "The results are published.",
            "You can propose projects now.", "You can support projects now.");
    }

    @Test
    void anEditionWhoseProcessIsBackInDraftIsHiddenFromResidentsButNotFromAdmins() {
        long project = city.project(edition, cityWide, null, "Hidden with its process", "100");
        jdbc.sql("UPDATE participatory_process SET published = false WHERE id = (SELECT process_id FROM budget_edition WHERE id = :id)")
            .param("id", edition).update();
        WebClient anyone = city.client(null);
        assertThat(anyone.get(base).statusCode()).isEqualTo(404);
        assertThat(anyone.get(base + "/projects/" + project).statusCode()).isEqualTo(404);
        assertThat(anyone.get("/api/v1/budgets/" + edition).statusCode()).isEqualTo(404);
        assertThat(anyone.get("/api/v1/budgets").body()).doesNotContain("\"id\":" + edition + ",");
        assertThat(anyone.get("/budgets").body()).doesNotContain(base + "\"");
        assertThat(city.client(city.account(Role.ADMIN)).get("/admin/budgets/" + edition).statusCode()).isEqualTo(200);
    }

    @Test
    void locatedProjectsAreOnTheMapPageAndInGeoJson() {
        long located = city.project(edition, north, null, "Playground", "100");
        city.project(edition, cityWide, null, "Nowhere in particular", "100");
        jdbc.sql("UPDATE budget_project SET latitude = -0.41, longitude = 36.97, district_code = 'north' WHERE id = :id")
            .param("id", located).update();
        WebClient anyone = city.client(null);
        String map = anyone.get(base + "/map").body();
        assertThat(map).contains("Projects with a place: 1", "Playground", "North Side", "-0.41", "36.97", "/vendor/leaflet/leaflet.js")
            .doesNotContain("Nowhere in particular");
        assertThat(anyone.get(base + "/map?heading=" + cityWide).body()).contains("No project has a place on the map.");
        HttpResponse<String> points = anyone.get("/api/v1/budgets/" + edition + "/projects/points");
        assertThat(points.statusCode()).isEqualTo(200);
        assertThat(points.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        assertThat(points.body()).contains("\"FeatureCollection\"", "[36.97,-0.41]", "\"href\":\"" + base + "/projects/" + located + "\"")
            .doesNotContain("Nowhere");
        assertThat(anyone.get("/api/v1/budgets/" + edition + "/projects/points?heading=x").statusCode()).isEqualTo(400);
    }

    @Test
    void aPhotoIsStoredWithoutItsMetadataAndServed() throws IOException {
        WebClient resident = city.client(city.verifiedResident());
        BufferedImage picture = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(picture, "png", png);
        byte[] withComment = withTextChunk(png.toByteArray());
        List<Field> fields = project("Benches", Long.toString(cityWide), "", "900");
        fields.set(6, pair("imageAlt", "Three benches under a tree"));
        HttpResponse<String> created = resident.upload(base + "/projects/new", base + "/projects", fields, "image", "bench.png",
            "image/png", withComment);
        assertThat(created.statusCode()).isEqualTo(302);
        long id = city.count("SELECT id FROM budget_project WHERE edition_id = ?", edition);
        byte[] stored = jdbc.sql("SELECT image FROM budget_project WHERE id = :id").param("id", id).query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPS 51.5N");
        HttpResponse<String> served = city.client(null).get(base + "/projects/" + id + "/image");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/png");
    }

    /** A PNG with a tEXt chunk before IEND, as cameras and editors add metadata. */
    private static byte[] withTextChunk(byte[] png) {
        byte[] text = "CommentGPS 51.5N".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, png.length - 12);
        out.writeBytes(new byte[] {0, 0, 0, (byte) text.length});
        byte[] type = "tEXt".getBytes(StandardCharsets.ISO_8859_1);
        out.writeBytes(type);
        out.writeBytes(text);
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type);
        crc.update(text);
        long value = crc.getValue();
        out.writeBytes(new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
        out.write(png, png.length - 12, 12);
        return out.toByteArray();
    }

    @Test
    void badProjectsAreRefusedWithTheirReasonAndNothingIsStored() {
        WebClient resident = city.client(city.verifiedResident());
        String heading = Long.toString(cityWide);
        assertThat(submit(resident, project("Zero", heading, "", "0")).body()).contains("The amount must be more than zero.");
        assertThat(submit(resident, project("Negative", heading, "", "-100")).body()).contains("The amount must be more than zero.");
        assertThat(submit(resident, project("Words", heading, "", "ten thousand")).body()).contains("Enter an amount in figures");
        assertThat(submit(resident, project("Cents", heading, "", "100.001")).body()).contains("Use at most two decimals.");
        assertThat(submit(resident, project("Absurd", heading, "", "1000000000000000000")).body()).contains("This amount is too large.");
        assertThat(submit(resident, project("x".repeat(121), heading, "", "100")).body()).contains("Use at most 120 characters.");
        assertThat(submit(resident, project("District", Long.toString(north), "south", "100")).body())
            .contains("A project of a district heading is in that district.");
        long otherEdition = city.edition(city.process("CREATE_PROPOSALS"));
        long foreignHeading = city.heading(otherEdition, "Elsewhere", null, "100");
        assertThat(submit(resident, project("Foreign heading", Long.toString(foreignHeading), "", "100")).body())
            .contains("Choose a heading of this participatory budget.");
        BudgetCity other = BudgetCity.create(jdbc, directory, port);
        long otherCityHeading = other.heading(other.edition(other.process("CREATE_PROPOSALS")), "Theirs", null, "100");
        assertThat(submit(resident, project("Other city", Long.toString(otherCityHeading), "", "100")).body())
            .contains("Choose a heading of this participatory budget.");
        List<Field> essay = project("Essay", heading, "", "100");
        essay.set(1, pair("description", "word ".repeat(4001)));
        assertThat(submit(resident, essay).body()).contains("Use at most 20,000 characters.");
        List<Field> half = project("Half a point", heading, "", "100");
        half.set(5, pair("longitude", ""));
        assertThat(submit(resident, half).body()).contains("Give both the latitude and the longitude");
        List<Field> far = project("Far away", heading, "", "100");
        far.set(4, pair("latitude", "91"));
        assertThat(submit(resident, far).body()).contains("Enter a number between -90 and 90");
        List<Field> withImage = project("Not a photo", heading, "", "100");
        withImage.set(6, pair("imageAlt", "A plan"));
        HttpResponse<String> notImage = resident.upload(base + "/projects/new", base + "/projects", withImage, "image", "plan.png",
            "image/png", "%PDF-1.4 not an image".getBytes(StandardCharsets.US_ASCII));
        assertThat(notImage.statusCode()).isEqualTo(400);
        assertThat(notImage.body()).contains("This is not a JPEG or PNG photo.");
        HttpResponse<String> refused = submit(resident, project("Zero", heading, "", "0"));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("There is a problem");
        assertThat(projects()).isZero();
    }

    @Test
    void scriptInTextIsStoredAsTypedAndShownEscaped() {
        WebClient resident = city.client(city.verifiedResident());
        List<Field> fields = project("<script>alert('x')</script>", Long.toString(cityWide), "", "100");
        fields.set(1, pair("description", "<img src=x onerror=alert(1)>"));
        assertThat(submit(resident, fields).statusCode()).isEqualTo(302);
        long id = city.count("SELECT id FROM budget_project WHERE edition_id = ?", edition);
        String page = city.client(null).get(base + "/projects/" + id).body();
        assertThat(page).contains("&lt;script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
            .doesNotContain("<script>alert", "<img src=x");
    }

    @Test
    void descriptionsUseTheSafeMarkdownOfProposals() {
        WebClient resident = city.client(city.verifiedResident());
        List<Field> fields = project("Benches in the shade", Long.toString(cityWide), "", "100");
        fields.set(1, pair("description", "Shade for **twenty** benches:\n\n- by the market\n- by the school"));
        assertThat(submit(resident, fields).statusCode()).isEqualTo(302);
        long id = city.count("SELECT max(id) FROM budget_project WHERE edition_id = ?", edition);
        String page = city.client(null).get(base + "/projects/" + id).body();
        assertThat(page).contains("<strong>twenty</strong>", "<li>by the market</li>");
    }

    @Test
    void onlyVerifiedResidentsSubmitAndOnlyWhileTheProcessTakesProjects() {
        WebClient unverified = city.client(city.account());
        HttpResponse<String> form = unverified.get(base + "/projects/new");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("Only residents who have verified that they live here can do this.");
        assertThat(city.client(null).get(base + "/projects/new").statusCode()).isEqualTo(302);
        long closed = city.edition(city.process("SUPPORT"));
        long heading = city.heading(closed, "Whole city", null, "1000");
        WebClient resident = city.client(city.verifiedResident());
        HttpResponse<String> refused = resident.submit(base + "/projects/new", "/budgets/" + closed + "/projects",
            List.of(pair("title", "Late"), pair("description", "Too late."), pair("heading", Long.toString(heading)),
                pair("estimatedCost", "100")));
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Projects are not being taken in this phase.");
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE edition_id = ?", closed)).isZero();
    }

    @Test
    void residentsSupportAndTakeBackTheirSupport() {
        long id = city.project(edition, cityWide, null, "Library hours", "1000");
        String page = base + "/projects/" + id;
        WebClient resident = city.client(city.verifiedResident());
        assertThat(resident.submit(page, page + "/support", List.of()).statusCode()).isEqualTo(302);
        assertThat(resident.submit(page, page + "/support", List.of()).statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT supports FROM budget_project WHERE id = ?", id)).isEqualTo(1);
        assertThat(resident.get(page).body()).contains("You support this project.");
        assertThat(resident.submit(page, page + "/unsupport", List.of()).statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT supports FROM budget_project WHERE id = ?", id)).isZero();
        assertThat(city.count("SELECT count(*) FROM budget_project_support WHERE project_id = ?", id)).isZero();
        WebClient unverified = city.client(city.account());
        HttpResponse<String> refused = unverified.submit(page, page + "/support", List.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(city.count("SELECT supports FROM budget_project WHERE id = ?", id)).isZero();
    }

    @Test
    void supportsAreRefusedOutsideTheSupportPhase() {
        long closed = city.edition(city.process("CREATE_PROPOSALS"));
        long heading = city.heading(closed, "Whole city", null, "1000");
        long id = city.project(closed, heading, null, "Trees", "1000");
        String page = "/budgets/" + closed + "/projects/" + id;
        WebClient resident = city.client(city.verifiedResident());
        HttpResponse<String> refused = resident.submit(page, page + "/support", List.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Supports are not being taken in this phase.");
        assertThat(city.count("SELECT count(*) FROM budget_project_support WHERE project_id = ?", id)).isZero();
    }

    @Test
    void aHundredConcurrentSupportsByOneResidentCountOnce() throws Exception {
        long id = city.project(edition, cityWide, null, "Water points", "1000");
        String page = base + "/projects/" + id;
        WebClient resident = city.client(city.verifiedResident());
        String token = resident.csrfToken(page);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                answers.add(pool.submit(() -> resident.post(page + "/support", List.of(pair("_csrf", token))).statusCode()));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(302);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(city.count("SELECT count(*) FROM budget_project_support WHERE project_id = ?", id)).isEqualTo(1);
        assertThat(city.count("SELECT supports FROM budget_project WHERE id = ?", id)).isEqualTo(1);
    }

    @Test
    void authorsWithdrawTheirOwnProjectBeforeValuationOnly() {
        String author = city.verifiedResident();
        long mine = city.project(edition, cityWide, author, "Mine", "1000");
        long valued = city.project(edition, cityWide, author, "Valued", "1000");
        jdbc.sql("UPDATE budget_project SET feasibility = 'FEASIBLE', cost = 1000, valuation_explanation = 'ok' WHERE id = :id")
            .param("id", valued).update();
        WebClient client = city.client(author);
        WebClient stranger = city.client(city.verifiedResident());
        String page = base + "/projects/" + mine;
        HttpResponse<String> notTheirs = stranger.submit(page, page + "/withdraw", List.of());
        assertThat(notTheirs.statusCode()).isEqualTo(403);
        assertThat(client.get(page).body()).contains("Withdraw my project");
        assertThat(client.submit(page, page + "/withdraw", List.of()).statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE id = ? AND withdrawn_at IS NOT NULL", mine)).isEqualTo(1);
        assertThat(city.client(null).get(base).body()).doesNotContain("Mine");
        String valuedPage = base + "/projects/" + valued;
        HttpResponse<String> late = client.submit(valuedPage, valuedPage + "/withdraw", List.of());
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("A valuator has already reviewed this project");
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE id = ? AND withdrawn_at IS NULL", valued)).isEqualTo(1);
    }

    @Test
    void anAssignedValuatorRecordsTheVerdictAndTheExplanationIsPublic() {
        long id = city.project(edition, cityWide, null, "Cable car", "900000");
        long other = city.project(edition, cityWide, null, "Not mine", "900");
        String valuator = city.account(Role.VALUATOR);
        city.assign(id, valuator);
        WebClient client = city.client(valuator);
        assertThat(client.get("/valuation/budgets").body()).contains("Cable car").doesNotContain("Not mine");
        assertThat(client.get("/valuation/budgets/" + other).statusCode()).isEqualTo(404);
        assertThat(client.get("/valuation/budgets/abc").statusCode()).isEqualTo(404);
        HttpResponse<String> missing = client.submit("/valuation/budgets/" + id, "/valuation/budgets/" + id,
            List.of(pair("feasibility", "FEASIBLE"), pair("cost", ""), pair("explanation", "")));
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("Fill this in.");
        HttpResponse<String> verdict = client.submit("/valuation/budgets/" + id, "/valuation/budgets/" + id,
            List.of(pair("feasibility", "UNFEASIBLE"), pair("cost", ""), pair("explanation", "It costs ten times the budget.")));
        assertThat(verdict.statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE id = ? AND feasibility = 'UNFEASIBLE' AND cost IS NULL", id))
            .isEqualTo(1);
        assertThat(city.audited("budget.project.valued")).isEqualTo(1);
        assertThat(city.client(null).get(base + "/projects/" + id).body())
            .contains("Not feasible", "Why it cannot be done", "It costs ten times the budget.");
        HttpResponse<String> feasible = client.submit("/valuation/budgets/" + id, "/valuation/budgets/" + id,
            List.of(pair("feasibility", "FEASIBLE"), pair("cost", "850000"), pair("explanation", "Design and works.")));
        assertThat(feasible.statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE id = ? AND feasibility = 'FEASIBLE' AND cost = 850000", id))
            .isEqualTo(1);
        HttpResponse<String> badCost = client.submit("/valuation/budgets/" + id, "/valuation/budgets/" + id,
            List.of(pair("feasibility", "FEASIBLE"), pair("cost", "-3"), pair("explanation", "x")));
        assertThat(badCost.statusCode()).isEqualTo(400);
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE id = ? AND cost = 850000", id)).isEqualTo(1);
        assertThat(city.client(city.verifiedResident()).get("/valuation/budgets").statusCode()).isEqualTo(403);
    }

    @Test
    void onceBallotingHasStartedValuationsAndIncompatibilitiesAreRefused() {
        long process = city.process(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2)), "VOTE");
        long frozen = city.edition(process);
        long heading = city.heading(frozen, "Whole city", null, "1000");
        long a = city.project(frozen, heading, null, "Roof A", "500");
        long b = city.project(frozen, heading, null, "Roof B", "500");
        String valuator = city.account(Role.VALUATOR);
        city.assign(a, valuator);
        HttpResponse<String> valuation = city.client(valuator).submit("/valuation/budgets/" + a, "/valuation/budgets/" + a,
            List.of(pair("feasibility", "FEASIBLE"), pair("cost", "600"), pair("explanation", "Works.")));
        assertThat(valuation.statusCode()).isEqualTo(409);
        assertThat(valuation.body()).contains("Voting has started");
        WebClient admin = city.client(city.account(Role.ADMIN));
        String adminPage = "/admin/budgets/" + frozen + "/projects/" + a;
        assertThat(admin.submit(adminPage, adminPage + "/valuation",
            List.of(pair("feasibility", "FEASIBLE"), pair("cost", "600"), pair("explanation", "Works."))).statusCode()).isEqualTo(409);
        assertThat(admin.submit(adminPage, adminPage + "/incompatibilities", List.of(pair("other", Long.toString(b))))
            .statusCode()).isEqualTo(409);
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE edition_id = ? AND feasibility = 'PENDING'", frozen)).isEqualTo(2);
        assertThat(city.count("SELECT count(*) FROM budget_incompatibility WHERE edition_id = ?", frozen)).isZero();
        assertThat(city.audited("budget.project.valued") + city.audited("budget.incompatibility.added")).isZero();
    }

    @Test
    void adminsAssignValuatorsMarkIncompatibilitiesAndEnterProjects() {
        long a = city.project(edition, cityWide, null, "Roof with solar panels", "500");
        long b = city.project(edition, cityWide, null, "Roof with gutters", "400");
        long otherEdition = city.edition(city.process("CREATE_PROPOSALS"));
        long foreign = city.project(otherEdition, city.heading(otherEdition, "X", null, "10"), null, "Foreign", "5");
        String valuator = city.account(Role.VALUATOR);
        WebClient admin = city.client(city.account(Role.ADMIN));
        String page = "/admin/budgets/" + edition + "/projects/" + a;
        assertThat(admin.get("/admin/budgets/" + edition + "/projects").body()).contains("Roof with solar panels", "Whole city");
        assertThat(admin.submit(page, page + "/valuators", List.of(pair("valuator", Long.toString(city.accountId(valuator)))))
            .statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_project_valuator WHERE project_id = ?", a)).isEqualTo(1);
        String resident = city.verifiedResident();
        assertThat(admin.submit(page, page + "/valuators", List.of(pair("valuator", Long.toString(city.accountId(resident)))))
            .statusCode()).isEqualTo(400);
        assertThat(admin.submit(page, page + "/incompatibilities", List.of(pair("other", Long.toString(b)))).statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_incompatibility WHERE edition_id = ? AND project_low = ? AND project_high = ?",
            edition, Math.min(a, b), Math.max(a, b))).isEqualTo(1);
        assertThat(city.client(null).get(base + "/projects/" + b).body()).contains("Projects it excludes", "Roof with solar panels");
        HttpResponse<String> self = admin.submit(page, page + "/incompatibilities", List.of(pair("other", Long.toString(a))));
        assertThat(self.statusCode()).isEqualTo(400);
        assertThat(self.body()).contains("A project cannot be incompatible with itself.");
        HttpResponse<String> elsewhere = admin.submit(page, page + "/incompatibilities", List.of(pair("other", Long.toString(foreign))));
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(admin.submit(page, page + "/incompatibilities/" + b + "/delete", List.of()).statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_incompatibility WHERE edition_id = ?", edition)).isZero();
        assertThat(city.audited("budget.incompatibility.added")).isEqualTo(1);
        assertThat(city.audited("budget.incompatibility.removed")).isEqualTo(1);
        assertThat(city.audited("budget.project.valuators")).isEqualTo(1);
        HttpResponse<String> entered = admin.submit("/admin/budgets/" + edition + "/projects/new", "/admin/budgets/" + edition + "/projects",
            project("Entered by staff", Long.toString(cityWide), "", "7000"));
        assertThat(entered.statusCode()).isEqualTo(302);
        assertThat(city.count("SELECT count(*) FROM budget_project WHERE edition_id = ? AND title = 'Entered by staff' AND author_account_id IS NULL", edition))
            .isEqualTo(1);
        assertThat(city.audited("budget.project.entered")).isEqualTo(1);
        // a project of another edition is not found under this one
        assertThat(admin.get("/admin/budgets/" + edition + "/projects/" + foreign).statusCode()).isEqualTo(404);
        assertThat(city.client(null).get(base + "/projects/" + foreign).statusCode()).isEqualTo(404);
    }

    @Test
    void theJsonApiListsEditionsHeadingsAndProjectsWithoutAuthors() {
        String author = city.verifiedResident();
        for (int i = 0; i < 25; i++) {
            city.project(edition, i % 2 == 0 ? cityWide : north, author, "Project " + i, "100");
        }
        WebClient anyone = city.client(null);
        HttpResponse<String> list = anyone.get("/api/v1/budgets");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("\"id\":" + edition, "\"total\":\"1200000.00\"", "CREATE_PROPOSALS");
        HttpResponse<String> one = anyone.get("/api/v1/budgets/" + edition);
        assertThat(one.body()).contains("\"ballotKind\":\"APPROVAL\"", "\"rule\":\"mes-add1\"", "\"North Side\"", "\"budget\":\"200000.00\"");
        HttpResponse<String> page1 = anyone.get("/api/v1/budgets/" + edition + "/projects?heading=" + cityWide + "&size=5");
        assertThat(page1.statusCode()).isEqualTo(200);
        assertThat(page1.body()).contains("\"total\":13", "\"next\"").doesNotContain("author", "Person ");
        HttpResponse<String> page3 = anyone.get("/api/v1/budgets/" + edition + "/projects?page=3&size=10");
        assertThat(page3.body()).contains("\"total\":25", "\"prev\"").doesNotContain("\"next\"");
        HttpResponse<String> bad = anyone.get("/api/v1/budgets/" + edition + "/projects?heading=999999");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(bad.body()).contains("heading");
        assertThat(anyone.get("/api/v1/budgets/" + edition + "/projects?size=1000").statusCode()).isEqualTo(400);
        HttpResponse<String> unknown = anyone.get("/api/v1/budgets/987654321");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
    }
}
