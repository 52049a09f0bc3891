package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Officers at a booth: residents voting on the officer's device or on paper, and paper sheets entered after closing. */
@IntegrationTest
class BoothAndPaperBudgetIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Electorate electorate;
    BudgetEditions editions;
    OrganizationId demoCity;
    Electorate.Resident officerAccount;
    WebClient officer;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        editions = new BudgetEditions(jdbc);
        demoCity = electorate.demoCity();
        officerAccount = electorate.unverified(demoCity);
        electorate.grant(officerAccount, "OFFICER");
        officer = WebClient.demoCity(port);
        officer.signIn(officerAccount.login(), Electorate.PASSWORD);
    }

    @Test
    void anOfficerFindsAResidentWhoVotesOnTheOfficersDeviceAndOnlyWhoWasMarkedIsAudited() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        Electorate.Resident resident = electorate.verified(demoCity, "northgate");

        HttpResponse<String> found = officer.submit(edition.booth(), edition.booth() + "/find",
            List.of(pair("booth", "Market Hall"), pair("login", resident.login())));
        assertThat(found.statusCode()).isEqualTo(200);
        assertThat(found.body()).contains("May vote now.", "Vote on this device");
        HttpResponse<String> form = officer.submit(edition.booth(), edition.booth() + "/ballot-form",
            List.of(pair("booth", "Market Hall"), pair("account", Long.toString(resident.accountId()))));
        assertThat(form.body()).contains("Northgate playground", "name=\"project\"");

        HttpResponse<String> bad = officer.submit(edition.booth(), edition.booth() + "/ballot", List.of(pair("booth", "Market Hall"),
            pair("account", Long.toString(resident.accountId())), pair("project", edition.project("library")),
            pair("project", edition.project("bikes")), pair("project", edition.project("trees"))));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("choose at most 2 projects");
        HttpResponse<String> cast = officer.submit(edition.booth(), edition.booth() + "/ballot", List.of(pair("booth", "Market Hall"),
            pair("account", Long.toString(resident.accountId())), pair("project", edition.project("playground"))));

        assertThat(cast.statusCode()).isEqualTo(200);
        assertThat(cast.body()).contains("Please hand the device back to the officer.");
        assertThat(cast.headers().allValues("Set-Cookie")).noneMatch(cookie -> cookie.startsWith("budget-receipt"));
        OnlineBudgetBallotIT.receipt(cast);
        assertThat(jdbc.sql("SELECT channel || '/' || booth || '/' || officer_account_id || '/' || (change_key IS NULL) FROM budget_voter_roll WHERE edition_id = :e")
            .param("e", edition.id()).query(String.class).single())
            .isEqualTo("BOOTH/Market Hall/" + officerAccount.accountId() + "/true");
        String details = jdbc.sql("SELECT details FROM audit_entry WHERE action = 'budget.voter.marked' AND target = :t")
            .param("t", "budget-edition:" + edition.id()).query(String.class).single();
        assertThat(details).contains(Long.toString(resident.accountId()), "BOOTH")
            .doesNotContain(edition.project("playground"));
        assertThat(editions.ballots(edition)).isEqualTo(1);
    }

    @Test
    void aResidentMarkedForPaperCannotAlsoVoteOnline() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        Electorate.Resident resident = electorate.verified(demoCity, "market");

        HttpResponse<String> marked = officer.submit(edition.booth(), edition.booth() + "/paper",
            List.of(pair("booth", "Library"), pair("account", Long.toString(resident.accountId()))));
        assertThat(marked.statusCode()).isEqualTo(200);
        assertThat(marked.body()).contains("Marked as voting on paper.");
        assertThat(officer.submit(edition.booth(), edition.booth() + "/paper",
            List.of(pair("booth", "Library"), pair("account", Long.toString(resident.accountId())))).statusCode()).isEqualTo(409);

        WebClient online = WebClient.demoCity(port);
        online.signIn(resident.login(), Electorate.PASSWORD);
        assertThat(online.get(edition.ballot()).body()).contains("You have voted on paper.");
        assertThat(online.submit(edition.ballot(), edition.ballot(), List.of(pair("project", edition.project("library"))))
            .statusCode()).isEqualTo(409);
        assertThat(editions.ballots(edition)).isZero();
        assertThat(editions.roll(edition)).isEqualTo(1);
    }

    @Test
    void aPersonNotFoundOrABoothWithoutANameIsATranslatedError() {
        BudgetEditions.Made edition = editions.in(demoCity).create();

        HttpResponse<String> unknown = officer.submit(edition.booth(), edition.booth() + "/find",
            List.of(pair("booth", "Hall"), pair("login", "nobody@nowhere.example")));
        HttpResponse<String> noBooth = officer.submit(edition.booth(), edition.booth() + "/find",
            List.of(pair("booth", ""), pair("login", "x@y.example")));

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("No account has this login here.");
        assertThat(noBooth.statusCode()).isEqualTo(400);
        assertThat(noBooth.body()).contains("Name the booth, in at most 80 characters.");
    }

    @Test
    void paperSheetsWaitUntilVotingHasClosed() {
        BudgetEditions.Made edition = editions.in(demoCity).create();

        HttpResponse<String> page = officer.get(edition.paper());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Paper sheets are entered once voting has closed.");
        String token = officer.csrfToken(edition.paper());
        HttpResponse<String> early = officer.post(edition.paper(), List.of(pair("heading", edition.heading("city")),
            pair("project", edition.project("library")), pair("_csrf", token)));

        assertThat(early.statusCode()).isEqualTo(409);
        assertThat(editions.ballots(edition)).isZero();
    }

    @Test
    void aPaperSheetIsEnteredAfterClosingUnderTheSameRulesWithNoReceipt() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).voting(BudgetEditions.Voting.CLOSED).create();

        HttpResponse<String> bad = officer.submit(edition.paper(), edition.paper(), List.of(pair("heading", edition.heading("city")),
            pair("project", edition.project("library")), pair("project", edition.project("playground"))));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("Northgate playground is a project of Northgate, where you do not vote.");
        assertThat(editions.ballots(edition)).isZero();

        HttpResponse<String> entered = officer.submit(edition.paper(), edition.paper(), List.of(pair("heading", edition.heading("city")),
            pair("project", edition.project("library")), pair("project", edition.project("trees"))));
        assertThat(entered.statusCode()).isEqualTo(302);
        assertThat(officer.get(edition.paper()).body()).contains("The sheet was entered.", "1 sheets have been entered");
        assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot WHERE edition_id = :e AND receipt_hash IS NULL")
            .param("e", edition.id()).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'budget.paper.entered' AND target = :t")
            .param("t", "budget-edition:" + edition.id()).query(String.class).single()).contains("sheets").doesNotContain(edition.project("library"));
    }

    @Test
    void aCsvOfSheetsIsImportedWholeOrNotAtAll() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).voting(BudgetEditions.Voting.CLOSED).create();
        String city = edition.heading("city");
        String north = edition.heading("north");
        String bad = "heading,projects\n" + city + "," + edition.project("library") + "\n"
            + city + "," + edition.project("library") + "," + edition.project("bikes") + "," + edition.project("trees") + "\n"
            + north + "," + edition.project("library") + "\n"
            + "x,1\n"
            + city + ",abc\n";

        HttpResponse<String> refused = upload(edition, bad.getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("The file was not imported", "Line 3:", "In City-wide, choose at most 2 projects: you chose 3.",
            "Line 4:", "Library hours is a project of City-wide, where you do not vote.", "Line 5:",
            "The line must start with the number of a heading.", "Line 6:", "Write each project as its number, not abc.");
        assertThat(editions.ballots(edition)).isZero();

        String good = city + "," + edition.project("library") + "," + edition.project("trees") + "\r\n"
            + north + "," + edition.project("lights") + "\r\n" + north + "\r\n";
        HttpResponse<String> imported = upload(edition, good.getBytes(StandardCharsets.UTF_8));
        assertThat(imported.statusCode()).isEqualTo(302);
        assertThat(officer.get(edition.paper()).body()).contains("3 sheets were imported.");
        assertThat(editions.ballots(edition)).isEqualTo(3);
        assertThat(editions.choices(edition)).isEqualTo(3);
        assertThat(editions.headingsOutOfStepWithChoices(edition)).isZero();
        assertThat(editions.headingChoices(edition)).hasSize(3).contains(List.of());
        assertThat(jdbc.sql("SELECT details FROM audit_entry WHERE action = 'budget.paper.imported' AND target = :t")
            .param("t", "budget-edition:" + edition.id()).query(String.class).single()).contains("3");
    }

    @Test
    void aCsvOverTenMegabytesOrNotUtf8IsRefusedWithATranslatedMessage() {
        BudgetEditions.Made edition = editions.in(demoCity).voting(BudgetEditions.Voting.CLOSED).create();
        byte[] huge = new byte[10 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) '1');

        HttpResponse<String> tooLarge = upload(edition, huge);
        HttpResponse<String> latin1 = upload(edition, (edition.heading("city") + ",\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.body()).contains("The file is larger than 10 MB.");
        assertThat(latin1.statusCode()).isEqualTo(400);
        assertThat(latin1.body()).contains("The file cannot be read as UTF-8 text.");
        assertThat(editions.ballots(edition)).isZero();
    }

    @Test
    void noSheetIsTakenOnceResultsArePublished() {
        BudgetEditions.Made edition = editions.in(demoCity).voting(BudgetEditions.Voting.CLOSED).create();
        editions.publish(edition);

        HttpResponse<String> refused = upload(edition, (edition.heading("city") + "," + edition.project("library") + "\n")
            .getBytes(StandardCharsets.UTF_8));

        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("The results are published: no more ballots can be added.");
        assertThat(editions.ballots(edition)).isZero();
    }

    private HttpResponse<String> upload(BudgetEditions.Made edition, byte[] bytes) {
        return officer.upload(edition.paper(), edition.paper() + "/import", List.of(), "file", "sheets.csv", "text/csv", bytes);
    }
}
