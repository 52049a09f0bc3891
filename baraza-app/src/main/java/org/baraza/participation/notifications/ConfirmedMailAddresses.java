package org.baraza.participation.notifications;

import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.ResidentMailbox;
import org.springframework.stereotype.Component;

/** Notifications go to the e-mail address the resident confirmed, as the platform knows it. */
@Component
class ConfirmedMailAddresses implements NotificationAddresses {

    private final ResidentMailbox mailbox;

    ConfirmedMailAddresses(ResidentMailbox mailbox) {
        this.mailbox = mailbox;
    }

    @Override
    public Optional<String> emailOf(OrganizationId organization, long accountId) {
        return mailbox.confirmedEmail(organization, accountId);
    }
}
