package org.baraza.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One confirmed demo account per role, after the demo municipalities exist (they are created at
 * order 10). Idempotent: an account whose login exists is left alone. The table of them is in
 * docs/demo-accounts.md. Roles are written directly, not through RoleAssignments: no person grants
 * them, so there is no actor to audit.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "baraza.demo.enabled", havingValue = "true")
class DemoAccounts implements ApplicationRunner {

    static final String PASSWORD = "demo-password-2026";
    static final Duration ESTABLISHED = Duration.ofDays(30);

    private static final Logger log = LoggerFactory.getLogger(DemoAccounts.class);

    record DemoAccount(String municipalitySlug, String login, String displayName, Role role, String departmentCode) {
    }

    static final List<DemoAccount> ACCOUNTS = List.of(
        new DemoAccount("demo-city", "resident@demo.city", "Demo Resident", null, null),
        new DemoAccount("demo-city", "moderator@demo.city", "Demo Moderator", Role.MODERATOR, null),
        new DemoAccount("demo-city", "staff@demo.city", "Demo Roads Staff", Role.STAFF, "roads"),
        new DemoAccount("demo-city", "valuator@demo.city", "Demo Valuator", Role.VALUATOR, null),
        new DemoAccount("demo-city", "officer@demo.city", "Demo Officer", Role.OFFICER, null),
        new DemoAccount("demo-city", "admin@demo.city", "Demo Admin", Role.ADMIN, null),
        new DemoAccount("demo-city", "platform@demo.city", "Demo Platform Operator", Role.PLATFORM_ADMIN, null),
        new DemoAccount("hilltown", "admin@hilltown.demo", "Hilltown Admin", Role.ADMIN, null));

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;

    DemoAccounts(AccountRepository accounts, PasswordHashing hashing, JdbcClient jdbc, TransactionTemplate transaction,
                 Clock clock) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        String hash = null;
        for (DemoAccount demo : ACCOUNTS) {
            Optional<OrganizationId> organization = jdbc.sql("SELECT id FROM organization WHERE slug = :slug")
                .param("slug", demo.municipalitySlug()).query(Long.class).optional().map(OrganizationId::new);
            Login login = Login.parse(demo.login()).orElseThrow();
            if (organization.isEmpty() || accounts.findByLogin(organization.get(), login).isPresent()) {
                continue;
            }
            // The password is public anyway: one hash for all of them keeps the first start fast.
            hash = hash == null ? hashing.hash(PASSWORD) : hash;
            String passwordHash = hash;
            transaction.executeWithoutResult(status -> create(organization.get(), login, demo, passwordHash));
            log.info("demo account for role {} created in {}", demo.role() == null ? Role.RESIDENT : demo.role(),
                demo.municipalitySlug());
        }
    }

    private void create(OrganizationId organization, Login login, DemoAccount demo, String passwordHash) {
        // registered "a month ago": demo accounts are there to try everything, so they count as established
        // accounts, not new ones under the new-account posting limit (docs/demo-accounts.md)
        Instant registered = clock.instant().minus(ESTABLISHED);
        long id = accounts.insert(organization, login, passwordHash, demo.displayName(), null, null, registered, registered);
        if (demo.role() == null) {
            return;
        }
        Long department = demo.departmentCode() == null ? null
            : jdbc.sql("SELECT id FROM department WHERE organization_id = :org AND code = :code")
                .param("org", organization.value()).param("code", demo.departmentCode()).query(Long.class).optional()
                .orElse(null);
        jdbc.sql("""
                INSERT INTO role_assignment (organization_id, account_id, role, department_id, granted_at)
                VALUES (:org, :account, :role, :department, :now)""")
            .param("org", organization.value()).param("account", id).param("role", demo.role().name())
            .param("department", department, java.sql.Types.BIGINT).param("now", Timestamp.from(clock.instant()))
            .update();
    }
}
