package org.baraza.platform;

import java.util.List;

/** A municipality's districts, for modules that scope, filter or count by district. */
public interface Districts {

    /** The municipality's districts, by name. */
    List<District> list(OrganizationId organization);
}
