package org.baraza.platform;

import java.net.HttpCookie;
import java.net.http.HttpResponse;
import javax.sql.DataSource;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sessions live in PostgreSQL, so nodes behind a load balancer are interchangeable: a resident who
 * signed in through one node is signed in on any other, and a node's restart signs nobody out.
 */
@IntegrationTest
class SessionsAcrossNodesIT {

    static final String RESIDENT = "resident@demo.city";
    static final String PASSWORD = "demo-password-2026";

    /** A page only a signed-in resident may see; anyone else is sent to the sign-in page. */
    static final String ACCOUNT_PAGE = "/account";

    @LocalServerPort
    int port;

    @Autowired
    DataSource database;

    @Test
    void signedInOnOneNodeIsSignedInOnTheOtherAndAfterItRestarts() {
        Visitor onFirst = Visitor.ofDemoCity(port);
        assertThat(onFirst.signIn(RESIDENT, PASSWORD).headers().firstValue("Location"))
            .hasValueSatisfying(location -> assertThat(location).doesNotContain("/login"));
        assertSignedIn(onFirst, "first node");
        HttpCookie session = sessionCookie(onFirst);

        try (SecondNode second = SecondNode.start(database)) {
            Visitor onSecond = Visitor.ofDemoCity(second.port());
            assertSignedOut(onSecond, "second node without the cookie");
            onFirst.give(session, onSecond);
            assertSignedIn(onSecond, "second node with the first node's cookie");
        }

        try (SecondNode restarted = SecondNode.start(database)) {
            Visitor afterRestart = Visitor.ofDemoCity(restarted.port());
            onFirst.give(session, afterRestart);
            assertSignedIn(afterRestart, "second node after its restart");
        }
    }

    @Test
    void signingOutOnOneNodeSignsOutEverywhere() {
        try (SecondNode second = SecondNode.start(database)) {
            Visitor onSecond = Visitor.ofDemoCity(second.port());
            onSecond.signIn(RESIDENT, PASSWORD);
            assertSignedIn(onSecond, "second node");
            Visitor onFirst = Visitor.ofDemoCity(port);
            onSecond.give(sessionCookie(onSecond), onFirst);
            assertSignedIn(onFirst, "first node with the second node's cookie");

            HttpResponse<String> signOut = onSecond.submit(ACCOUNT_PAGE, "/logout", java.util.Map.of());
            assertThat(signOut.statusCode()).isEqualTo(302);

            assertSignedOut(onFirst, "first node after signing out on the second");
        }
    }

    private static HttpCookie sessionCookie(Visitor visitor) {
        return visitor.cookie("SESSION").orElseThrow(() -> new AssertionError("no SESSION cookie: are sessions in Spring Session?"));
    }

    private static void assertSignedIn(Visitor visitor, String where) {
        HttpResponse<String> page = visitor.get(ACCOUNT_PAGE);
        assertThat(page.statusCode()).as("%s: %s answers", where, ACCOUNT_PAGE).isEqualTo(200);
    }

    private static void assertSignedOut(Visitor visitor, String where) {
        HttpResponse<String> page = visitor.get(ACCOUNT_PAGE);
        assertThat(page.statusCode()).as("%s: %s answers", where, ACCOUNT_PAGE).isEqualTo(302);
        assertThat(page.headers().firstValue("Location")).as(where)
            .hasValueSatisfying(location -> assertThat(location).contains("/login"));
    }
}
