package org.baraza.budgeting.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.budgeting.results.BudgetTestData;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.web.HttpVisitor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Bad pabulib imports: each answers 4xx with a translated message saying what is wrong, and stores nothing. */
@IntegrationTest
class PabulibImportBadInputIT {

    static final String GOOD = """
        META
        key;value
        description;Test
        country;Kenya
        unit;Demo City
        instance;2026
        num_projects;2
        num_votes;3
        budget;100
        vote_type;approval
        rule;greedy
        date_begin;01.01.2026
        date_end;02.01.2026
        PROJECTS
        project_id;cost;name
        p1;60;Benches
        p2;%s;Lights
        VOTES
        voter_id;vote
        1;p1
        2;p1,p2
        3;p2
        """;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    BudgetTestData data;
    WebClient admin;
    long editionsBefore;

    @BeforeEach
    void setUp() {
        data = new BudgetTestData(jdbc);
        admin = WebClient.demoCity(port);
        admin.signIn("admin@demo.city", "demo-password-2026");
        editionsBefore = count("budget_edition") ;
    }

    long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    HttpResponse<String> upload(long process, String content, String... lang) {
        String path = "/admin/budgets/import" + (lang.length > 0 ? "?lang=" + lang[0] : "");
        return admin.upload(path, path, List.of(pair("process", Long.toString(process))), "file", "test.pb", "text/plain",
            content.getBytes(StandardCharsets.UTF_8));
    }

    void nothingStored() {
        assertThat(count("budget_edition")).isEqualTo(editionsBefore);
    }

    @Test
    void aMalformedFileIsRefusedNamingTheLineInTheAdminsLanguage() {
        HttpResponse<String> english = upload(data.emptyProcess(), GOOD.formatted("abc"));
        HttpResponse<String> french = upload(data.emptyProcess(), GOOD.formatted("abc"), "fr");
        admin.get("/admin/budgets/import?lang=en"); // the language is the account's preference: give it back

        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("Nothing was imported").contains("The file could not be read. Line 17:")
            .contains("is not a number");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body()).contains("Le fichier n’a pas pu être lu. Ligne 17");
        nothingStored();
    }

    @Test
    void absurdCostsAndBudgetsAreRefused() {
        HttpResponse<String> threeDecimals = upload(data.emptyProcess(), GOOD.formatted("1.125"));
        HttpResponse<String> huge = upload(data.emptyProcess(), GOOD.formatted("1000000000000000000000"));
        HttpResponse<String> budget = upload(data.emptyProcess(), GOOD.formatted("40").replace("budget;100", "budget;0"));

        assertThat(threeDecimals.statusCode()).isEqualTo(400);
        assertThat(threeDecimals.body()).contains("The cost 1.125 of project p2 is not possible");
        assertThat(huge.statusCode()).isEqualTo(400);
        assertThat(budget.statusCode()).isEqualTo(400);
        assertThat(budget.body()).contains("The budget 0 is not possible");
        nothingStored();
    }

    @Test
    void aProcessThatAlreadyHasABudgetOrDoesNotExistIsRefused() {
        long process = data.emptyProcess();
        assertThat(upload(process, GOOD.formatted("40")).statusCode()).isEqualTo(302);
        editionsBefore = count("budget_edition");
        long ballots = count("budget_ballot");

        HttpResponse<String> second = upload(process, GOOD.formatted("40"));
        HttpResponse<String> unknown = upload(999_999_999L, GOOD.formatted("40"));
        HttpResponse<String> notANumber = admin.upload("/admin/budgets/import", "/admin/budgets/import",
            List.of(pair("process", "twelve")), "file", "test.pb", "text/plain", GOOD.formatted("40").getBytes(StandardCharsets.UTF_8));

        assertThat(second.statusCode()).isEqualTo(409);
        assertThat(second.body()).contains("This process already has a budget.");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("There is no published process with this number");
        assertThat(notANumber.statusCode()).isEqualTo(400);
        assertThat(notANumber.body()).contains("Choose one of the published processes.");
        nothingStored();
        assertThat(count("budget_ballot")).isEqualTo(ballots);
    }

    @Test
    void scoringBallotsAreRefused() {
        String scoring = GOOD.formatted("40").replace("vote_type;approval", "vote_type;scoring")
            .replace("voter_id;vote", "voter_id;vote;points").replace("1;p1\n", "1;p1;-2\n").replace("2;p1,p2\n", "2;p1,p2;1,1\n")
            .replace("3;p2\n", "3;p2;3\n");

        HttpResponse<String> response = upload(data.emptyProcess(), scoring);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("scoring ballots");
        nothingStored();
    }

    @Test
    void aMillionVotersAreRefusedBeforeTheFileIsParsed() throws Exception {
        StringBuilder file = new StringBuilder(GOOD.formatted("40").replace("num_votes;3", "num_votes;1000003"));
        for (int voter = 4; voter <= 1_000_003; voter++) {
            file.append(voter).append(";p1\n");
        }
        long ballots = count("budget_ballot");

        HttpResponse<String> response = upload(data.emptyProcess(), file.toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("The file has more than 250,000 ballots");
        nothingStored();
        assertThat(count("budget_ballot")).isEqualTo(ballots);
    }

    @Test
    void aFileOf500MegabytesIsRefusedByTheUploadLimitWithTheTranslated413Page() {
        HttpVisitor visitor = new HttpVisitor("localhost", port);
        visitor.signIn("admin@demo.city", "demo-password-2026");

        HttpVisitor.RawAnswer answer = visitor.announceUpload("/admin/budgets/import", "/admin/budgets/import", 500L * 1024 * 1024);

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.continued()).isFalse();
        assertThat(answer.body()).contains("The file is too large");
        nothingStored();
    }
}
