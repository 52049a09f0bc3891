package org.baraza.platform;

/** A department of a municipality's administration, to which staff and service requests belong. */
public record Department(long id, OrganizationId organizationId, String code, String name) {
}
