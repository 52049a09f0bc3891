package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.baraza.IntegrationTest;
import org.baraza.participation.ProposalId;
import org.baraza.participation.Proposals;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What admins and moderators do to proposals: categories, thresholds, hiding; each step audited. */
@IntegrationTest
class ProposalAdministrationIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;
    @Autowired
    Proposals proposals;

    TestCity city;
    Resident admin;

    @BeforeEach
    void city() {
        city = TestCity.create(jdbc, directory);
        admin = new Resident(city, port).signIn(city.account(Role.ADMIN));
    }

    private long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = :action")
            .param("org", city.id.value()).param("action", action).query(Long.class).single();
    }

    @Test
    void adminAddsRenamesAndRemovesCategoriesAudited() {
        assertThat(admin.submit("/admin/categories", "/admin/categories", Map.of("name", "Parks")).statusCode()).isEqualTo(302);
        HttpResponse<String> twice = admin.submit("/admin/categories", "/admin/categories", Map.of("name", "PARKS"));
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).contains("There is a category of that name already.");
        assertThat(admin.submit("/admin/categories", "/admin/categories", Map.of("name", "")).body()).contains("Enter a name.");
        long parks = jdbc.sql("SELECT id FROM proposal_category WHERE organization_id = :org").param("org", city.id.value())
            .query(Long.class).single();

        assertThat(admin.submit("/admin/categories/" + parks, "/admin/categories/" + parks, Map.of("name", "Parks and gardens"))
            .statusCode()).isEqualTo(302);
        assertThat(admin.get("/admin/categories").body()).contains("Parks and gardens");

        long process = city.process("CREATE_PROPOSALS");
        long used = city.proposal(process, city.verifiedResident(), "Trees", "s", "b", parks, null, null, null);
        HttpResponse<String> inUse = admin.submit("/admin/categories/" + parks, "/admin/categories/" + parks + "/remove", Map.of());
        assertThat(inUse.statusCode()).isEqualTo(409);
        assertThat(inUse.body()).contains("Proposals are filed under this category: it cannot be removed.");
        jdbc.sql("DELETE FROM proposal WHERE id = :id").param("id", used).update();
        assertThat(admin.submit("/admin/categories/" + parks, "/admin/categories/" + parks + "/remove", Map.of()).statusCode())
            .isEqualTo(302);

        assertThat(audited("proposal-category.added")).isEqualTo(1);
        assertThat(audited("proposal-category.renamed")).isEqualTo(1);
        assertThat(audited("proposal-category.removed")).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND details::text LIKE '%Parks%'")
            .param("org", city.id.value()).query(Long.class).single()).as("ids in the log, not names").isZero();
    }

    @Test
    void residentsCannotReachTheAdminPages() {
        Resident resident = new Resident(city, port).signIn(city.verifiedResident());
        assertThat(resident.get("/admin/categories").statusCode()).isEqualTo(403);
        assertThat(new Resident(city, port).get("/admin/categories").statusCode()).isEqualTo(302);
    }

    @Test
    void thresholdIsSetBeforeSupportsOpenAndFrozenAfter() {
        long later = city.process(Instant.now().plus(Duration.ofDays(3)), Instant.now().plus(Duration.ofDays(9)), "SUPPORT");
        String page = "/admin/processes/" + later + "/proposals";
        assertThat(admin.get(page).body()).contains("Support threshold", "value=\"1\"");
        assertThat(admin.submit(page, page, Map.of("percent", "0")).statusCode()).isEqualTo(400);
        assertThat(admin.submit(page, page, Map.of("percent", "101")).statusCode()).isEqualTo(400);
        assertThat(admin.submit(page, page, Map.of("percent", "abc")).body()).contains("Enter a percentage above 0");
        assertThat(admin.submit(page, page, Map.of("percent", "2,5")).statusCode()).isEqualTo(302);
        assertThat(jdbc.sql("SELECT percent::text FROM proposal_threshold WHERE process_id = :p").param("p", later)
            .query(String.class).single()).isEqualTo("2.500");
        assertThat(audited("proposal-threshold.set")).isEqualTo(1);

        long open = city.process("SUPPORT");
        String frozen = "/admin/processes/" + open + "/proposals";
        String token = admin.csrf("/admin/categories");
        HttpResponse<String> refused = admin.post(frozen, Map.of("percent", "5", "_csrf", token));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("Supports have opened in this process: the threshold can no longer change.");
        assertThat(audited("proposal-threshold.set")).isEqualTo(1);
    }

    @Test
    void moderatorHidesAndRestoresAProposalAudited() {
        long process = city.process("SUPPORT");
        long id = city.proposal(process, city.verifiedResident(), "Rude words", "s", "b", null, null, null, null);
        long moderator = city.accountId(city.account(Role.MODERATOR));
        assertThat(proposals.hide(city.id, new ProposalId(id), moderator, "Insults a neighbour.")).isTrue();
        assertThat(proposals.hide(city.id, new ProposalId(id), moderator, "Again")).isFalse();
        assertThat(new Resident(city, port).get("/processes/" + process + "/proposals").body()).doesNotContain("Rude words");
        assertThat(new Resident(city, port).get("/processes/" + process + "/proposals/" + id + "/image").statusCode()).isEqualTo(404);
        assertThat(proposals.restore(city.id, new ProposalId(id), moderator)).isTrue();
        assertThat(new Resident(city, port).get("/processes/" + process + "/proposals").body()).contains("Rude words");
        assertThat(audited("proposal.hidden")).isEqualTo(1);
        assertThat(audited("proposal.restored")).isEqualTo(1);
    }
}
