package org.baraza.participation.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.debates.DiscussionCity;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts registered less than a day ago may post only a few contributions a day; older ones are not limited so. */
@IntegrationTest
class NewAccountLimitIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;
    @Value("${baraza.posting.new-account-per-day:3}")
    int perDay;

    DiscussionCity city;
    long debate;

    @BeforeEach
    void city() {
        city = DiscussionCity.create(jdbc, directory, port);
        debate = city.debate(city.account("Author"), "Street lights", false);
    }

    private HttpResponse<String> comment(WebClient client, String body, String query) {
        return client.post("/comments" + query, Map.of("target", "debate:" + debate, "body", body,
            "_csrf", client.csrfToken("/debates/" + debate)));
    }

    private long contributions(long account) {
        return jdbc.sql("""
                SELECT (SELECT count(*) FROM comment WHERE author_account_id = :id)
                     + (SELECT count(*) FROM debate WHERE author_account_id = :id)""")
            .param("id", account).query(Long.class).single();
    }

    @Test
    void aNewAccountReachesItsDailyAllowanceAndGetsATranslated429() {
        String login = city.newAccount("Newcomer");
        WebClient newcomer = city.signedInAs(login);
        for (int i = 0; i < perDay; i++) {
            assertThat(comment(newcomer, "Comment " + i, "").statusCode()).as("comment %d", i + 1).isEqualTo(302);
        }
        HttpResponse<String> refused = comment(newcomer, "One too many", "?lang=fr");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("3600");
        assertThat(refused.body()).contains("Les nouveaux comptes (inscrits il y a moins de 24 heures) peuvent publier au plus "
            + perDay);
        HttpResponse<String> debateRefused = newcomer.post("/debates?lang=en", Map.of("title", "My debate", "body", "Why not?",
            "_csrf", newcomer.csrfToken("/debates/new")));
        assertThat(debateRefused.statusCode()).isEqualTo(429);
        assertThat(debateRefused.body()).contains("New accounts (registered less than 24 hours ago) may publish at most " + perDay);
        assertThat(contributions(city.accountId(login))).isEqualTo(perDay);
    }

    @Test
    void proposalsCountTowardsTheAllowanceToo() {
        String login = city.newAccount("Proposer");
        long process = city.process("CREATE_PROPOSALS", "COMMENT");
        for (int i = 0; i < perDay; i++) {
            city.proposal(process, login);
        }
        HttpResponse<String> refused = comment(city.signedInAs(login), "And a comment", "?lang=en");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.body()).contains("may publish at most " + perDay + " proposals, debates or comments a day");
    }

    @Test
    void theAllowanceCountsTheLastDayOnlyAndOlderAccountsAreNotLimitedByIt() {
        String login = city.newAccount("Yesterday's newcomer");
        long account = city.accountId(login);
        // contributions posted more than a day ago do not count
        for (int i = 0; i < perDay; i++) {
            jdbc.sql("""
                    INSERT INTO comment (organization_id, target_type, target_id, depth, author_account_id, anonymous, body, created_at)
                    VALUES (:org, 'debate', :debate, 0, :account, false, 'Old', now() - interval '25 hours')""")
                .param("org", city.id.value()).param("debate", debate).param("account", account).update();
        }
        assertThat(comment(city.signedInAs(login), "Fresh", "").statusCode()).isEqualTo(302);

        WebClient established = city.signedIn("Established");
        for (int i = 0; i <= perDay; i++) {
            assertThat(comment(established, "Established comment " + i, "").statusCode()).isEqualTo(302);
        }
    }
}
