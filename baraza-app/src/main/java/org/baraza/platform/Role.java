package org.baraza.platform;

/**
 * What a person may do in a municipality. Roles are assigned per municipality by its admins
 * (platform admins by the platform); staff roles may be limited to a department.
 */
public enum Role {
    RESIDENT,
    MODERATOR,
    STAFF,
    VALUATOR,
    OFFICER,
    ADMIN,
    PLATFORM_ADMIN;

    /** The Spring Security authority for this role, e.g. {@code ROLE_ADMIN}. */
    public String authority() {
        return "ROLE_" + name();
    }
}
