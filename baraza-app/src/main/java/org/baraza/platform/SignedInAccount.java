package org.baraza.platform;

import java.io.Serial;
import java.io.Serializable;
import java.security.Principal;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The resident or official signed in to the current request, in the municipality whose host they
 * signed in at. It is the security principal: sessions (kept in PostgreSQL) carry it, and the
 * platform refreshes its roles from the database on every request, so a revoked role stops at once.
 *
 * @param departmentId the department a STAFF account works in, or null
 */
public record SignedInAccount(long accountId, OrganizationId organization, String displayName, Set<Role> roles,
                              Long departmentId) implements Principal, Serializable {

    public SignedInAccount {
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    /** The account signed in to the current request; empty for anonymous visitors. */
    public static Optional<SignedInAccount> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
            && authentication.getPrincipal() instanceof SignedInAccount account) {
            return Optional.of(account);
        }
        return Optional.empty();
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** The account id: what the session table and security logs record, rather than any name. */
    @Override
    public String getName() {
        return Long.toString(accountId);
    }

    @Override
    public String toString() {
        return "SignedInAccount[accountId=" + accountId + ", organization=" + organization + ", roles=" + roles + "]";
    }

    /** Serialised through a proxy of plain values: the principal lives in session rows, and OrganizationId is a plain value. */
    @Serial
    private Object writeReplace() {
        return new SerializedForm(accountId, organization.value(), displayName,
            roles.stream().map(Role::name).toArray(String[]::new), departmentId);
    }

    private record SerializedForm(long accountId, long organization, String displayName, String[] roles,
                                  Long departmentId) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        @Serial
        private Object readResolve() {
            EnumSet<Role> set = EnumSet.noneOf(Role.class);
            for (String role : roles) {
                set.add(Role.valueOf(role));
            }
            return new SignedInAccount(accountId, new OrganizationId(organization), displayName, set, departmentId);
        }
    }
}
