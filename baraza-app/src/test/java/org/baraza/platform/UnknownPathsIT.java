package org.baraza.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A path nothing answers is a translated 404 for everyone; paths that exist keep their access rules. */
@IntegrationTest
class UnknownPathsIT {

    @LocalServerPort
    int port;

    @Test
    void anAnonymousVisitorAskingForAnUnknownPathGetsTheNotFoundPage() {
        Visitor visitor = Visitor.ofDemoCity(port);
        for (String path : new String[] {"/no-such-page", "/admin/no-such-page", "/processes-typo", "/account/nothing/here"}) {
            HttpResponse<String> answer = visitor.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(404);
            assertThat(answer.body()).as(path).contains("Page not found");
        }
        Visitor french = Visitor.ofDemoCity(port);
        french.get("/?lang=fr");
        assertThat(french.get("/no-such-page").body()).contains("Page introuvable");
    }

    @Test
    void pathsThatExistStillAskAnonymousVisitorsToSignIn() {
        Visitor visitor = Visitor.ofDemoCity(port);
        for (String path : new String[] {"/account", "/admin", "/moderation", "/debates/new"}) {
            HttpResponse<String> answer = visitor.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(302);
            assertThat(answer.headers().firstValue("Location").orElse("")).as(path).endsWith("/login");
        }
        // a path that exists for another method is not "unknown": the access rules decide it
        HttpResponse<String> postOnly = visitor.get("/moderation/comment/1/hide");
        assertThat(postOnly.statusCode()).isEqualTo(302);
    }

    @Test
    void aSignedInResidentAlsoGetsTheNotFoundPageAndAPostWithoutTokenIsStillRefused() {
        Visitor resident = Visitor.ofDemoCity(port);
        assertThat(resident.signIn("resident@demo.city", "demo-password-2026").statusCode()).isEqualTo(302);
        assertThat(resident.get("/no-such-page").statusCode()).isEqualTo(404);
        assertThat(Visitor.ofDemoCity(port).post("/no-such-page", Map.of("x", "y")).statusCode()).isEqualTo(403);
    }
}
