package org.baraza.participation.proposals;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baraza.IntegrationTest;
import org.baraza.participation.ProposalId;
import org.baraza.participation.Proposals;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Finding proposals: full-text search in any of the languages, filters, orders, pages, the map and the JSON API. */
@IntegrationTest
class ProposalSearchIT {

    private static final Pattern LISTED = Pattern.compile("<h3><a href=\"/processes/\\d+/proposals/(\\d+)\">");
    private static final Pattern API_ID = Pattern.compile("\\{\"id\":(\\d+),\"title\"");

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;
    @Autowired
    Proposals proposals;

    TestCity city;
    long process;
    String base;
    String author;

    @BeforeEach
    void city() {
        city = TestCity.create(jdbc, directory);
        process = city.process("CREATE_PROPOSALS", "SUPPORT");
        base = "/processes/" + process + "/proposals";
        author = city.verifiedResident();
    }

    private long proposal(String title, String body) {
        return city.proposal(process, author, title, "Summary of " + title, body, null, null, null, null);
    }

    private List<Long> listed(String html) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = LISTED.matcher(html);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private List<Long> apiIds(String json) {
        List<Long> ids = new ArrayList<>();
        Matcher matcher = API_ID.matcher(json);
        while (matcher.find()) {
            ids.add(Long.parseLong(matcher.group(1)));
        }
        return ids;
    }

