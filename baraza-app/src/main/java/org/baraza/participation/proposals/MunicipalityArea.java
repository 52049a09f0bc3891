package org.baraza.participation.proposals;

import java.util.Optional;
import org.baraza.platform.District;
import org.baraza.platform.Districts;
import org.baraza.platform.OrganizationId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The area a proposal's map point must fall in: the bounding box of the municipality's districts. A box
 * rather than the district shapes themselves, because a place just outside every district (a river bank,
 * a road on the boundary) is still the city's business; a point in another country is a typo.
 * The districts' shapes come from the platform's {@link Districts}.
 */
@Component
class MunicipalityArea {

    /** The bounding box, in degrees. */
    record Box(double south, double west, double north, double east) {

        boolean contains(MapPoint point) {
            return point.latitude() >= south && point.latitude() <= north
                && point.longitude() >= west && point.longitude() <= east;
        }

        MapPoint centre() {
            return new MapPoint((south + north) / 2, (west + east) / 2);
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Districts districts;

    MunicipalityArea(Districts districts) {
        this.districts = districts;
    }

    /** Empty if the municipality has no districts, or none with a usable geometry. */
    Optional<Box> of(OrganizationId organization) {
        double[] box = {Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (District district : districts.list(organization)) {
            if (district.geometry() == null) {
                continue;
            }
            try {
                extend(box, JSON.readTree(district.geometry()).path("coordinates"));
            } catch (RuntimeException unreadable) {
                // the platform validates geometries on import; one it could not read would only shrink the box
            }
        }
        if (box[0] > box[2] || box[1] > box[3]) {
            return Optional.empty();
        }
        return Optional.of(new Box(box[0], box[1], box[2], box[3]));
    }

    /** GeoJSON positions are [longitude, latitude]; rings and polygons nest them. */
    private static void extend(double[] box, JsonNode node) {
        if (!node.isArray() || node.isEmpty()) {
            return;
        }
        if (node.get(0).isNumber()) {
            if (node.size() >= 2 && node.get(1).isNumber()) {
                double longitude = node.get(0).asDouble();
                double latitude = node.get(1).asDouble();
                box[0] = Math.min(box[0], latitude);
                box[1] = Math.min(box[1], longitude);
                box[2] = Math.max(box[2], latitude);
                box[3] = Math.max(box[3], longitude);
            }
            return;
        }
        for (JsonNode child : node) {
            extend(box, child);
        }
    }
}
