package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.baraza.IntegrationTest;
import org.baraza.participation.ProcessId;
import org.baraza.participation.ProposalId;
import org.baraza.participation.ProposalStatus;
import org.baraza.participation.Proposals;
import org.baraza.platform.AccountDeleted;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Making, changing, withdrawing and supporting proposals over HTTP, as residents do it, and what is refused. */
@IntegrationTest
class ProposalsIT {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;
    @Autowired
    Proposals proposals;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transaction;

    TestCity city;
    long process;
    String base;

    @BeforeEach
    void city() {
        city = TestCity.create(jdbc, directory);
        process = city.process("CREATE_PROPOSALS", "SUPPORT");
        base = "/processes/" + process + "/proposals";
    }

    private Resident as(String login) {
        return new Resident(city, port).signIn(login);
    }

    private static Map<String, String> fields(String title) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("title", title);
        fields.put("summary", "Plant shade trees along Market Street.");
        fields.put("body", "The street is **too hot** in the afternoon.\n\n- twenty trees\n- benches");
        fields.put("district", "north");
        fields.put("latitude", "-0.42");
        fields.put("longitude", "36.95");
        fields.put("imageAlt", "");
        return fields;
    }

    private HttpResponse<String> create(Resident resident, Map<String, String> fields, Resident.Upload... files) {
        return resident.submitMultipart(base, base, fields, files);
    }

    private long proposalCount() {
        return jdbc.sql("SELECT count(*) FROM proposal WHERE organization_id = :org").param("org", city.id.value())
            .query(Long.class).single();
    }

    private long created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow().replaceFirst("\\?.*$", "");
        assertThat(location).contains(base + "/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    @Test
    void unverifiedResidentIsRefusedTheFormAndTheSubmission() {
        Resident resident = as(city.account());
        HttpResponse<String> form = resident.get(base + "/new");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("Only verified residents can make and support proposals.");

        HttpResponse<String> submitted = create(resident, fields("Unverified idea"));
        assertThat(submitted.statusCode()).isEqualTo(403);
        assertThat(proposalCount()).isZero();
    }

    @Test
    void proposalsAreRefusedWithAMessageWhenThePhaseTakesNone() {
        long supportsOnly = city.process("SUPPORT");
        Resident resident = as(city.verifiedResident());
        String other = "/processes/" + supportsOnly + "/proposals";
        HttpResponse<String> form = resident.get(other + "/new");
        assertThat(form.statusCode()).isEqualTo(403);
        assertThat(form.body()).contains("Proposals are not being taken in this phase of the process.");
        HttpResponse<String> submitted = resident.submitMultipart(base, other, fields("Too late"));
        assertThat(submitted.statusCode()).isEqualTo(403);
        assertThat(proposalCount()).isZero();
        assertThat(resident.get(other).body()).contains("Proposals are not being taken in this phase of the process.");
    }

    @Test
    void verifiedResidentPublishesAProposalWithoutThePhotosHiddenMetadata() {
        long category = city.category("Parks and trees");
        String author = city.verifiedResident();
        Resident resident = as(author);
        Map<String, String> fields = fields("Shade trees on Market Street");
        fields.put("category", Long.toString(category));
        fields.put("imageAlt", "A sunny street without trees");
        long id = created(create(resident, fields,
            new Resident.Upload("image", "street.jpg", "image/jpeg", TestFiles.jpegWithGps()),
            new Resident.Upload("documents", "../../etc/plan\u202Efdp.exe.pdf", "application/pdf", TestFiles.pdf())));

        byte[] stored = jdbc.sql("SELECT image FROM proposal WHERE id = :id").param("id", id).query(byte[].class).single();
        assertThat(TestFiles.contains(stored, "GPSLatitude")).isFalse();
        assertThat(TestFiles.contains(stored, "Exif")).isFalse();
        assertThat(TestFiles.contains(stored, "CAM-8842")).isFalse();

        HttpResponse<String> page = resident.get(base + "/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Shade trees on Market Street", "<strong>too hot</strong>", "<li>twenty trees</li>",
            "North Side", "Parks and trees", "alt=\"A sunny street without trees\"", "You follow this proposal");
        assertThat(proposals.find(city.id, new ProposalId(id)).orElseThrow().status()).isEqualTo(ProposalStatus.OPEN);
        assertThat(jdbc.sql("SELECT count(*) FROM proposal_follow WHERE proposal_id = :id AND account_id = :account")
            .param("id", id).param("account", city.accountId(author)).query(Long.class).single()).isEqualTo(1);

        HttpResponse<byte[]> image = resident.getBytes(base + "/" + id + "/image");
        assertThat(image.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("image/jpeg");
        assertThat(image.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");

        long document = jdbc.sql("SELECT id FROM proposal_document WHERE proposal_id = :id").param("id", id).query(Long.class).single();
        HttpResponse<byte[]> pdf = resident.getBytes(base + "/" + id + "/documents/" + document);
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElseThrow()).isEqualTo("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;")
            .doesNotContain("/", "\u202E");
        assertThat(pdf.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(pdf.body()).isEqualTo(TestFiles.pdf());
    }

    @Test
    void authorEditsWithinTheWindowButNotAfterIt() {
        String author = city.verifiedResident();
        Resident resident = as(author);
        long id = created(create(resident, fields("First title")));
        String path = base + "/" + id;

        HttpResponse<String> edited = resident.submitMultipart(path + "/edit", path, fields("Better title"));
        assertThat(edited.statusCode()).isEqualTo(302);
        assertThat(title(id)).isEqualTo("Better title");

        jdbc.sql("UPDATE proposal SET created_at = now() - interval '61 minutes' WHERE id = :id").param("id", id).update();
        String token = resident.csrf(path);
        HttpResponse<String> form = resident.get(path + "/edit");
        assertThat(form.statusCode()).isEqualTo(409);
        assertThat(form.body()).contains("can no longer be changed");
        Map<String, String> late = fields("Too late title");
        late.put("_csrf", token);
        assertThat(resident.postMultipart(path, late).statusCode()).isEqualTo(409);
        assertThat(title(id)).isEqualTo("Better title");
    }

    @Test
    void editingStopsAtTheFirstSupportAndOnlyTheAuthorEdits() {
        Resident author = as(city.verifiedResident());
        long id = created(create(author, fields("Bus shelter")));
        String path = base + "/" + id;

        Resident someoneElse = as(city.verifiedResident());
        Map<String, String> hijack = fields("Hijacked");
        hijack.put("_csrf", someoneElse.csrf(path));
        assertThat(someoneElse.postMultipart(path, hijack).statusCode()).isEqualTo(403);

        assertThat(someoneElse.submit(path, path + "/support", Map.of()).statusCode()).isEqualTo(302);
        assertThat(author.submitMultipart(path, path, fields("Changed after support")).statusCode()).isEqualTo(409);
        assertThat(title(id)).isEqualTo("Bus shelter");
        assertThat(author.get(path).body()).doesNotContain("Change your proposal");
    }

    @Test
    void withdrawnProposalStaysVisibleAndTakesNoMoreSupports() {
        Resident author = as(city.verifiedResident());
        long id = created(create(author, fields("Night market")));
        String path = base + "/" + id;
        Resident supporter = as(city.verifiedResident());
        assertThat(supporter.submit(path, path + "/support", Map.of()).statusCode()).isEqualTo(302);

        assertThat(supporter.submit(path, path + "/withdraw", Map.of()).statusCode()).isEqualTo(403);
        assertThat(author.submit(path, path + "/withdraw", Map.of()).statusCode()).isEqualTo(302);

        HttpResponse<String> page = supporter.get(path);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Night market", "Its author withdrew this proposal", "Supports: 1");
        Resident late = as(city.verifiedResident());
        HttpResponse<String> refused = late.submit(path, path + "/support", Map.of());
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("This proposal was withdrawn by its author.");
        assertThat(supports(id)).isEqualTo(1);
        assertThat(resident().get(base).body()).doesNotContain("Night market");
        assertThat(resident().get(base + "?status=withdrawn").body()).contains("Night market");
    }

    private Resident resident() {
        return new Resident(city, port);
    }

    @Test
    void twoHundredConcurrentSupportsByOnePersonCountOnce() throws Exception {
        Resident author = as(city.verifiedResident());
        long id = created(create(author, fields("Street lights")));
        String path = base + "/" + id;
        Resident supporter = as(city.verifiedResident());
        String token = supporter.csrf(path);

        ExecutorService pool = Executors.newFixedThreadPool(200);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            statuses.add(pool.submit(() -> {
                start.await();
                return supporter.post(path + "/support", Map.of("_csrf", token)).statusCode();
            }));
        }
        start.countDown();
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();

        assertThat(answered).allMatch(status -> status == 302);
        assertThat(jdbc.sql("SELECT count(*) FROM proposal_support WHERE proposal_id = :id").param("id", id)
            .query(Long.class).single()).isEqualTo(1);
        assertThat(supports(id)).isEqualTo(1);
    }

    @Test
    void proposalQualifiesAtTheThresholdAndStaysQualified() {
        city.threshold(process, "20");
        String first = city.verifiedResident();
        String second = city.verifiedResident();
        Resident author = as(city.verifiedResident());
        city.census(7);
        long id = created(create(author, fields("Clean water point")));
        String path = base + "/" + id;
        // 10 people in the census: 20 % of them is 2 supports
        assertThat(author.get(path).body()).contains("A proposal qualifies with 2 supports (20 % of the census).");

        as(first).submit(path, path + "/support", Map.of());
        assertThat(qualified(id)).isFalse();
        Resident secondSupporter = as(second);
        secondSupporter.submit(path, path + "/support", Map.of());
        assertThat(qualified(id)).isTrue();
        assertThat(proposals.qualified(city.id, new ProcessId(process))).extracting(summary -> summary.id().value())
            .containsExactly(id);

        secondSupporter.submit(path, path + "/unsupport", Map.of());
        assertThat(supports(id)).isEqualTo(1);
        assertThat(qualified(id)).isTrue();
        assertThat(author.get(path).body()).contains("reached its threshold of supports");
    }

    @Test
    void supportIsTakenBackWhileSupportsAreOpenAndRefusedOnceTheyClose() {
        Resident author = as(city.verifiedResident());
        long id = created(create(author, fields("Footbridge")));
        String path = base + "/" + id;
        Resident supporter = as(city.verifiedResident());
        supporter.submit(path, path + "/support", Map.of());
        assertThat(supporter.get(path).body()).contains("You support this proposal.", "Take back my support");
        assertThat(supporter.submit(path, path + "/unsupport", Map.of()).statusCode()).isEqualTo(302);
        assertThat(supports(id)).isZero();

        jdbc.sql("UPDATE process_phase SET actions = '{CREATE_PROPOSALS}' WHERE process_id = :process")
            .param("process", process).update();
        HttpResponse<String> refused = supporter.submit(path, path + "/support", Map.of());
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).contains("Supports are not being taken in this phase of the process.");
        assertThat(supports(id)).isZero();

        Resident unverified = as(city.account());
        jdbc.sql("UPDATE process_phase SET actions = '{SUPPORT}' WHERE process_id = :process").param("process", process).update();
        HttpResponse<String> notVerified = unverified.submit(path, path + "/support", Map.of());
        assertThat(notVerified.statusCode()).isEqualTo(403);
        assertThat(notVerified.body()).contains("Only verified residents");
    }

    @Test
    void anotherMunicipalitysProposalIsNotFound() {
        Resident author = as(city.verifiedResident());
        long id = created(create(author, fields("Local only")));
        TestCity elsewhere = TestCity.create(jdbc, directory);
        Resident stranger = new Resident(elsewhere, port);
        assertThat(stranger.get(base + "/" + id).statusCode()).isEqualTo(404);
        assertThat(stranger.get(base).statusCode()).isEqualTo(404);
        HttpResponse<String> api = stranger.get("/api/v1/proposals/" + id);
        assertThat(api.statusCode()).isEqualTo(404);
        assertThat(api.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(proposals.find(elsewhere.id, new ProposalId(id))).isEmpty();
    }

    @Test
    void missingCsrfTokenIsForbiddenAndStoresNothing() {
        Resident resident = as(city.verifiedResident());
        assertThat(resident.postMultipart(base, fields("No token")).statusCode()).isEqualTo(403);
        assertThat(proposalCount()).isZero();
        long id = created(create(resident, fields("With token")));
        Resident supporter = as(city.verifiedResident());
        assertThat(supporter.post(base + "/" + id + "/support", Map.of()).statusCode()).isEqualTo(403);
        assertThat(supports(id)).isZero();
    }

    @Test
    void deletedAuthorsProposalStaysAsAFormerResidents() {
        String login = city.verifiedResident();
        Resident author = as(login);
        long id = created(create(author, fields("Library hours")));
        long account = city.accountId(login);
        transaction.executeWithoutResult(status -> events.publishEvent(new AccountDeleted(city.id, account)));
        assertThat(jdbc.sql("SELECT author_account_id IS NULL FROM proposal WHERE id = :id").param("id", id)
            .query(Boolean.class).single()).isTrue();
        assertThat(resident().get(base + "/" + id).body()).contains("A former resident");
    }

    private String title(long id) {
        return jdbc.sql("SELECT title FROM proposal WHERE id = :id").param("id", id).query(String.class).single();
    }

    private int supports(long id) {
        return jdbc.sql("SELECT supports FROM proposal WHERE id = :id").param("id", id).query(Integer.class).single();
    }

    private boolean qualified(long id) {
        return jdbc.sql("SELECT qualified_at IS NOT NULL FROM proposal WHERE id = :id").param("id", id).query(Boolean.class).single();
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
