package org.baraza.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.Cookie;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.TestMunicipalities;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Every error answers in the shell, in the resident's language, with a 4xx for the client's mistakes. */
@IntegrationTest
class ErrorPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    WebApplicationContext context;

    @Autowired
    TestMunicipalities municipalities;

    /** An admin of Demo City of its own: the language a test picks is remembered in the account. */
    HttpVisitor admin(String language) {
        HttpVisitor visitor = new HttpVisitor("localhost", port);
        visitor.signIn(municipalities.account(municipalities.demoCity(), Role.ADMIN), TestMunicipalities.PASSWORD);
        visitor.get("/?lang=" + language);
        return visitor;
    }

    @Test
    void aPageThatDoesNotExistIsATranslated404InTheShell() {
        HttpResponse<String> english = admin("en").get("/admin/nothing-here");
        HttpResponse<String> arabic = admin("ar").get("/admin/nothing-here");

        assertThat(english.statusCode()).isEqualTo(404);
        assertThat(english.body()).contains("<h1>Page not found</h1>").contains("class=\"skip-link\"")
            .doesNotContain("Whitelabel");
        assertThat(arabic.statusCode()).isEqualTo(404);
        assertThat(arabic.body()).contains("lang=\"ar\"").contains("dir=\"rtl\"").contains("الصفحة غير موجودة");
    }

    @Test
    void theLanguageMenuOfAnErrorPageLinksToTheFailedPageNotToTheErrorPath() {
        HttpResponse<String> page = admin("en").get("/admin/nothing-here");

        assertThat(page.body()).contains("href=\"/admin/nothing-here?lang=fr\"").doesNotContain("/error?lang");
    }

    @Test
    void aWrongTypeInTheAddressIsATranslated400() {
        HttpResponse<String> english = admin("en").get("/admin/districts/abc");
        HttpResponse<String> french = admin("fr").get("/admin/districts/abc");

        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("We could not use what was sent");
        assertThat(french.statusCode()).isEqualTo(400);
        assertThat(french.body()).contains("lang=\"fr\"").doesNotContain("We could not use what was sent");
    }

    @Test
    void aMissingParameterIsA400() {
        HttpVisitor admin = admin("es");

        HttpResponse<String> response = admin.submit("/admin/roles", "/admin/roles/grant", Map.of("role", "STAFF"));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("lang=\"es\"");
    }

    @Test
    void aForbiddenPageIsATranslated403() {
        HttpResponse<String> response = admin("sw").get("/platform");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("lang=\"sw\"").doesNotContain("You cannot do this");
    }

    @Test
    void aWrongMethodIsATranslated405() {
        HttpVisitor admin = admin("pt");
        String token = admin.csrfToken("/admin/districts");

        HttpResponse<String> response = admin.post("/admin", Map.of("_csrf", token));

        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.body()).contains("lang=\"pt\"").contains("Este endereço não pode ser usado desta forma");
    }

    @Test
    void aMalformedUploadIsA400AndAnOversizedOneATranslated413() {
        HttpVisitor admin = admin("ar");
        String token = admin.csrfToken("/admin/districts");

        HttpResponse<String> malformed = admin.post("/admin/districts/import?_csrf=" + token, Map.of(),
            "Content-Type", "multipart/form-data; boundary=nothing-follows");
        HttpResponse<String> oversized = admin.upload("/admin/districts", "/admin/districts/import", "file", "big.geojson",
            new byte[22 * 1024 * 1024]);

        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(oversized.statusCode()).isEqualTo(413);
        assertThat(oversized.body()).contains("dir=\"rtl\"").contains("الملف كبير جدًا").contains("20");
    }

    /**
     * 429 (sign-in brake) and 500 cannot be provoked on purpose, so the error path is called the way
     * the servlet container forwards to it, with the status and the failed address as attributes.
     */
    @Test
    void tooManyRequestsAndServerErrorPagesAreTranslated() throws Exception {
        MockMvc mvc = MockMvcBuilders.webAppContextSetup(context).build();
        for (int status : new int[] {429, 500, 413, 405, 403, 404, 400}) {
            for (String language : new String[] {"en", "fr", "es", "pt", "sw", "ar"}) {
                String html = mvc.perform(get("/error").cookie(new Cookie("baraza-lang", language))
                        .requestAttr(RequestDispatcher.ERROR_STATUS_CODE, status)
                        .requestAttr(RequestDispatcher.ERROR_REQUEST_URI, "/somewhere"))
                    .andExpect(status().is(status))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
                assertThat(html).as(status + " " + language).contains("lang=\"" + language + "\"")
                    .contains("<h1>").doesNotContain("??");
                if (!language.equals("en")) {
                    assertThat(html).as(status + " " + language).doesNotContain("Go to the home page");
                }
            }
        }
    }

    @Test
    void theErrorPathAskedForDirectlyIsA404() {
        HttpResponse<String> response = new HttpVisitor("localhost", port).get("/error");

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.body()).contains("Page not found");
    }

    @Test
    void everyErrorPageTemplateIsTranslatedIntoEveryLanguage() {
        for (String language : new String[] {"fr", "es", "pt", "sw", "ar"}) {
            HttpVisitor visitor = admin(language);
            for (String path : new String[] {"/admin/nothing-here", "/admin/districts/abc", "/platform"}) {
                HttpResponse<String> response = visitor.get(path);
                assertThat(response.statusCode()).as(language + " " + path).isBetween(400, 499);
                assertThat(response.body()).as(language + " " + path).contains("lang=\"" + language + "\"")
                    .doesNotContain("Page not found", "We could not use what was sent", "You cannot do this",
                        "Go to the home page");
            }
        }
    }
}
