package org.baraza.platform.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws the districts of an imaginary city: an irregular outline around a centre, an old town in
 * the middle and sectors around it. The shapes are computed, not copied from any map, and always
 * form valid, non-overlapping polygons that share their borders.
 */
final class DemoCityMap {

    record DistrictShape(String code, String name, String geoJson) {
    }

    private final double centreLon;
    private final double centreLat;
    private final double radiusDegrees;

    DemoCityMap(double centreLon, double centreLat, double radiusDegrees) {
        this.centreLon = centreLon;
        this.centreLat = centreLat;
        this.radiusDegrees = radiusDegrees;
    }

    /** The first name is the central district; the others are sectors, clockwise from the north. */
    List<DistrictShape> districts(List<String> codes, List<String> names) {
        int sectors = names.size() - 1;
        int stepsPerSector = 8;
        List<DistrictShape> shapes = new ArrayList<>();
        shapes.add(new DistrictShape(codes.get(0), names.get(0), polygon(ring(0, 2 * Math.PI, sectors * stepsPerSector, true))));
        for (int s = 0; s < sectors; s++) {
            double from = 2 * Math.PI * s / sectors;
            double to = 2 * Math.PI * (s + 1) / sectors;
            List<double[]> points = new ArrayList<>(ring(from, to, stepsPerSector, false));
            List<double[]> inner = ring(from, to, stepsPerSector, true);
            for (int i = inner.size() - 1; i >= 0; i--) {
                points.add(inner.get(i));
            }
            shapes.add(new DistrictShape(codes.get(s + 1), names.get(s + 1), polygon(points)));
        }
        return shapes;
    }

    /** Points along the inner or outer boundary between two bearings, both ends included. */
    private List<double[]> ring(double from, double to, int steps, boolean inner) {
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i <= steps; i++) {
            double angle = from + (to - from) * i / steps;
            double r = radius(angle, inner);
            // longitude degrees shrink with latitude; keep the city round on the ground
            double lon = centreLon + r * Math.sin(angle) / Math.cos(Math.toRadians(centreLat));
            double lat = centreLat + r * Math.cos(angle);
            points.add(new double[] {round(lon), round(lat)});
        }
        return points;
    }

    /** A wobbly radius so the outline looks like a town that grew, not a compass drawing. */
    private double radius(double angle, boolean inner) {
        double wobble = 1 + 0.12 * Math.sin(3 * angle + 0.7) + 0.07 * Math.sin(7 * angle + 1.9);
        return radiusDegrees * wobble * (inner ? 0.32 : 1.0);
    }

    private static double round(double value) {
        return Math.round(value * 1_000_000d) / 1_000_000d;
    }

    /** A GeoJSON Polygon, closed and counter-clockwise as RFC 7946 asks of exterior rings. */
    private static String polygon(List<double[]> points) {
        List<double[]> ring = new ArrayList<>(points);
        if (signedArea(ring) < 0) {
            java.util.Collections.reverse(ring);
        }
        double[] first = ring.get(0);
        double[] last = ring.get(ring.size() - 1);
        if (first[0] != last[0] || first[1] != last[1]) {
            ring.add(first);
        }
        StringBuilder json = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
        for (int i = 0; i < ring.size(); i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append(String.format(Locale.ROOT, "[%.6f,%.6f]", ring.get(i)[0], ring.get(i)[1]));
        }
        return json.append("]]}").toString();
    }

    private static double signedArea(List<double[]> ring) {
        double sum = 0;
        for (int i = 0; i < ring.size(); i++) {
            double[] a = ring.get(i);
            double[] b = ring.get((i + 1) % ring.size());
            sum += a[0] * b[1] - b[0] * a[1];
        }
        return sum / 2;
    }
}
