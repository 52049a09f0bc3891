package org.baraza.participation.notifications;

import java.util.Optional;
import org.baraza.platform.OrganizationId;

/**
 * Where to e-mail an account's notifications: its confirmed e-mail address, if it has one. The platform
 * owns addresses, so the implementation belongs there (requested); without one, no mail goes out and
 * notifications stay in the app.
 */
public interface NotificationAddresses {

    Optional<String> emailOf(OrganizationId organization, long accountId);
}
