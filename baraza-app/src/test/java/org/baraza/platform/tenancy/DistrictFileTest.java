package org.baraza.platform.tenancy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.baraza.platform.tenancy.DistrictRegister.ImportProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DistrictFileTest {

    static final String SQUARE = "[[[36.0,-1.0],[36.1,-1.0],[36.1,-0.9],[36.0,-0.9],[36.0,-1.0]]]";

    static String feature(String code, String name, String geometryType, String coordinates) {
        return """
            {"type":"Feature","properties":{"code":%s,"name":%s},"geometry":{"type":"%s","coordinates":%s}}"""
            .formatted(code, name, geometryType, coordinates);
    }

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static DistrictFile.Read read(String text) {
        return DistrictFile.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> keys(DistrictFile.Read read) {
        return read.problems().stream().map(p -> p.feature() + ":" + p.messageKey()).toList();
    }

    @Test
    void polygonsAndMultiPolygonsWithCodeAndNameAreRead() {
        DistrictFile.Read read = read(collection(
            feature("\"north\"", "\"North\"", "Polygon", SQUARE),
            feature("\"south\"", "\"  South  \"", "MultiPolygon", "[" + SQUARE + ",[[[37,-1],[37.1,-1],[37.1,-0.9],[37,-1]]]]"),
            feature("7", "\"Ward 7\"", "Polygon", SQUARE.replace("36.", "38."))));
        assertThat(read.problems()).isEmpty();
        assertThat(read.shapes()).extracting(DistrictFile.Shape::code).containsExactly("north", "south", "7");
        assertThat(read.shapes().get(1).name()).isEqualTo("South");
        assertThat(read.shapes().get(1).geometry().getNumGeometries()).isEqualTo(2);
    }

    @Test
    void aPolygonWithAHoleIsRead() {
        DistrictFile.Read read = read(collection(feature("\"a\"", "\"A\"", "Polygon",
            "[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]")));
        assertThat(read.problems()).isEmpty();
    }

    @Test
    void textThatIsNotJsonIsRefusedWithItsLine() {
        DistrictFile.Read read = read("{\"type\":\"FeatureCollection\",\n\"features\": [ nonsense ]}");
        assertThat(keys(read)).containsExactly("0:districts.import.notJson");
        assertThat(read.problems().get(0).arguments().get(0)).isEqualTo(2);
    }

    @Test
    void brokenUtf8IsRefusedAsNotJson() {
        byte[] bytes = "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"X\u00e9\"}}]}"
            .getBytes(StandardCharsets.ISO_8859_1);
        DistrictFile.Read read = DistrictFile.read(new ByteArrayInputStream(bytes));
        assertThat(keys(read)).contains("0:districts.import.notJson");
        assertThat(read.shapes()).isEmpty();
    }

    @Test
    void aFileThatIsNotAFeatureCollectionIsRefused() {
        assertThat(keys(read("{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}")))
            .containsExactly("0:districts.import.notFeatureCollection");
        assertThat(keys(read("[1,2,3]"))).containsExactly("0:districts.import.notFeatureCollection");
        assertThat(keys(read("{\"type\":\"FeatureCollection\",\"features\":[]}"))).containsExactly("0:districts.import.noFeatures");
    }

    @Test
    void aSelfIntersectingPolygonIsRefusedWithTheFeatureNumberAndPlace() {
        DistrictFile.Read read = read(collection(
            feature("\"ok\"", "\"Fine\"", "Polygon", SQUARE),
            feature("\"bowtie\"", "\"Bow tie\"", "Polygon", "[[[0,0],[10,10],[10,0],[0,10],[0,0]]]")));
        assertThat(keys(read)).containsExactly("2:districts.import.selfIntersection");
        assertThat(read.problems().get(0).arguments()).containsExactly("5.000000", "5.000000");
        assertThat(read.shapes()).isEmpty();
    }

    @Test
    void anUnclosedRingIsRefused() {
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", "[[[0,0],[1,0],[1,1],[0,1]]]")))))
            .containsExactly("1:districts.import.unclosed");
    }

    @Test
    void aRingWithTooFewPointsIsRefused() {
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", "[[[0,0],[1,0],[0,0]]]")))))
            .containsExactly("1:districts.import.tooFewPoints");
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", "[[[0,0],[0,0],[0,0],[0,0]]]")))))
            .containsExactly("1:districts.import.tooFewPoints");
    }

    @Test
    void coordinatesOutOfRangeOrInfiniteAreRefused() {
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", "[[[0,0],[200,0],[1,1],[0,0]]]")))))
            .containsExactly("1:districts.import.outOfRange");
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", "[[[0,0],[1e999,0],[1,1],[0,0]]]")))))
            .containsExactly("1:districts.import.outOfRange");
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", "[[[0,0],[\"1\",0],[1,1],[0,0]]]")))))
            .containsExactly("1:districts.import.position");
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", "[[[0,0],[NaN,0],[1,1],[0,0]]]")))))
            .containsExactly("0:districts.import.notJson");
    }

    @Test
    void otherGeometryTypesAreRefused() {
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Point", "[0,0]")))))
            .containsExactly("1:districts.import.geometryType");
        assertThat(keys(read(collection("{\"type\":\"Feature\",\"properties\":{\"code\":\"a\",\"name\":\"A\"},\"geometry\":null}"))))
            .containsExactly("1:districts.import.geometryMissing");
    }

    @Test
    void missingInvalidAndDuplicateCodesAreRefused() {
        DistrictFile.Read read = read(collection(
            feature("null", "\"No code\"", "Polygon", SQUARE),
            feature("\"<script>\"", "\"Bad code\"", "Polygon", SQUARE),
            feature("\"same\"", "\"First\"", "Polygon", SQUARE),
            feature("\"SAME\"", "\"Second\"", "Polygon", SQUARE),
            feature("\"named\"", "\"\"", "Polygon", SQUARE)));
        assertThat(keys(read)).containsExactly("1:districts.import.codeMissing", "2:districts.import.codeInvalid",
            "4:districts.import.codeDuplicate", "5:districts.import.nameMissing");
        assertThat(read.problems().get(2).arguments()).containsExactly("SAME", 3);
    }

    @Test
    void hostileNamesAreKeptAsTextForTheViewToEscape() {
        DistrictFile.Read read = read(collection(feature("\"x\"", "\"<img src=x onerror=alert(1)>'; DROP TABLE district;--\"",
            "Polygon", SQUARE)));
        assertThat(read.shapes().get(0).name()).isEqualTo("<img src=x onerror=alert(1)>'; DROP TABLE district;--");
    }

    @Test
    void onlyTheFirstTenProblemsAreListed() {
        String[] features = new String[25];
        for (int i = 0; i < features.length; i++) {
            features[i] = feature("\"d" + i + "\"", "\"D\"", "Polygon", "[[[0,0],[1,0],[1,1],[0,1]]]");
        }
        DistrictFile.Read read = read(collection(features));
        assertThat(read.problems()).hasSize(10);
        assertThat(read.moreProblems()).isTrue();
        assertThat(read.problems()).extracting(ImportProblem::feature).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    }

    @Test
    void duplicateKeysAndTrailingContentAreRefused() {
        assertThat(keys(read("{\"type\":\"FeatureCollection\",\"type\":\"x\",\"features\":[]}")))
            .contains("0:districts.import.notJson");
        assertThat(keys(read(collection(feature("\"a\"", "\"A\"", "Polygon", SQUARE)) + " {}")))
            .contains("0:districts.import.notJson");
    }

    @Test
    void writtenGeometryReadsBackTheSame() {
        DistrictFile.Read read = read(collection(feature("\"a\"", "\"A\"", "Polygon",
            "[[[0,0],[10,0],[10,10],[0,10],[0,0]],[[2,2],[2,4],[4,4],[4,2],[2,2]]]")));
        String written = DistrictGeoJson.geometry(read.shapes().get(0).geometry());
        DistrictFile.Read again = read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
            + "\"properties\":{\"code\":\"a\",\"name\":\"A\"},\"geometry\":" + written + "}]}");
        assertThat(again.shapes().get(0).geometry().equalsExact(read.shapes().get(0).geometry())).isTrue();
    }

    @Test
    void absurdlyDeepNestingIsRefusedAsNotJsonWithoutExhaustingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);

        assertThat(keys(read("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
            + "{\"code\":\"a\",\"name\":\"A\"},\"geometry\":{\"type\":\"Polygon\",\"coordinates\":" + deep + "}}]}")))
            .containsExactly("0:districts.import.notJson");
    }

    @Test
    void moreThanAThousandFeaturesAreRefused() {
        String[] features = new String[DistrictFile.MAX_FEATURES + 1];
        for (int i = 0; i < features.length; i++) {
            features[i] = feature("\"d" + i + "\"", "\"D\"", "Polygon", SQUARE);
        }

        assertThat(keys(read(collection(features)))).containsExactly("0:districts.import.tooManyFeatures");
    }
}
