package org.baraza.platform;

import java.util.Optional;

/**
 * The e-mail address to write to a resident, for the code that sends them mail. Only a login the
 * resident confirmed with a one-time code is returned; callers must not store or log it.
 */
public interface ResidentMailbox {

    Optional<String> confirmedEmail(OrganizationId organization, long accountId);
}
