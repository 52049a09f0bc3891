package org.baraza.participation.consultations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
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

/** Admins set up a consultation's questions before it opens; once voting has started, all but closing early is refused. */
@IntegrationTest
class ConsultationAdminIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Electorate electorate;
    Polls polls;
    OrganizationId demoCity;
    WebClient admin;
    ProcessId process;
    String base;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        polls = new Polls(jdbc);
        demoCity = electorate.demoCity();
        Electorate.Resident adminAccount = electorate.unverified(demoCity);
        electorate.grant(adminAccount, "ADMIN");
        admin = WebClient.demoCity(port);
        admin.signIn(adminAccount.login(), Electorate.PASSWORD);
        process = polls.votingProcess(demoCity);
        base = "/admin/processes/" + process.value() + "/consultations";
    }

    @Test
    void anAdminSetsUpEveryKindOfQuestion() {
        String consultation = create("Our budget priorities", in(2), in(72)).headers().firstValue("Location").orElseThrow();
        long id = Long.parseLong(consultation.replaceAll(".*/consultations/(\\d+).*", "$1"));
        String edit = base + "/" + id;

        assertThat(question(edit, "Which park first?", "SINGLE", "", "North\nSouth").statusCode()).isEqualTo(302);
        assertThat(question(edit, "Which services?", "MULTIPLE", "2", "Water\nLight\nBenches").statusCode()).isEqualTo(302);
        assertThat(question(edit, "Rank the projects", "RANKED", "3", "Library\nClinic\nSchool\nMarket").statusCode()).isEqualTo(302);
        assertThat(question(edit, "Approve the plan?", "YES_NO", "", "").statusCode()).isEqualTo(302);

        List<String> kinds = jdbc.sql("SELECT kind || ':' || max_choices FROM consultation_question WHERE consultation_id = :c ORDER BY position")
            .param("c", id).query(String.class).list();
        assertThat(kinds).containsExactly("SINGLE:1", "MULTIPLE:2", "RANKED:3", "YES_NO:1");
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_answer WHERE consultation_id = :c").param("c", id)
            .query(Long.class).single()).isEqualTo(2 + 3 + 4 + 2);
        HttpResponse<String> page = admin.get("/consultations/" + id + "?lang=fr");
        assertThat(page.body()).contains("Which park first?", "Oui", "Non");
        assertThat(jdbc.sql("SELECT action FROM audit_entry WHERE target = :t ORDER BY id").param("t", "consultation:" + id)
            .query(String.class).list()).containsExactly("consultation.created", "consultation.question.added",
                "consultation.question.added", "consultation.question.added", "consultation.question.added");
    }

    @Test
    void badSettingsAndQuestionsAreRefusedWithAMessage() {
        record Case(String what, HttpResponse<String> response, String message) {
        }
        long before = jdbc.sql("SELECT count(*) FROM consultation").query(Long.class).single();
        String edit = java.net.URI.create(create("Valid", in(2), in(5)).headers().firstValue("Location").orElseThrow()).getPath();
        for (Case bad : List.of(
            new Case("opening in the past", create("Late", in(-1), in(5)), "Voting must open in the future"),
            new Case("closing before opening", create("Backwards", in(5), in(2)), "Voting must close after it opens."),
            new Case("not a time", create("Garbage", "tomorrow", "soon"), "Enter a real date and time"),
            new Case("an unknown kind", question(edit, "Q", "DICTATOR", "", "a\nb"), "Choose a kind of question from the list."),
            new Case("one answer", question(edit, "Q", "SINGLE", "", "Only one"), "Give at least two answers."),
            new Case("the same answer twice", question(edit, "Q", "SINGLE", "", "Same\nsame"), "Each answer must be different."),
            new Case("a maximum beyond the answers", question(edit, "Q", "MULTIPLE", "4", "a\nb\nc"), "Enter a whole number from 1 to 3."),
            new Case("no question", question(edit, "", "SINGLE", "", "a\nb"), "Enter the question."))) {
            assertThat(bad.response().statusCode()).as(bad.what()).isEqualTo(400);
            assertThat(bad.response().body()).as(bad.what()).contains(bad.message());
        }
        assertThat(jdbc.sql("SELECT count(*) FROM consultation").query(Long.class).single()).isEqualTo(before + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_question q JOIN consultation c ON c.id = q.consultation_id WHERE c.process_id = :p")
            .param("p", process.value()).query(Long.class).single()).isZero();
    }

    @Test
    void onceVotingHasStartedOnlyClosingEarlyIsAllowed() {
        Polls.Poll poll = polls.in(demoCity, process).single("Which park?", "North", "South").create();
        String edit = base + "/" + poll.id().value();

        HttpResponse<String> change = admin.submit(edit, edit, List.of(pair("title", "Changed"), pair("opensAt", in(1)),
            pair("closesAt", in(48))));
        HttpResponse<String> add = question(edit, "Another?", "SINGLE", "", "a\nb");
        HttpResponse<String> remove = admin.submit(edit, edit + "/questions/" + poll.question(0).id() + "/delete", List.of());
        for (HttpResponse<String> refused : List.of(change, add, remove)) {
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("Voting has started (it opened, or someone has voted)");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM consultation_question WHERE consultation_id = :c").param("c", poll.id().value())
            .query(Long.class).single()).isEqualTo(1);

        HttpResponse<String> close = admin.submit(edit, edit + "/close", List.of());
        assertThat(close.statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT closed_early_by FROM consultation WHERE id = :c").param("c", poll.id().value())
            .query(Long.class).single()).isNotNull();
        assertThat(WebClient.demoCity(port).get(poll.page() + "/results").statusCode()).isEqualTo(200);
        assertThat(admin.submit(edit, edit + "/close", List.of()).statusCode()).isEqualTo(409);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'consultation.closed' AND target = :t")
            .param("t", "consultation:" + poll.id().value()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void residentsCannotReachTheAdminPages() {
        WebClient resident = WebClient.demoCity(port);
        resident.signIn(electorate.verified(demoCity, "market").login(), Electorate.PASSWORD);
        assertThat(resident.get(base + "/new").statusCode()).isEqualTo(403);
        assertThat(resident.get("/admin/processes").statusCode()).isEqualTo(403);
    }

    private HttpResponse<String> create(String title, String opensAt, String closesAt) {
        return admin.submit(base + "/new", base, List.of(pair("title", title), pair("description", "About it."),
            pair("opensAt", opensAt), pair("closesAt", closesAt), pair("eligibleDistrictCode", ""), pair("minimumAge", "16")));
    }

    private HttpResponse<String> question(String edit, String text, String type, String max, String answers) {
        return admin.submit(edit, edit + "/questions", List.of(pair("text", text), pair("type", type), pair("maxChoices", max),
            pair("answers", answers)));
    }

    /** A datetime-local value, {@code hours} from now in the municipality's time zone. */
    private String in(int hours) {
        return LocalDateTime.now(polls.zone(demoCity)).plusHours(hours).truncatedTo(ChronoUnit.MINUTES).toString();
    }
}
