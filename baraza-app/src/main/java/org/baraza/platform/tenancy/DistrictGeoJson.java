package org.baraza.platform.tenancy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.util.List;
import org.baraza.platform.District;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Districts as GeoJSON (RFC 7946): the same FeatureCollection the public API serves, an admin
 * downloads, and the district import reads back. Properties are {@code code} and {@code name}.
 */
public final class DistrictGeoJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private DistrictGeoJson() {
    }

    public static void featureCollection(List<District> districts, OutputStream out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeStringProperty("type", "FeatureCollection");
            json.writeName("features");
            json.writeStartArray();
            for (District district : districts) {
                feature(json, district);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }

    public static byte[] featureCollection(List<District> districts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        featureCollection(districts, out);
        return out.toByteArray();
    }

    public static byte[] feature(District district) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            feature(json, district);
        }
        return out.toByteArray();
    }

    private static void feature(JsonGenerator json, District district) {
        json.writeStartObject();
        json.writeStringProperty("type", "Feature");
        json.writeStringProperty("id", district.code());
        json.writeName("properties");
        json.writeStartObject();
        json.writeStringProperty("code", district.code());
        json.writeStringProperty("name", district.name());
        json.writeEndObject();
        json.writeName("geometry");
        // stored geometries were written by this class (or the demo) after validation: trusted JSON
        json.writeRawValue(district.geometry());
        json.writeEndObject();
    }

    /** A validated Polygon or MultiPolygon as a GeoJSON geometry object. */
    static String geometry(Geometry geometry) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            if (geometry instanceof Polygon polygon) {
                json.writeStringProperty("type", "Polygon");
                json.writeName("coordinates");
                polygon(json, polygon);
            } else if (geometry instanceof MultiPolygon multi) {
                json.writeStringProperty("type", "MultiPolygon");
                json.writeName("coordinates");
                json.writeStartArray();
                for (int i = 0; i < multi.getNumGeometries(); i++) {
                    polygon(json, (Polygon) multi.getGeometryN(i));
                }
                json.writeEndArray();
            } else {
                throw new IllegalArgumentException("not a polygon: " + geometry.getGeometryType());
            }
            json.writeEndObject();
        }
        return out.toString(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void polygon(JsonGenerator json, Polygon polygon) {
        json.writeStartArray();
        ring(json, polygon.getExteriorRing().getCoordinates());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            ring(json, polygon.getInteriorRingN(i).getCoordinates());
        }
        json.writeEndArray();
    }

    private static void ring(JsonGenerator json, Coordinate[] coordinates) {
        json.writeStartArray();
        for (Coordinate c : coordinates) {
            json.writeStartArray();
            json.writeNumber(c.x);
            json.writeNumber(c.y);
            json.writeEndArray();
        }
        json.writeEndArray();
    }
}
