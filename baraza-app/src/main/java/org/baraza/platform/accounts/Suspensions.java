package org.baraza.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.AccountSuspensions;
import org.baraza.platform.AuditTrail;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link AccountSuspensions} over the account_suspension table. Suspending also deletes the account's
 * stored sessions: {@link AccountSessions} already treats a suspended account as signed out on its next
 * request, and deleting the rows means a session cookie is worth nothing even after the suspension is lifted.
 * Session rows are found by principal name, which is the account id (see SignedInAccount#getName), and
 * account ids are unique across municipalities.
 */
@Component
class Suspensions implements AccountSuspensions {

    static final int MAX_REASON = 300;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Suspensions(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    @Transactional
    public boolean suspend(OrganizationId organization, long accountId, long actorAccountId, String reason) {
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > MAX_REASON) {
            throw new IllegalArgumentException("a reason of 1 to " + MAX_REASON + " characters is required");
        }
        int added = jdbc.sql("""
                INSERT INTO account_suspension (organization_id, account_id, reason, suspended_at, suspended_by)
                SELECT a.organization_id, a.id, :reason, :now, :actor FROM account a
                 WHERE a.organization_id = :org AND a.id = :account AND a.deleted_at IS NULL
                ON CONFLICT DO NOTHING""")
            .param("org", organization.value()).param("account", accountId).param("reason", why)
            .param("now", Timestamp.from(clock.instant())).param("actor", actorAccountId).update();
        if (added == 0) {
            return false;
        }
        int sessions = jdbc.sql("DELETE FROM spring_session WHERE principal_name = :name")
            .param("name", Long.toString(accountId)).update();
        audit.record(organization, actorAccountId, "account.suspended", "account:" + accountId,
            Map.of("sessionsEnded", Integer.toString(sessions)));
        return true;
    }

    @Override
    @Transactional
    public boolean lift(OrganizationId organization, long accountId, long actorAccountId) {
        int removed = jdbc.sql("DELETE FROM account_suspension WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).update();
        if (removed == 0) {
            return false;
        }
        audit.record(organization, actorAccountId, "account.suspensionLifted", "account:" + accountId, Map.of());
        return true;
    }

    @Override
    public boolean isSuspended(OrganizationId organization, long accountId) {
        return reason(organization, accountId).isPresent();
    }

    @Override
    public Optional<String> reason(OrganizationId organization, long accountId) {
        return jdbc.sql("SELECT reason FROM account_suspension WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).query(String.class).optional();
    }
}
