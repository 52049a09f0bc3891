package org.baraza.platform;

/**
 * A resident deleted their account: its identity is gone, the row remains as "Former resident".
 * Modules that keep contributions (proposals, comments, reports) listen to anonymise what they hold.
 */
public record AccountDeleted(OrganizationId organization, long accountId) {
}