    private List<Long> search(String q) {
        return listed(new Resident(city, port).get(base + "?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8)).body());
    }

    @Test
    void searchFindsWordsWhetherTypedWithAccentsOrWithout() {
        long school = proposal("Réparer la fontaine de l’École Sainte-Thérèse", "Les élèves n’ont pas d’eau potable.");
        long market = proposal("Mercado con más sombra", "Árboles en la plaza São João.");
        proposal("Bus stop benches", "Somewhere to sit while waiting.");

        assertThat(search("ecole therese")).containsExactly(school);
        assertThat(search("ÉCOLE")).containsExactly(school);
        assertThat(search("fontain")).as("a word's beginning finds it").containsExactly(school);
        assertThat(search("eleves potable")).as("words of the body").containsExactly(school);
        assertThat(search("arboles sao joao")).containsExactly(market);
        assertThat(search("mas")).containsExactly(market);
        assertThat(search("nothing like this")).isEmpty();
        assertThat(search("'; DROP TABLE proposal; --")).isEmpty();
        assertThat(search("a & b | !c :* (")).isEmpty();
    }

    @Test
    void searchFindsArabicAndKiswahiliText() {
        long garden = proposal("حديقة جديدة للأطفال في الحي", "نريد مكانًا آمنًا للعب.");
        long water = proposal("Maji safi kwa shule ya msingi", "Wanafunzi wanahitaji maji ya kunywa.");
        assertThat(search("حديقة")).containsExactly(garden);
        assertThat(search("للأطفال")).containsExactly(garden);
        assertThat(search("آمن")).as("a word's beginning").containsExactly(garden);
        assertThat(search("maji shule")).containsExactly(water);
        HttpResponse<String> api = new Resident(city, port).get("/api/v1/processes/" + process + "/proposals?q="
            + java.net.URLEncoder.encode("حديقة", java.nio.charset.StandardCharsets.UTF_8));
        assertThat(apiIds(api.body())).containsExactly(garden);
        assertThat(api.body()).contains("\"sort\":\"relevance\"");
    }

    @Test
    void filtersNarrowByCategoryDistrictAndStatus() {
        long parks = city.category("Parks");
        long roads = city.category("Roads");
        long a = city.proposal(process, author, "Park north", "s", "b", parks, "north", null, null);
        long b = city.proposal(process, author, "Road north", "s", "b", roads, "north", null, null);
        long c = city.proposal(process, author, "Park south", "s", "b", parks, "south", null, null);
        long d = city.proposal(process, author, "Withdrawn park", "s", "b", parks, "south", null, null);
        jdbc.sql("UPDATE proposal SET withdrawn_at = now() WHERE id = :id").param("id", d).update();
        jdbc.sql("UPDATE proposal SET qualified_at = now(), supports = 5 WHERE id = :id").param("id", c).update();
        long hidden = city.proposal(process, author, "Hidden park", "s", "b", parks, "north", null, null);
        jdbc.sql("UPDATE proposal SET hidden_at = now(), hidden_reason = 'Insults a neighbour.' WHERE id = :id").param("id", hidden).update();

        Resident visitor = new Resident(city, port);
        assertThat(listed(visitor.get(base + "?category=" + parks).body())).containsExactlyInAnyOrder(a, c);
        assertThat(listed(visitor.get(base + "?district=north").body())).containsExactlyInAnyOrder(a, b);
        assertThat(listed(visitor.get(base + "?category=" + parks + "&district=south").body())).containsExactly(c);
        assertThat(listed(visitor.get(base + "?status=qualified").body())).containsExactly(c);
        assertThat(listed(visitor.get(base + "?status=open").body())).containsExactlyInAnyOrder(a, b);
        assertThat(listed(visitor.get(base + "?status=withdrawn").body())).containsExactly(d);
        assertThat(listed(visitor.get(base).body())).containsExactlyInAnyOrder(a, b, c);
        assertThat(listed(visitor.get(base + "?category=999999&district=atlantis&status=bogus&sort=worst").body()))
            .as("unknown values are ignored by the pages").containsExactlyInAnyOrder(a, b, c);

        String api = "/api/v1/processes/" + process + "/proposals";
        assertThat(apiIds(visitor.get(api + "?category=" + parks + "&status=qualified").body())).containsExactly(c);
        assertThat(apiIds(visitor.get(api + "?status=withdrawn").body())).containsExactly(d);
        HttpResponse<String> hiddenOne = visitor.get("/api/v1/proposals/" + hidden);
        assertThat(hiddenOne.statusCode()).isEqualTo(200);
        assertThat(hiddenOne.body()).contains("\"status\":\"hidden\"", "Insults a neighbour.").doesNotContain("Hidden park");
        assertThat(visitor.get(base + "/" + hidden).body()).contains("A moderator hid this proposal", "Insults a neighbour.")
            .doesNotContain("Hidden park");
        assertThat(visitor.get("/api/v1/proposals/" + d).body()).contains("\"status\":\"withdrawn\"", "\"withdrawnAt\"");
        assertThat(proposals.find(city.id, new ProposalId(hidden)).orElseThrow().title()).isEqualTo("Hidden park");
    }

    @Test
    void ordersByMostSupportedAndNewest() {
        long first = proposal("First", "b");
        long second = proposal("Second", "b");
        long third = proposal("Third", "b");
        jdbc.sql("UPDATE proposal SET supports = 7 WHERE id = :id").param("id", second).update();
        jdbc.sql("UPDATE proposal SET supports = 3 WHERE id = :id").param("id", first).update();
        Resident visitor = new Resident(city, port);
        assertThat(listed(visitor.get(base + "?sort=supports").body())).containsExactly(second, first, third);
        assertThat(listed(visitor.get(base + "?sort=newest").body())).containsExactly(third, second, first);
    }

    @Test
    void randomOrderIsStableForOneVisitorAndDiffersBetweenVisitors() {
        List<Long> all = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            all.add(proposal("Idea " + i, "b"));
        }
        Resident amina = new Resident(city, port);
        Resident baraka = new Resident(city, port);
        List<Long> aminaFirst = listed(amina.get(base).body());
        List<Long> aminaAgain = listed(amina.get(base).body());
        List<Long> barakaFirst = listed(baraka.get(base).body());
        assertThat(aminaFirst).hasSize(ProposalQuery.PAGE_SIZE).isEqualTo(aminaAgain);
        assertThat(barakaFirst).hasSize(ProposalQuery.PAGE_SIZE).isNotEqualTo(aminaFirst);
        assertThat(aminaFirst).as("not simply the oldest first").isNotEqualTo(all.subList(0, ProposalQuery.PAGE_SIZE));

        // the pages of one visitor's order cover every proposal once, even for a visitor without cookies
        String page = amina.get(base).body();
        List<Long> seen = new ArrayList<>(listed(page));
        Resident cookieless = new Resident(city, port);
        String next = nextLink(page);
        while (next != null) {
            String html = cookieless.get(next).body();
            seen.addAll(listed(html));
            next = nextLink(html);
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(all);
    }

    private static String nextLink(String html) {
        Matcher matcher = Pattern.compile("<a href=\"([^\"]+)\" rel=\"next\"").matcher(html);
        return matcher.find() ? matcher.group(1).replace("&amp;", "&") : null;
    }

    @Test
    void apiRefusesUnknownParametersWithAProblemInTheClientsLanguage() {
        Resident client = new Resident(city, port);
        String api = "/api/v1/processes/" + process + "/proposals";
        for (String query : new String[] {"?status=lost", "?sort=worst", "?page=0", "?size=1000", "?category=abc",
            "?district=atlantis", "?seed=-4", "?q=" + "x".repeat(201)}) {
            HttpResponse<String> response = client.get(api + query);
            assertThat(response.statusCode()).as(query).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }
        HttpResponse<String> french = client.get(api + "?sort=worst", "Accept-Language", "fr");
        assertThat(french.body()).contains("Paramètre invalide", "Le paramètre « sort » doit valoir");
        assertThat(client.get("/api/v1/processes/999999999/proposals").statusCode()).isEqualTo(404);
        assertThat(client.get("/api/v1/proposals/not-a-number").statusCode()).isEqualTo(404);
    }

    @Test
    void apiPagesCarryTheirLinksAndTheSeed() {
        for (int i = 0; i < 25; i++) {
            proposal("Item " + i, "b");
        }
        Resident client = new Resident(city, port);
        String first = client.get("/api/v1/processes/" + process + "/proposals?size=10&seed=42").body();
        assertThat(first).contains("\"total\":25", "\"size\":10", "\"seed\":\"42\"", "\"next\":");
        Matcher next = Pattern.compile("\"next\":\"([^\"]+)\"").matcher(first);
        assertThat(next.find()).isTrue();
        String second = client.get(next.group(1)).body();
        assertThat(apiIds(second)).hasSize(10).doesNotContainAnyElementsOf(apiIds(first));
        assertThat(client.get("/api/v1/proposal-categories").statusCode()).isEqualTo(200);
    }

    @Test
    void mapPageListsLocatedProposalsWithoutJavaScript() {
        long located = city.proposal(process, author, "Fix the well", "s", "b", null, "north", -0.42, 36.95);
        proposal("Nowhere in particular", "b");
        Resident visitor = new Resident(city, port);
        HttpResponse<String> map = visitor.get(base + "/map");
        assertThat(map.statusCode()).isEqualTo(200);
        assertThat(map.body()).contains("Fix the well", "-0.42", "36.95", "<table", "hidden", "/vendor/leaflet/leaflet.js",
            "data-districts=\"/api/v1/districts\"").doesNotContain("Nowhere in particular", "http://", "https://");
        HttpResponse<String> points = visitor.get("/api/v1/processes/" + process + "/proposals/points");
        assertThat(points.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/geo+json");
        assertThat(points.body()).contains("\"type\":\"FeatureCollection\"", "\"coordinates\":[36.95,-0.42]",
            "\"href\":\"" + base + "/" + located + "\"").doesNotContain("Nowhere");
    }
}
