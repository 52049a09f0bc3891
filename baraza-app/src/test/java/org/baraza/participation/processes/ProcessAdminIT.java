package org.baraza.participation.processes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import javax.imageio.ImageIO;
import org.baraza.IntegrationTest;
import org.baraza.participation.ProcessId;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An admin sets up processes and phases through the pages; every change audited, bad input refused, voting settings frozen. */
@IntegrationTest
class ProcessAdminIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Electorate electorate;
    Polls polls;
    OrganizationId demoCity;
    Electorate.Resident adminAccount;
    WebClient admin;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        polls = new Polls(jdbc);
        demoCity = electorate.demoCity();
        adminAccount = electorate.unverified(demoCity);
        electorate.grant(adminAccount, "ADMIN");
        admin = WebClient.demoCity(port);
        admin.signIn(adminAccount.login(), Electorate.PASSWORD);
    }

    @Test
    void anAdminCreatesAProcessWithPhasesThatResidentsThenSee() {
        HttpResponse<String> created = admin.submit("/admin/processes/new", "/admin/processes", List.of(
            pair("title", "Green Riverside <b>2027</b>"), pair("description", "A **greener** river.\n<script>alert(1)</script>"),
            pair("districtCode", "riverside"), pair("sdgGoals", "11"), pair("sdgGoals", "6"), pair("published", "true")));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(location.replaceAll(".*/admin/processes/(\\d+).*", "$1"));
        LocalDate today = LocalDate.now(polls.zone(demoCity));
        String edit = "/admin/processes/" + id;
        assertThat(addPhase(edit, "Proposals", today.minusDays(3), today.plusDays(3), "CREATE_PROPOSALS", "COMMENT").statusCode())
            .isEqualTo(302);
        assertThat(addPhase(edit, "Vote", today.plusDays(4), today.plusDays(10), "VOTE").statusCode()).isEqualTo(302);

        HttpResponse<String> page = WebClient.demoCity(port).get("/processes/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Green Riverside &lt;b&gt;2027&lt;/b&gt;", "<strong>greener</strong>",
            "&lt;script&gt;alert(1)&lt;/script&gt;", "Current phase: Proposals", "Make proposals", "Next phase: Vote",
            "District: Riverside", "Goal 6: Clean water and sanitation", "Goal 11: Sustainable cities and communities")
            .doesNotContain("<script>alert(1)</script>", "<b>2027</b>");
        assertThat(WebClient.demoCity(port).get("/processes").body()).contains("Green Riverside");
        assertThat(WebClient.demoCity(port).get("/api/v1/processes/" + id).body())
            .contains("\"currentPhase\":{", "\"actions\":[\"COMMENT\",\"CREATE_PROPOSALS\"]", "\"sdgGoals\":[6,11]");
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE target = :t ORDER BY id").param("t", "process:" + id)
            .query(String.class).list()).containsExactly("process.created", "process.phase.added", "process.phase.added");
    }

    @Test
    void badInputIsRefusedWithAMessageAndNothingIsStored() {
        long before = processes();
        record Case(String what, List<WebClient.Field> fields, String message) {
        }
        for (Case bad : List.of(
            new Case("no title", List.of(pair("title", "  ")), "Enter a title."),
            new Case("a long title", List.of(pair("title", "x".repeat(201))), "The title can be at most 200 characters long."),
            new Case("a NUL character", List.of(pair("title", "Park\u0000")), "The title contains characters that cannot be read."),
            new Case("a broken encoding", List.of(pair("title", "Park \uFFFD")), "The title contains characters that cannot be read."),
            new Case("an unknown district", List.of(pair("title", "Park"), pair("districtCode", "atlantis")),
                "Choose a district from the list."),
            new Case("goal 18", List.of(pair("title", "Park"), pair("sdgGoals", "18")), "Choose goals from the list."),
            new Case("SQL for a goal", List.of(pair("title", "Park"), pair("sdgGoals", "1; DROP TABLE process_phase")),
                "Choose goals from the list."),
            new Case("a huge description", List.of(pair("title", "Park"), pair("description", "y".repeat(20_001))),
                "The description can be at most 20,000 characters long."))) {
            HttpResponse<String> response = admin.submit("/admin/processes/new", "/admin/processes", bad.fields());
            assertThat(response.statusCode()).as(bad.what()).isEqualTo(400);
            assertThat(response.body()).as(bad.what()).contains("There is a problem", bad.message());
        }
        assertThat(processes()).isEqualTo(before);

        ProcessId process = new ProcessId(jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, created_at, updated_at)
                VALUES (:org, 'Phases', '', now(), now()) RETURNING id""").param("org", demoCity.value()).query(Long.class).single());
        String edit = "/admin/processes/" + process.value();
        LocalDate today = LocalDate.now().plusDays(20);
        assertThat(addPhase(edit, "One", today, today.plusDays(5), "COMMENT").statusCode()).isEqualTo(302);
        HttpResponse<String> overlap = addPhase(edit, "Two", today.plusDays(5), today.plusDays(9), "VOTE");
        assertThat(overlap.statusCode()).isEqualTo(409);
        assertThat(overlap.body()).contains("This phase overlaps another one.");
        HttpResponse<String> backwards = addPhase(edit, "Three", today.plusDays(9), today.plusDays(7), "VOTE");
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("The phase must end on or after the day it starts.");
        HttpResponse<String> notADate = admin.submit(edit, edit + "/phases", List.of(pair("title", "Four"),
            pair("startsOn", "31/02/2027"), pair("endsOn", "2027-13-01"), pair("actions", "DANCE")));
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("Enter a real date", "Choose actions from the list.");
        assertThat(jdbc.sql("SELECT count(*) FROM process_phase WHERE process_id = :p").param("p", process.value())
            .query(Long.class).single()).isEqualTo(1);
        assertThat(admin.get("/admin/processes/999999999").statusCode()).isEqualTo(404);
        assertThat(admin.get("/admin/processes/abc").statusCode()).isEqualTo(404);
    }

    @Test
    void settingsThatAffectVotingAreFrozenOnceVotingHasStarted() {
        ProcessId process = polls.votingProcess(demoCity);
        String edit = "/admin/processes/" + process.value();
        long votePhase = jdbc.sql("SELECT id FROM process_phase WHERE process_id = :p").param("p", process.value())
            .query(Long.class).single();
        String phase = edit + "/phases/" + votePhase;
        LocalDate today = LocalDate.now(polls.zone(demoCity));

        HttpResponse<String> longer = admin.submit(phase, phase, List.of(pair("title", "Voting"), pair("startsOn",
            today.minusDays(2).toString()), pair("endsOn", today.plusDays(60).toString()), pair("actions", "VOTE"),
            pair("actions", "COMMENT")));
        HttpResponse<String> scope = admin.submit(edit, edit, List.of(pair("title", "Renamed"), pair("districtCode", "market"),
            pair("published", "true")));
        HttpResponse<String> delete = admin.submit(edit, phase + "/delete", List.of());
        HttpResponse<String> newVote = addPhase(edit, "Second round", today.plusDays(40), today.plusDays(45), "VOTE");

        for (HttpResponse<String> refused : List.of(longer, scope, delete, newVote)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("Voting has started in this process, so this can no longer change");
        }
        assertThat(jdbc.sql("SELECT ends_on FROM process_phase WHERE id = :id").param("id", votePhase).query(LocalDate.class).single())
            .isEqualTo(today.plusDays(30));
        HttpResponse<String> rename = admin.submit(edit, edit, List.of(pair("title", "Renamed"), pair("published", "true")));
        assertThat(rename.statusCode()).as("a title may still be corrected").isEqualTo(302);
        HttpResponse<String> retitle = admin.submit(phase, phase, List.of(pair("title", "Voting week"), pair("startsOn",
            today.minusDays(2).toString()), pair("endsOn", today.plusDays(30).toString()), pair("actions", "VOTE"),
            pair("actions", "COMMENT")));
        assertThat(retitle.statusCode()).isEqualTo(302);
        assertThat(admin.get(edit + "?lang=sw").body()).contains("Upigaji kura umeanza katika mchakato huu");
    }

    @Test
    void anImageIsStrippedOfItsMetadataAndBadFilesAreRefused() throws IOException {
        ProcessId process = polls.votingProcess(demoCity);
        String edit = "/admin/processes/" + process.value();
        byte[] photo = withGps(jpeg());

        HttpResponse<String> uploaded = admin.upload(edit, edit + "/image", List.of(pair("imageAlt", "The river bank")), "image",
            "photo.jpg", "image/jpeg", photo);
        assertThat(uploaded.statusCode()).isEqualTo(302);
        byte[] stored = jdbc.sql("SELECT image FROM participatory_process WHERE id = :id").param("id", process.value())
            .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude", "Exif");
        HttpResponse<String> served = WebClient.demoCity(port).get("/processes/" + process.value() + "/image");
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/jpeg");

        HttpResponse<String> notAnImage = admin.upload(edit, edit + "/image", List.of(pair("imageAlt", "x")), "image", "evil.png",
            "image/png", "<svg onload=alert(1)>".getBytes(StandardCharsets.UTF_8));
        assertThat(notAnImage.statusCode()).isEqualTo(400);
        assertThat(notAnImage.body()).contains("This file is not a PNG or JPEG image.");
        HttpResponse<String> bomb = admin.upload(edit, edit + "/image", List.of(pair("imageAlt", "x")), "image", "bomb.png",
            "image/png", org.baraza.participation.images.UploadedImageTestData.pngClaiming(60_000, 60_000));
        assertThat(bomb.statusCode()).isEqualTo(400);
        assertThat(bomb.body()).contains("The image has too many pixels");
        HttpResponse<String> noAlt = admin.upload(edit, edit + "/image", List.of(pair("imageAlt", "")), "image", "photo.jpg",
            "image/jpeg", photo);
        assertThat(noAlt.statusCode()).isEqualTo(400);
        assertThat(noAlt.body()).contains("Describe the image for people who cannot see it.");
        assertThat(jdbc.sql("SELECT image FROM participatory_process WHERE id = :id").param("id", process.value())
            .query(byte[].class).single()).isEqualTo(stored);
    }

    private HttpResponse<String> addPhase(String edit, String title, LocalDate from, LocalDate to, String... actions) {
        List<WebClient.Field> fields = new java.util.ArrayList<>(List.of(pair("title", title), pair("startsOn", from.toString()),
            pair("endsOn", to.toString())));
        for (String action : actions) {
            fields.add(pair("actions", action));
        }
        return admin.submit(edit, edit + "/phases", fields);
    }

    private long processes() {
        return jdbc.sql("SELECT count(*) FROM participatory_process").query(Long.class).single();
    }

    private static byte[] jpeg() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(640, 480, BufferedImage.TYPE_INT_RGB), "jpeg", out);
        return out.toByteArray();
    }

    private static byte[] withGps(byte[] jpeg) {
        return org.baraza.participation.images.UploadedImageTestData.withExif(jpeg, "GPSLatitude 1.2921 S");
    }
}
