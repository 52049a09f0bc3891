package org.baraza.budgeting.results;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.baraza.platform.District;
import org.baraza.platform.SvgText;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A map of a heading's projects drawn on the server as SVG: the municipality's district outlines and a dot per
 * project with a map point, filled and numbered for winners (the number is the winner's position in the list
 * beside the map), hollow for the others. No tiles, no script, no external request. It is an image with a title
 * and a description; the list of winners with their districts is the text alternative the page shows with it.
 * Coordinates are projected equirectangularly, scaled by the cosine of the middle latitude: at a city's scale the
 * distortion is invisible.
 */
final class WinnersMap {

    /** A project's dot: its label (the winner's position, or empty), name and point. */
    record Dot(String label, String name, double latitude, double longitude, boolean winner) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final double WIDTH = 640;
    private static final double MAX_HEIGHT = 480;
    private static final double MARGIN = 16;

    private WinnersMap() {
    }

    /** @return the SVG, or null when nothing can be drawn (no district outline and no project point) */
    static String svg(String id, String title, String description, List<District> districts, List<Dot> dots) {
        List<List<double[]>> rings = new ArrayList<>();
        for (District district : districts) {
            if (district.geometry() == null) {
                continue;
            }
            try {
                collectRings(JSON.readTree(district.geometry()).path("coordinates"), rings);
            } catch (RuntimeException unreadable) {
                // the platform validates outlines on import; an unreadable one is left off the map
            }
        }
        double south = Double.POSITIVE_INFINITY;
        double north = Double.NEGATIVE_INFINITY;
        double west = Double.POSITIVE_INFINITY;
        double east = Double.NEGATIVE_INFINITY;
        for (List<double[]> ring : rings) {
            for (double[] point : ring) {
                west = Math.min(west, point[0]);
                east = Math.max(east, point[0]);
                south = Math.min(south, point[1]);
                north = Math.max(north, point[1]);
            }
        }
        for (Dot dot : dots) {
            west = Math.min(west, dot.longitude());
            east = Math.max(east, dot.longitude());
            south = Math.min(south, dot.latitude());
            north = Math.max(north, dot.latitude());
        }
        if (south > north) {
            return null;
        }
        double spanX = Math.max(east - west, 1e-4) * Math.cos(Math.toRadians((south + north) / 2));
        double spanY = Math.max(north - south, 1e-4);
        double scale = Math.min((WIDTH - 2 * MARGIN) / spanX, (MAX_HEIGHT - 2 * MARGIN) / spanY);
        double height = Math.ceil(spanY * scale + 2 * MARGIN);
        double cos = Math.cos(Math.toRadians((south + north) / 2));
        double left = west;
        double top = north;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" viewBox=\"0 0 ").append((int) WIDTH).append(' ')
            .append((int) height).append("\" width=\"100%\" role=\"img\" aria-labelledby=\"").append(id).append("-title ")
            .append(id).append("-desc\">")
            .append("<title id=\"").append(id).append("-title\">").append(SvgText.escape(title)).append("</title>")
            .append("<desc id=\"").append(id).append("-desc\">").append(SvgText.escape(description)).append("</desc>");
        for (List<double[]> ring : rings) {
            svg.append("<path fill=\"#eef2f5\" stroke=\"#5a6570\" stroke-width=\"1\" d=\"");
            boolean first = true;
            for (double[] point : ring) {
                svg.append(first ? 'M' : 'L').append(number((point[0] - left) * cos * scale + MARGIN)).append(',')
                    .append(number((top - point[1]) * scale + MARGIN));
                first = false;
            }
            svg.append("Z\"/>");
        }
        // the others first, so winners are drawn on top of them
        for (boolean winners : new boolean[] {false, true}) {
            for (Dot dot : dots) {
                if (dot.winner() != winners) {
                    continue;
                }
                String x = number((dot.longitude() - left) * cos * scale + MARGIN);
                String y = number((top - dot.latitude()) * scale + MARGIN);
                svg.append("<g><title>").append(SvgText.escape(dot.label().isEmpty() ? dot.name() : dot.label() + ". " + dot.name()))
                    .append("</title>");
                if (winners) {
                    svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y)
                        .append("\" r=\"10\" fill=\"#1d5f8a\" stroke=\"#ffffff\" stroke-width=\"2\"/>")
                        .append("<text x=\"").append(x).append("\" y=\"").append(y)
                        .append("\" dy=\"4\" text-anchor=\"middle\" font-size=\"11\" font-weight=\"bold\" fill=\"#ffffff\">")
                        .append(SvgText.escape(dot.label())).append("</text>");
                } else {
                    svg.append("<circle cx=\"").append(x).append("\" cy=\"").append(y)
                        .append("\" r=\"5\" fill=\"#ffffff\" stroke=\"#5a6570\" stroke-width=\"2\"/>");
                }
                svg.append("</g>");
            }
        }
        return svg.append("</svg>").toString();
    }

    /** The outer ring of every polygon (holes add nothing a resident needs on this map). */
    private static void collectRings(JsonNode coordinates, List<List<double[]>> rings) {
        if (!coordinates.isArray() || coordinates.isEmpty()) {
            return;
        }
        JsonNode first = coordinates.get(0);
        if (first.isArray() && !first.isEmpty() && first.get(0).isNumber()) {
            // a ring: [[lon, lat], ...]
            List<double[]> ring = new ArrayList<>();
            for (JsonNode position : coordinates) {
                if (position.size() >= 2) {
                    ring.add(new double[] {position.get(0).asDouble(), position.get(1).asDouble()});
                }
            }
            rings.add(ring);
            return;
        }
        if (first.isArray() && !first.isEmpty() && first.get(0).isArray() && !first.get(0).isEmpty()
            && first.get(0).get(0).isNumber()) {
            // a polygon: its first ring is the outline
            collectRings(first, rings);
            return;
        }
        for (JsonNode polygon : coordinates) {
            collectRings(polygon, rings);
        }
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
