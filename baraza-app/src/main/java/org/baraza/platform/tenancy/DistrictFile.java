package org.baraza.platform.tenancy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.baraza.platform.tenancy.DistrictRegister.ImportProblem;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GeoJSON FeatureCollection of districts (RFC 7946) and checks every feature before
 * anything is stored: properties {@code code} and {@code name}, a Polygon or MultiPolygon whose
 * rings are closed, have four positions or more, lie within longitude/latitude ranges and form a
 * valid shape by JTS's rules (no self-intersection, holes inside their shell). Features are read
 * one at a time from the stream, so a large file is never held as one tree. Plain Java, no Spring.
 */
final class DistrictFile {

    static final int MAX_FEATURES = 1000;
    static final int MAX_POSITIONS = 250_000;
    static final int MAX_PROBLEMS = 10;
    static final int MAX_NAME = 200;
    /** Codes appear in URLs (/api/v1/districts/{code}), so they are plain: letters, digits, "-", "_", ".". */
    static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    private static final JsonMapper JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    private static final GeometryFactory GEOMETRY = new GeometryFactory(new PrecisionModel(), 4326);

    /** A district as read from the file, its geometry checked. */
    record Shape(String code, String name, Geometry geometry) {
    }

    /** The districts of a file that has no problem, or the first problems of one that has. */
    record Read(List<Shape> shapes, List<ImportProblem> problems, boolean moreProblems) {
        boolean accepted() {
            return problems.isEmpty();
        }
    }

    private final List<Shape> shapes = new ArrayList<>();
    private final List<ImportProblem> problems = new ArrayList<>();
    private final Map<String, Integer> codes = new HashMap<>();
    private boolean moreProblems;
    private int positions;

    private DistrictFile() {
    }

    static Read read(InputStream in) {
        DistrictFile file = new DistrictFile();
        try (JsonParser parser = JSON.createParser(in)) {
            file.parse(parser);
        } catch (JacksonException malformed) {
            TokenStreamLocation at = malformed.getLocation();
            file.problem(0, "districts.import.notJson", at == null ? 0 : at.getLineNr(), at == null ? 0 : at.getColumnNr());
        } catch (TooManyProblems enough) {
            file.moreProblems = true;
        }
        return file.problems.isEmpty()
            ? new Read(List.copyOf(file.shapes), List.of(), false)
            : new Read(List.of(), List.copyOf(file.problems), file.moreProblems);
    }

