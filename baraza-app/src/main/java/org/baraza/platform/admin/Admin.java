package org.baraza.platform.admin;

import org.baraza.platform.CurrentMunicipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.SignedInAccount;
import org.springframework.security.access.AccessDeniedException;

/**
 * The admin acting, and the municipality they act on: always the one of the request's host, and
 * only if the admin's account belongs to it (a session carried to another municipality's host is refused).
 */
record Admin(long accountId, OrganizationId organization) {

    static Admin current() {
        OrganizationId organization = CurrentMunicipality.id();
        SignedInAccount account = SignedInAccount.current()
            .filter(signedIn -> signedIn.organization().equals(organization))
            .orElseThrow(() -> new AccessDeniedException("not an admin of this municipality"));
        return new Admin(account.accountId(), organization);
    }
}
