package org.baraza.participation.debates;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DebatesIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;

    DiscussionCity city;

    @BeforeEach
    void city() {
        city = DiscussionCity.create(jdbc, directory, port);
    }

    private long debates() {
        return jdbc.sql("SELECT count(*) FROM debate WHERE organization_id = :org").param("org", city.id.value())
            .query(Long.class).single();
    }

    @Test
    void residentStartsADebateAndItIsListedWithItsAuthor() {
        WebClient amina = city.signedIn("Amina Wanjiru");
        HttpResponse<String> created = amina.post("/debates", Map.of("title", "Should the market open on Sundays?",
            "body", "**Yes** or no?", "_csrf", amina.csrfToken("/debates/new")));
        assertThat(created.statusCode()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches(".*/debates/\\d+");
        String page = amina.get(location.replaceAll("^https?://[^/]+", "")).body();
        assertThat(page).contains("Should the market open on Sundays?").contains("<strong>Yes</strong>").contains("Amina Wanjiru");
        assertThat(amina.get("/debates").body()).contains("Should the market open on Sundays?");
    }

    @Test
    void oneOpinionPerPersonUnderAHundredRacingRequests() throws Exception {
        String author = city.account("Author");
        long debate = city.debate(author, "Trees on Main Street?", false);
        WebClient resident = city.signedIn("Racer");
        String token = resident.csrfToken("/debates/" + debate);
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String opinion = i % 2 == 0 ? "agree" : "disagree";
            answers.add(pool.submit(() -> {
                start.await();
                return resident.post("/debates/" + debate + "/opinion", Map.of("opinion", opinion, "_csrf", token)).statusCode();
            }));
        }
        start.countDown();
        for (Future<Integer> answer : answers) {
            assertThat(answer.get()).isEqualTo(302);
        }
        pool.shutdown();
        long opinions = jdbc.sql("SELECT count(*) FROM debate_opinion WHERE debate_id = :id").param("id", debate)
            .query(Long.class).single();
        assertThat(opinions).isEqualTo(1);
        // and it can be changed: the last word counts
        resident.post("/debates/" + debate + "/opinion", Map.of("opinion", "disagree", "_csrf", token));
        assertThat(resident.get("/debates/" + debate).body()).contains("0 agree, 1 disagree").contains("You disagree.");
    }

    @Test
    void anonymousDebateNeverShowsItsAuthorInPagesOrApi() {
        WebClient author = city.signedIn("Zawadi Secret-Name");
        HttpResponse<String> created = author.post("/debates", Map.of("title", "A sensitive question", "body", "Discuss.",
            "anonymous", "true", "_csrf", author.csrfToken("/debates/new")));
        assertThat(created.statusCode()).isEqualTo(302);
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        WebClient reader = city.signedIn("Reader");
        assertThat(reader.get("/debates/" + id).body()).doesNotContain("Zawadi Secret-Name").contains("Anonymous resident");
        assertThat(reader.get("/debates").body()).doesNotContain("Zawadi Secret-Name");
        WebClient anonymous = new WebClient(city.host, port);
        assertThat(anonymous.get("/api/v1/debates/" + id).body()).doesNotContain("Zawadi").contains("\"author\":null");
        assertThat(anonymous.get("/api/v1/debates").body()).doesNotContain("Zawadi").contains("A sensitive question");
        // moderators still know who wrote it
        assertThat(jdbc.sql("SELECT author_account_id FROM debate WHERE id = :id").param("id", id).query(Long.class).single())
            .isPositive();
    }

    @Test
    void scriptIsShownEscapedNeverRun() {
        WebClient resident = city.signedIn("Hacker");
        HttpResponse<String> created = resident.post("/debates", Map.of("title", "<script>alert(1)</script>",
            "body", "<img src=x onerror=alert(2)> [x](javascript:alert(3))", "_csrf", resident.csrfToken("/debates/new")));
        assertThat(created.statusCode()).isEqualTo(302);
        String page = resident.get(created.headers().firstValue("Location").orElseThrow().replaceAll("^https?://[^/]+", "")).body();
        assertThat(page).doesNotContain("<script>alert(1)").doesNotContain("<img src=x").doesNotContain("href=\"javascript:")
            .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void badInputIsRefusedWithATranslatedMessageAndNothingStored() {
        WebClient resident = city.signedIn("Careless");
        String token = resident.csrfToken("/debates/new");
        HttpResponse<String> empty = resident.post("/debates", Map.of("title", " ", "body", "", "_csrf", token));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("There is a problem").contains("Enter some text.");
        HttpResponse<String> huge = resident.post("/debates", Map.of("title", "Big", "body", "x".repeat(100_000), "_csrf", token));
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(huge.body()).contains("Use at most 10,000 characters.");
        HttpResponse<String> french = resident.post("/debates?lang=fr", Map.of("title", "", "body", "b", "_csrf", token));
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body()).contains("Saisissez un texte.");
        HttpResponse<String> broken = resident.post("/debates", Map.of("title", "Bad \uFFFD bytes", "body", "b", "_csrf", token));
        assertThat(broken.statusCode()).isEqualTo(400);
        HttpResponse<String> noCsrf = resident.post("/debates", Map.of("title", "No token", "body", "b"));
        assertThat(noCsrf.statusCode()).isEqualTo(403);
        HttpResponse<String> badProcess = resident.post("/debates", Map.of("title", "T", "body", "b", "process", "99999999", "_csrf", token));
        assertThat(badProcess.statusCode()).isEqualTo(404);
        assertThat(debates()).isZero();
    }

    @Test
    void anotherMunicipalitysDebateIsUnknownHere() {
        String author = city.account("Author");
        long debate = city.debate(author, "Local matter", false);
        DiscussionCity other = DiscussionCity.create(jdbc, directory, port);
        WebClient visitor = new WebClient(other.host, port);
        assertThat(visitor.get("/api/v1/debates/" + debate).statusCode()).isEqualTo(404);
        assertThat(visitor.get("/api/v1/debates").body()).doesNotContain("Local matter");
        WebClient stranger = other.signedIn("Stranger");
        assertThat(stranger.get("/debates/" + debate).statusCode()).isEqualTo(404);
        String token = stranger.csrfToken("/debates/new");
        assertThat(stranger.post("/debates/" + debate + "/opinion", Map.of("opinion", "agree", "_csrf", token)).statusCode())
            .isEqualTo(404);
    }

    @Test
    void authorEditsWithinTheWindowOnly() {
        WebClient author = city.signedIn("Editor");
        HttpResponse<String> created = author.post("/debates", Map.of("title", "First title", "body", "Body",
            "_csrf", author.csrfToken("/debates/new")));
        long id = Long.parseLong(created.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        String token = author.csrfToken("/debates/" + id + "/edit");
        assertThat(author.post("/debates/" + id + "/edit", Map.of("title", "Better title", "body", "Body", "_csrf", token))
            .statusCode()).isEqualTo(302);
        assertThat(author.get("/debates/" + id).body()).contains("Better title").contains("(edited)");
        WebClient other = city.signedIn("Other");
        assertThat(other.post("/debates/" + id + "/edit", Map.of("title", "Hijack", "body", "Body",
            "_csrf", other.csrfToken("/debates/new"))).statusCode()).isEqualTo(403);
        jdbc.sql("UPDATE debate SET created_at = now() - interval '31 minutes' WHERE id = :id").param("id", id).update();
        HttpResponse<String> late = author.post("/debates/" + id + "/edit", Map.of("title", "Too late", "body", "Body", "_csrf", token));
        assertThat(late.statusCode()).isEqualTo(409);
        assertThat(late.body()).contains("The time to edit this has passed.");
        assertThat(author.get("/debates/" + id).body()).contains("Better title").doesNotContain("Too late");
    }

    @Test
    void apiPagesThroughDebates() {
        String author = city.account("Author");
        for (int i = 0; i < 25; i++) {
            city.debate(author, "Debate " + i, false);
        }
        WebClient anonymous = new WebClient(city.host, port);
        HttpResponse<String> first = anonymous.get("/api/v1/debates?size=10");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"total\":25").contains("\"next\":\"/api/v1/debates?size=10&page=2\"");
        assertThat(anonymous.get("/api/v1/debates?page=3&size=10").body()).contains("\"prev\"").doesNotContain("\"next\"");
        assertThat(anonymous.get("/api/v1/debates/abc").statusCode()).isEqualTo(404);
    }
}
