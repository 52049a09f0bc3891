package org.baraza.platform;

/** A district of a municipality; {@code geometry} is a validated GeoJSON Polygon or MultiPolygon. */
public record District(long id, OrganizationId organizationId, String code, String name, String geometry) {
}