    private void parse(JsonParser parser) {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            problem(0, "districts.import.notFeatureCollection");
            return;
        }
        String type = null;
        int features = 0;
        boolean featureArray = false;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("type".equals(field)) {
                type = value == JsonToken.VALUE_STRING ? parser.getString() : "";
            } else if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                featureArray = true;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    features++;
                    if (features > MAX_FEATURES) {
                        problem(0, "districts.import.tooManyFeatures", MAX_FEATURES);
                        return;
                    }
                    JsonNode feature = parser.readValueAsTree();
                    feature(features, feature);
                }
            } else {
                parser.skipChildren();
            }
        }
        if (parser.nextToken() != null) {
            TokenStreamLocation at = parser.currentLocation();
            problem(0, "districts.import.notJson", at.getLineNr(), at.getColumnNr());
        }
        if (!"FeatureCollection".equals(type)) {
            problems.add(0, new ImportProblem(0, "districts.import.notFeatureCollection", List.of()));
        } else if (!featureArray || features == 0) {
            problem(0, "districts.import.noFeatures");
        }
    }

    private void feature(int number, JsonNode feature) {
        if (!feature.isObject() || !"Feature".equals(text(feature.get("type")))) {
            problem(number, "districts.import.notFeature");
            return;
        }
        JsonNode properties = feature.get("properties");
        String code = properties != null && properties.isObject() ? scalar(properties.get("code")) : null;
        String name = properties != null && properties.isObject() ? scalar(properties.get("name")) : null;
        boolean fine = true;
        if (code == null || code.isBlank()) {
            problem(number, "districts.import.codeMissing");
            fine = false;
        } else if (!CODE.matcher(code.trim()).matches()) {
            problem(number, "districts.import.codeInvalid", shorten(code));
            fine = false;
        } else {
            code = code.trim();
            Integer first = codes.putIfAbsent(code.toLowerCase(Locale.ROOT), number);
            if (first != null) {
                problem(number, "districts.import.codeDuplicate", code, first);
                fine = false;
            }
        }
        if (name == null || name.isBlank()) {
            problem(number, "districts.import.nameMissing");
            fine = false;
        } else if (name.trim().length() > MAX_NAME || name.chars().anyMatch(Character::isISOControl)) {
            problem(number, "districts.import.nameInvalid", MAX_NAME);
            fine = false;
        }
        Geometry geometry;
        try {
            geometry = geometry(feature.get("geometry"));
        } catch (Refused refused) {
            problem(number, refused.key, refused.arguments);
            return;
        }
        if (fine) {
            shapes.add(new Shape(code, name.trim(), geometry));
        }
    }

    private Geometry geometry(JsonNode geometry) {
        if (geometry == null || !geometry.isObject()) {
            throw new Refused("districts.import.geometryMissing");
        }
        String type = text(geometry.get("type"));
        JsonNode coordinates = geometry.get("coordinates");
        Geometry shape;
        if ("Polygon".equals(type)) {
            shape = polygon(coordinates);
        } else if ("MultiPolygon".equals(type)) {
            if (coordinates == null || !coordinates.isArray() || coordinates.isEmpty()) {
                throw new Refused("districts.import.coordinates");
            }
            Polygon[] polygons = new Polygon[coordinates.size()];
            for (int i = 0; i < polygons.length; i++) {
                polygons[i] = polygon(coordinates.get(i));
            }
            shape = GEOMETRY.createMultiPolygon(polygons);
        } else {
            throw new Refused("districts.import.geometryType", type == null ? "—" : shorten(type));
        }
        TopologyValidationError error = new IsValidOp(shape).getValidationError();
        if (error != null) {
            Coordinate at = error.getCoordinate();
            String lon = at == null ? "?" : String.format(Locale.ROOT, "%.6f", at.x);
            String lat = at == null ? "?" : String.format(Locale.ROOT, "%.6f", at.y);
            throw new Refused(switch (error.getErrorType()) {
                case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
                    "districts.import.selfIntersection";
                case TopologyValidationError.HOLE_OUTSIDE_SHELL, TopologyValidationError.NESTED_HOLES ->
                    "districts.import.holeOutside";
                case TopologyValidationError.TOO_FEW_POINTS -> "districts.import.tooFewPoints";
                default -> "districts.import.invalidShape";
            }, lon, lat);
        }
        return shape;
    }

    private Polygon polygon(JsonNode rings) {
        if (rings == null || !rings.isArray() || rings.isEmpty()) {
            throw new Refused("districts.import.coordinates");
        }
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) {
            holes[i - 1] = ring(rings.get(i));
        }
        return GEOMETRY.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode ring) {
        if (ring == null || !ring.isArray()) {
            throw new Refused("districts.import.coordinates");
        }
        if (ring.size() < 4) {
            throw new Refused("districts.import.tooFewPoints", "?", "?");
        }
        positions += ring.size();
        if (positions > MAX_POSITIONS) {
            throw new Refused("districts.import.tooManyPositions", MAX_POSITIONS);
        }
        Coordinate[] coordinates = new Coordinate[ring.size()];
        for (int i = 0; i < coordinates.length; i++) {
            coordinates[i] = position(ring.get(i));
        }
        if (!coordinates[0].equals2D(coordinates[coordinates.length - 1])) {
            throw new Refused("districts.import.unclosed");
        }
        return GEOMETRY.createLinearRing(coordinates);
    }

    private static Coordinate position(JsonNode position) {
        if (position == null || !position.isArray() || position.size() < 2 || position.size() > 3
            || !position.get(0).isNumber() || !position.get(1).isNumber()) {
            throw new Refused("districts.import.position");
        }
        double lon = position.get(0).asDouble();
        double lat = position.get(1).asDouble();
        if (!Double.isFinite(lon) || !Double.isFinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            throw new Refused("districts.import.outOfRange");
        }
        return new Coordinate(lon, lat);
    }

    private void problem(int feature, String key, Object... arguments) {
        if (problems.size() >= MAX_PROBLEMS) {
            throw new TooManyProblems();
        }
        problems.add(new ImportProblem(feature, key, List.of(arguments)));
    }

    private static String text(JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    /** A property value as text: a string, or a whole number (many datasets number their districts). */
    private static String scalar(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isString()) {
            return node.asString();
        }
        if (node.isIntegralNumber()) {
            return node.asString();
        }
        return null;
    }

    private static String shorten(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", " ").trim();
        return flat.length() > 40 ? flat.substring(0, 40) + "…" : flat;
    }

    /** One feature's refusal, unwinding its checks at the first problem. */
    private static final class Refused extends RuntimeException {
        private final String key;
        private final Object[] arguments;

        Refused(String key, Object... arguments) {
            super(key, null, false, false);
            this.key = key;
            this.arguments = arguments;
        }
    }

    private static final class TooManyProblems extends RuntimeException {
        TooManyProblems() {
            super(null, null, false, false);
        }
    }
}
