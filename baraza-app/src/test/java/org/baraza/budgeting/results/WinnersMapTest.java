package org.baraza.budgeting.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.baraza.platform.District;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.Test;

class WinnersMapTest {

    static final District SQUARE = new District(1, new OrganizationId(1), "old-town", "Old Town",
        "{\"type\":\"Polygon\",\"coordinates\":[[[36.80,-1.30],[36.82,-1.30],[36.82,-1.28],[36.80,-1.28],[36.80,-1.30]]]}");

    @Test
    void winnersAreNumberedDotsOthersHollowAndTheOutlineIsDrawn() {
        String svg = WinnersMap.svg("map-1", "Map", "2 funded", List.of(SQUARE), List.of(
            new WinnersMap.Dot("1", "Benches", -1.29, 36.81, true),
            new WinnersMap.Dot("", "Skate park", -1.285, 36.815, false)));

        assertThat(svg).startsWith("<svg").contains("role=\"img\"").contains("aria-labelledby=\"map-1-title map-1-desc\"");
        assertThat(svg).contains("<path").contains("<title>1. Benches</title>").contains("<title>Skate park</title>");
        assertThat(svg).contains("fill=\"#1d5f8a\"").contains(">1</text>");
        // the hollow dot comes first, so winners are drawn on top
        assertThat(svg.indexOf("Skate park")).isLessThan(svg.indexOf("Benches"));
    }

    @Test
    void namesAreEscapedAndAMapWithNothingToDrawIsNull() {
        String svg = WinnersMap.svg("m", "<b>", "d", List.of(), List.of(new WinnersMap.Dot("1", "<script>alert(1)</script>", 0, 0, true)));

        assertThat(svg).doesNotContain("<script>").contains("&lt;script&gt;").contains("&lt;b&gt;");
        assertThat(WinnersMap.svg("m", "t", "d", List.of(), List.of())).isNull();
    }

    @Test
    void aMultiPolygonDrawsEachOuterRing() {
        District islands = new District(2, new OrganizationId(1), "islands", "Islands", "{\"type\":\"MultiPolygon\",\"coordinates\":["
            + "[[[0,0],[1,0],[1,1],[0,0]]],[[[2,2],[3,2],[3,3],[2,2]],[[2.1,2.1],[2.2,2.1],[2.2,2.2],[2.1,2.1]]]]}");

        String svg = WinnersMap.svg("m", "t", "d", List.of(islands), List.of());

        assertThat(svg.split("<path", -1)).hasSize(3);
    }
}
