package org.baraza.platform;

/** The id of a municipality: the tenant key carried by every row of tenant data. */
public record OrganizationId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
