package org.baraza.budgeting.ballots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A resident casts, checks and replaces a budget ballot through the real pages, and bad ballots store nothing. */
@IntegrationTest
class OnlineBudgetBallotIT {

    static final Pattern RECEIPT = Pattern.compile("<code>([0-9A-Z]{4}(?:-[0-9A-Z]{4}){4})</code>");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Electorate electorate;
    BudgetEditions editions;
    OrganizationId demoCity;

    @BeforeEach
    void setUp() {
        electorate = new Electorate(jdbc);
        editions = new BudgetEditions(jdbc);
        demoCity = electorate.demoCity();
    }

    WebClient signedIn(Electorate.Resident resident) {
        WebClient client = WebClient.demoCity(port);
        client.signIn(resident.login(), Electorate.PASSWORD);
        return client;
    }

    static String receipt(HttpResponse<String> response) {
        Matcher matcher = RECEIPT.matcher(response.body());
        assertThat(matcher.find()).as("a receipt code on the page (status %s)", response.statusCode()).isTrue();
        return matcher.group(1);
    }

    static List<WebClient.Field> projects(BudgetEditions.Made edition, String... names) {
        List<WebClient.Field> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(pair("project", edition.project(name)));
        }
        return fields;
    }

    @Test
    void aVerifiedResidentCastsOneBallotAndGetsAReceiptShownOnce() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));

        HttpResponse<String> page = resident.get(edition.ballot());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Library hours", "Northgate playground", "name=\"project\"")
            .doesNotContain("A bridge to the moon", "Withdrawn idea");

        HttpResponse<String> cast = resident.submit(edition.ballot(), edition.ballot(), projects(edition, "library", "playground"));

        assertThat(cast.statusCode()).isEqualTo(200);
        assertThat(cast.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
        String code = receipt(cast);
        assertThat(editions.ballots(edition)).isEqualTo(1);
        assertThat(editions.roll(edition)).isEqualTo(1);
        assertThat(editions.choices(edition)).isEqualTo(2);
        assertThat(jdbc.sql("SELECT count(*) FROM budget_ballot_heading WHERE edition_id = :e").param("e", edition.id())
            .query(Long.class).single()).as("city-wide and northgate headings").isEqualTo(2);
        assertThat(jdbc.sql("SELECT channel FROM budget_voter_roll WHERE edition_id = :e").param("e", edition.id())
            .query(String.class).single()).isEqualTo("ONLINE");
        assertThat(resident.get(edition.ballot()).body()).contains("You have voted online.", "Change my ballot").doesNotContain(code);
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session_attributes WHERE position(convert_to(:t, 'UTF8') IN attribute_bytes) > 0")
            .param("t", code).query(Long.class).single()).as("receipt not in the session").isZero();
    }

    @Test
    void badBallotsAreRefusedWithATranslatedMessageAndNothingIsStored() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        BudgetEditions.Made other = editions.in(demoCity).approval(2).create();
        BudgetEditions.Made hilltown = editions.in(electorate.hilltown()).approval(2).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "riverside"));

        record Case(String what, List<WebClient.Field> fields, String message) {
        }
        List<Case> cases = List.of(
            new Case("over the maximum", projects(edition, "library", "bikes", "trees"), "In City-wide, choose at most 2 projects: you chose 3."),
            new Case("a project of a heading the voter does not vote in", projects(edition, "playground"),
                "Northgate playground is a project of Northgate, where you do not vote."),
            new Case("a project of another edition", projects(other, "library"), "is not on this ballot"),
            new Case("a project of another municipality", projects(hilltown, "library"), "is not on this ballot"),
            new Case("an unfeasible project", projects(edition, "unfeasible"), "is not on this ballot"),
            new Case("a withdrawn project", projects(edition, "withdrawn"), "is not on this ballot"),
            new Case("the same project twice", projects(edition, "library", "library"), "You chose Library hours more than once."),
            new Case("letters for a project", List.of(pair("project", "1 OR 1=1")), "Project 1 OR 1=1 is not on this ballot."),
            new Case("script for a project", List.of(pair("project", "<script>alert(1)</script>")), "is not on this ballot"),
            new Case("a huge number", List.of(pair("project", "99999999999999999999999")), "is not on this ballot"),
            new Case("nothing chosen", List.of(), "Choose at least one project."));

        for (Case bad : cases) {
            HttpResponse<String> response = resident.submit(edition.ballot(), edition.ballot(), bad.fields());
            assertThat(response.statusCode()).as(bad.what()).isEqualTo(400);
            assertThat(response.body()).as(bad.what()).contains("There is a problem").contains(bad.message())
                .doesNotContain("<script>alert(1)</script>");
        }
        assertThat(editions.ballots(edition) + editions.roll(edition)).isZero();
        assertThat(resident.submit(edition.ballot(), edition.ballot(), projects(edition, "library")).statusCode())
            .as("a good ballot after the bad ones").isEqualTo(200);
    }

    @Test
    void aKnapsackBallotOverTheBudgetShowsTheRunningTotalAndKeepsTheChoices() {
        BudgetEditions.Made edition = editions.in(demoCity).knapsack(0).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));

        HttpResponse<String> response = resident.submit(edition.ballot(), edition.ballot(),
            projects(edition, "library", "bikes", "trees", "playground"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("In City-wide, your projects cost 1,200, more than the budget of 1,000.",
            "Your projects cost 1,200.00 of the budget of 1,000.00.", "Your projects cost 200.00 of the budget of 500.00.");
        assertThat(checked(response.body())).containsExactlyInAnyOrder(edition.project("library"), edition.project("bikes"),
            edition.project("trees"), edition.project("playground"));
        assertThat(editions.ballots(edition)).isZero();
    }

    @Test
    void cumulativeAndRankedBallotsAreCastWithPointsAndRanks() {
        BudgetEditions.Made cumulative = editions.in(demoCity).cumulative(5, 3).create();
        BudgetEditions.Made ranked = editions.in(demoCity).ranked(2).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));

        HttpResponse<String> tooMany = resident.submit(cumulative.ballot(), cumulative.ballot(), List.of(
            pair("points-" + cumulative.project("library"), "3"), pair("points-" + cumulative.project("bikes"), "3")));
        assertThat(tooMany.statusCode()).isEqualTo(400);
        assertThat(tooMany.body()).contains("In City-wide, you gave 6 points: you have 5.");
        HttpResponse<String> gap = resident.submit(ranked.ballot(), ranked.ballot(), List.of(pair("rank-" + ranked.project("library"), "2")));
        assertThat(gap.statusCode()).isEqualTo(400);
        assertThat(gap.body()).contains("In City-wide, ranks start at 1 and follow each other without gaps.");

        assertThat(resident.submit(cumulative.ballot(), cumulative.ballot(), List.of(pair("points-" + cumulative.project("library"), "3"),
            pair("points-" + cumulative.project("bikes"), "2"), pair("points-" + cumulative.project("lights"), "1"))).statusCode())
            .isEqualTo(200);
        assertThat(resident.submit(ranked.ballot(), ranked.ballot(), List.of(pair("rank-" + ranked.project("trees"), "1"),
            pair("rank-" + ranked.project("library"), "2"))).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT sum(points) FROM budget_ballot_choice WHERE edition_id = :e").param("e", cumulative.id())
            .query(Long.class).single()).isEqualTo(6);
        assertThat(jdbc.sql("SELECT project_id FROM budget_ballot_choice WHERE edition_id = :e ORDER BY rank").param("e", ranked.id())
            .query(Long.class).list()).containsExactly(ranked.projects().get("trees"), ranked.projects().get("library"));
        // results read each heading's choices as one array, in rank order on a ranked ballot
        // (and the district heading the voter took part in without ranking anything there)
        assertThat(editions.headingChoices(ranked))
            .containsExactlyInAnyOrder(List.of(ranked.projects().get("trees"), ranked.projects().get("library")), List.of());
        assertThat(editions.headingsOutOfStepWithChoices(ranked)).isZero();
        assertThat(editions.headingsOutOfStepWithChoices(cumulative)).isZero();
    }

    @Test
    void aVoterOfOneHeadingOfTheirChoiceVotesInThatHeadingOnly() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).oneOfChoice().create();
        WebClient resident = signedIn(electorate.verified(demoCity, "riverside"));

        HttpResponse<String> mixed = resident.submit(edition.ballot(), edition.ballot(), List.of(pair("heading", edition.heading("north")),
            pair("project", edition.project("playground")), pair("project", edition.project("library"))));
        assertThat(mixed.statusCode()).isEqualTo(400);
        assertThat(mixed.body()).contains("Library hours is a project of City-wide, where you do not vote.");

        assertThat(resident.submit(edition.ballot(), edition.ballot(), List.of(pair("heading", edition.heading("north")),
            pair("project", edition.project("playground")))).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT heading_id FROM budget_ballot_heading WHERE edition_id = :e").param("e", edition.id())
            .query(Long.class).list()).containsExactly(edition.headings().get("north"));
    }

    @Test
    void aMessageIsInTheResidentsLanguage() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(1).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));
        resident.get(edition.ballot() + "?lang=fr");

        HttpResponse<String> response = resident.submit(edition.ballot(), edition.ballot(), projects(edition, "library", "bikes"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Il y a un problème", "Dans City-wide, choisissez au plus 1 projets : vous en avez choisi 2.");
        resident.get(edition.ballot() + "?lang=en");
    }

    @Test
    void aReplayedFormIsRefusedAndNothingMoreIsStored() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "market"));
        List<WebClient.Field> form = new ArrayList<>(projects(edition, "library"));
        form.add(pair("_csrf", resident.csrfToken(edition.ballot())));

        assertThat(resident.post(edition.ballot(), form).statusCode()).isEqualTo(200);
        HttpResponse<String> replay = resident.post(edition.ballot(), form);

        assertThat(replay.statusCode()).isEqualTo(409);
        assertThat(replay.body()).contains("This person has already voted in this budget.");
        assertThat(editions.ballots(edition)).isEqualTo(1);
        assertThat(editions.roll(edition)).isEqualTo(1);
    }

    @Test
    void aBallotWithoutCsrfTokenIsRefusedAndNothingIsStored() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "market"));

        assertThat(resident.post(edition.ballot(), projects(edition, "library")).statusCode()).isEqualTo(403);
        assertThat(editions.ballots(edition) + editions.roll(edition)).isZero();
    }

    @Test
    void noBallotIsTakenOutsideTheVotingPhaseOrOnceResultsArePublished() {
        BudgetEditions.Made closed = editions.in(demoCity).voting(BudgetEditions.Voting.CLOSED).create();
        BudgetEditions.Made later = editions.in(demoCity).voting(BudgetEditions.Voting.LATER).create();
        BudgetEditions.Made published = editions.in(demoCity).create();
        editions.publish(published);
        WebClient resident = signedIn(electorate.verified(demoCity, "market"));

        for (BudgetEditions.Made edition : List.of(closed, later, published)) {
            assertThat(resident.get(edition.ballot()).body()).contains("Voting in this budget is not open now.");
            HttpResponse<String> refused = resident.submit(edition.ballot(), edition.ballot(), projects(edition, "library"));
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(refused.body()).contains("Voting in this budget is not open now.");
            assertThat(editions.ballots(edition) + editions.roll(edition)).isZero();
        }
    }

    @Test
    void onlyVerifiedResidentsOldEnoughMayVote() {
        BudgetEditions.Made edition = editions.in(demoCity).minimumAge(16).create();
        WebClient unverified = signedIn(electorate.unverified(demoCity));
        WebClient young = signedIn(electorate.verified(demoCity, "market", LocalDate.now().minusYears(15)));

        HttpResponse<String> notVerified = unverified.submit(edition.ballot(), edition.ballot(), projects(edition, "library"));
        HttpResponse<String> tooYoung = young.submit(edition.ballot(), edition.ballot(), projects(edition, "library"));

        assertThat(notVerified.statusCode()).isEqualTo(403);
        assertThat(notVerified.body()).contains("Only residents verified against the census can vote.");
        assertThat(tooYoung.statusCode()).isEqualTo(403);
        assertThat(tooYoung.body()).contains("You are not old enough to vote in this budget.");
        assertThat(editions.ballots(edition) + editions.roll(edition)).isZero();
    }

    @Test
    void aVoterReplacesTheirOnlineBallotWithItsReceiptAndAWrongReceiptChangesNothing() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));
        String first = receipt(resident.submit(edition.ballot(), edition.ballot(), projects(edition, "library")));

        List<WebClient.Field> wrong = new ArrayList<>(projects(edition, "bikes"));
        wrong.add(pair("receipt", BudgetReceipt.issue().code()));
        HttpResponse<String> refused = resident.submit(edition.change(), edition.change(), wrong);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("That receipt code is not the one of your current ballot. Nothing was changed.");
        assertThat(chosen(edition)).containsExactly(edition.projects().get("library"));

        List<WebClient.Field> right = new ArrayList<>(projects(edition, "bikes", "lights"));
        right.add(pair("receipt", first.toLowerCase().replace("-", " ")));
        HttpResponse<String> replaced = resident.submit(edition.change(), edition.change(), right);
        assertThat(replaced.statusCode()).isEqualTo(200);
        assertThat(replaced.body()).contains("Your ballot was replaced");
        String second = receipt(replaced);
        assertThat(second).isNotEqualTo(first);
        assertThat(editions.ballots(edition)).isEqualTo(1);
        assertThat(editions.roll(edition)).isEqualTo(1);
        assertThat(chosen(edition)).containsExactlyInAnyOrder(edition.projects().get("bikes"), edition.projects().get("lights"));

        List<WebClient.Field> stale = new ArrayList<>(projects(edition, "trees"));
        stale.add(pair("receipt", first));
        assertThat(resident.submit(edition.change(), edition.change(), stale).statusCode()).as("the old receipt no longer counts")
            .isEqualTo(400);
        WebClient anyone = WebClient.demoCity(port);
        assertThat(anyone.submit(edition.receipts(), edition.receipts(), List.of(pair("code", first))).body())
            .contains("No ballot in the box has this receipt.");
        assertThat(anyone.submit(edition.receipts(), edition.receipts(), List.of(pair("code", second))).body())
            .contains("Your ballot is in the box.");
    }

    @Test
    void theReceiptCanBeKeptInAStrictHttpOnlyCookieOfThisEditionToPrefillTheChangeForm() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "northgate"));
        List<WebClient.Field> form = new ArrayList<>(projects(edition, "library"));
        form.add(pair("keep", "yes"));

        HttpResponse<String> cast = resident.submit(edition.ballot(), edition.ballot(), form);
        String code = receipt(cast);
        String cookie = cast.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("budget-receipt=")).findFirst()
            .orElseThrow();

        assertThat(cookie).contains("budget-receipt=" + code, "Path=/budgets/" + edition.id(), "HttpOnly", "SameSite=Strict")
            .doesNotContain("Secure");
        assertThat(resident.get(edition.change()).body()).contains("value=\"" + code + "\"",
            "Filled in from the receipt kept on this device.");
        assertThat(resident.get("/budgets/" + edition.id()).statusCode()).isLessThan(500);
    }

    @Test
    void aBoothVoterCannotReplaceTheirBallotOnline() {
        BudgetEditions.Made edition = editions.in(demoCity).approval(2).create();
        Electorate.Resident person = electorate.verified(demoCity, "northgate");
        jdbc.sql("""
                INSERT INTO budget_voter_roll (organization_id, edition_id, account_id, channel, voted_on, booth, officer_account_id)
                VALUES (:org, :e, :a, 'BOOTH', current_date, 'Market Hall', :a)""")
            .param("org", demoCity.value()).param("e", edition.id()).param("a", person.accountId()).update();
        WebClient resident = signedIn(person);

        List<WebClient.Field> form = new ArrayList<>(projects(edition, "library"));
        form.add(pair("receipt", BudgetReceipt.issue().code()));
        HttpResponse<String> refused = resident.submit(edition.change(), edition.change(), form);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Only a ballot cast online can be changed");
        assertThat(editions.ballots(edition)).isZero();
    }

    @Test
    void receiptsArePublishedOnceVotingHasClosedAndABadCodeIsRefused() {
        BudgetEditions.Made open = editions.in(demoCity).create();
        BudgetEditions.Made closed = editions.in(demoCity).voting(BudgetEditions.Voting.CLOSED).create();
        BudgetReceipt receipt = BudgetReceipt.issue();
        jdbc.sql("INSERT INTO budget_ballot (organization_id, edition_id, receipt_hash) VALUES (:org, :e, :h)")
            .param("org", demoCity.value()).param("e", closed.id()).param("h", receipt.ballotHash(closed.id())).update();
        WebClient anyone = WebClient.demoCity(port);

        assertThat(anyone.get(open.receipts()).body()).contains("The list of all receipts is published when voting closes.");
        HttpResponse<String> list = anyone.get(closed.receipts());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains("All 1 receipts", BudgetReceipt.fingerprint(receipt.ballotHash(closed.id())));
        HttpResponse<String> bad = anyone.submit(closed.receipts(), closed.receipts(), List.of(pair("code", "<b>nope</b>")));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("A receipt code has 20 letters and digits");
        HttpResponse<String> json = anyone.get("/api/v1/budgets/" + closed.id() + "/receipts");
        assertThat(json.statusCode()).isEqualTo(200);
        assertThat(json.body()).contains(java.util.HexFormat.of().formatHex(receipt.ballotHash(closed.id())), "\"total\":1");
        assertThat(anyone.get("/api/v1/budgets/" + open.id() + "/receipts").statusCode()).isEqualTo(409);
        assertThat(anyone.get("/api/v1/budgets/" + closed.id() + "/receipts?page=abc").statusCode()).isEqualTo(400);
        assertThat(anyone.get("/budgets/999999999/receipts").statusCode()).isEqualTo(404);
        assertThat(anyone.get("/budgets/abc/receipts").statusCode()).isEqualTo(404);
    }

    @Test
    void anEditionOfAnUnpublishedProcessOrAnotherMunicipalityIsNotFound() {
        BudgetEditions.Made unpublished = editions.in(demoCity).create();
        jdbc.sql("UPDATE participatory_process SET published = false WHERE id = :p").param("p", unpublished.process()).update();
        BudgetEditions.Made hilltown = editions.in(electorate.hilltown()).create();
        WebClient resident = signedIn(electorate.verified(demoCity, "market"));

        assertThat(resident.get(unpublished.ballot()).statusCode()).isEqualTo(404);
        assertThat(resident.get(unpublished.receipts()).statusCode()).isEqualTo(404);
        assertThat(resident.get(hilltown.ballot()).statusCode()).isEqualTo(404);
        assertThat(resident.get("/budgets/0/ballot").statusCode()).isEqualTo(404);
        assertThat(resident.get("/budgets/x'--/ballot/change").statusCode()).isIn(400, 404);
    }

    private List<Long> chosen(BudgetEditions.Made edition) {
        return jdbc.sql("SELECT project_id FROM budget_ballot_choice WHERE edition_id = :e").param("e", edition.id())
            .query(Long.class).list();
    }

    private static List<String> checked(String html) {
        List<String> values = new ArrayList<>();
        Matcher matcher = Pattern.compile("<input type=\"checkbox\" name=\"project\" value=\"(\\d+)\"[^>]*checked").matcher(html);
        while (matcher.find()) {
            values.add(matcher.group(1));
        }
        return values;
    }
}
