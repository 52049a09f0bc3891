package org.baraza.platform.accounts;

import java.util.List;
import org.baraza.IntegrationTest;
import org.baraza.platform.AccountDirectory;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.RoleAssignments;
import org.baraza.platform.RoleAssignments.Reason;
import org.baraza.platform.RoleAssignments.RoleAssignment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@IntegrationTest
class GrantedRolesIT {

    @Autowired
    ApplicationContext context;

    @Autowired
    RoleAssignments roles;

    @Autowired
    AccountDirectory directory;

    TestResidents residents;
    OrganizationId demoCity;
    long demoAdmin;
    long platformAdmin;

    @BeforeEach
    void setUp() {
        residents = TestResidents.of(context);
        demoCity = residents.demoCity();
        demoAdmin = residents.account(demoCity, "admin@demo.city").orElseThrow().id();
        platformAdmin = residents.account(demoCity, "platform@demo.city").orElseThrow().id();
    }

    @Test
    void grantsAndRevokesAreListedAndAudited() {
        long account = residents.confirmed(demoCity, TestResidents.uniqueEmail("staff"), "Road Worker");
        long roadsDepartment = department(demoCity, "roads");

        roles.grant(demoCity, account, Role.STAFF, roadsDepartment, demoAdmin);

        assertThat(roles.list(demoCity)).contains(new RoleAssignment(account, "Road Worker", Role.STAFF, roadsDepartment));
        assertThat(lastAudit(account)).isEqualTo("role.granted " + demoAdmin + " {\"department\":\"" + roadsDepartment
            + "\",\"role\":\"STAFF\"}");

        roles.revoke(demoCity, account, Role.STAFF, demoAdmin);

        assertThat(roles.list(demoCity)).noneMatch(assignment -> assignment.accountId() == account);
        assertThat(lastAudit(account)).isEqualTo("role.revoked " + demoAdmin + " {\"role\":\"STAFF\"}");
    }

    @Test
    void aMunicipalAdminCannotGrantPlatformAdmin() {
        long account = residents.confirmed(demoCity, TestResidents.uniqueEmail("ambitious"), "Ambitious");
        refused(() -> roles.grant(demoCity, account, Role.PLATFORM_ADMIN, null, demoAdmin), Reason.ONLY_PLATFORM_ADMIN);
        assertThat(rolesOf(account)).isEmpty();

        roles.grant(demoCity, account, Role.PLATFORM_ADMIN, null, platformAdmin);
        assertThat(rolesOf(account)).containsExactly(Role.PLATFORM_ADMIN);
        roles.revoke(demoCity, account, Role.PLATFORM_ADMIN, platformAdmin);
    }

    @Test
    void onlyAdminsChangeRoles() {
        long resident = residents.confirmed(demoCity, TestResidents.uniqueEmail("resident"), "Resident");
        long other = residents.confirmed(demoCity, TestResidents.uniqueEmail("other"), "Other");
        refused(() -> roles.grant(demoCity, other, Role.MODERATOR, null, resident), Reason.NOT_AN_ADMIN);
        long hilltownAdmin = residents.account(residents.hilltown(), "admin@hilltown.demo").orElseThrow().id();
        refused(() -> roles.grant(demoCity, other, Role.MODERATOR, null, hilltownAdmin), Reason.NOT_AN_ADMIN);
        assertThat(rolesOf(other)).isEmpty();
    }

    @Test
    void refusalsNameTheirReason() {
        long account = residents.confirmed(demoCity, TestResidents.uniqueEmail("reasons"), "Reasons");
        refused(() -> roles.grant(demoCity, account, Role.RESIDENT, null, demoAdmin), Reason.RESIDENT_IS_IMPLICIT);
        refused(() -> roles.grant(demoCity, 999_999_999L, Role.MODERATOR, null, demoAdmin), Reason.UNKNOWN_ACCOUNT);
        long hilltownAccount = residents.confirmed(residents.hilltown(), TestResidents.uniqueEmail("foreign"), "Foreign");
        refused(() -> roles.grant(demoCity, hilltownAccount, Role.MODERATOR, null, demoAdmin), Reason.UNKNOWN_ACCOUNT);
        refused(() -> roles.grant(demoCity, account, Role.STAFF, department(residents.hilltown(), "voirie"), demoAdmin),
            Reason.UNKNOWN_DEPARTMENT);
        assertThat(rolesOf(account)).isEmpty();
    }

    @Test
    void theLastAdminOfAMunicipalityStays() {
        OrganizationId hilltown = residents.hilltown();
        long hilltownAdmin = residents.account(hilltown, "admin@hilltown.demo").orElseThrow().id();
        refused(() -> roles.revoke(hilltown, hilltownAdmin, Role.ADMIN, hilltownAdmin), Reason.LAST_ADMIN);
        assertThat(roles.list(hilltown)).contains(new RoleAssignment(hilltownAdmin, "Hilltown Admin", Role.ADMIN, null));
    }

    @Test
    void theDirectoryFindsALoginInItsMunicipalityOnlyAndMasksIt() {
        String email = TestResidents.uniqueEmail("findme");
        long account = residents.confirmed(demoCity, email, "Find Me");

        AccountDirectory.AccountSummary found = directory.findByLogin(demoCity, "  " + email.toUpperCase() + " ").orElseThrow();
        assertThat(found.accountId()).isEqualTo(account);
        assertThat(found.displayName()).isEqualTo("Find Me");
        assertThat(found.confirmed()).isTrue();
        assertThat(found.maskedLogin()).startsWith("f***@e***").endsWith(".org").doesNotContain("findme");
        assertThat(directory.find(demoCity, account)).contains(found);

        assertThat(directory.findByLogin(residents.hilltown(), email)).isEmpty();
        assertThat(directory.find(residents.hilltown(), account)).isEmpty();
        assertThat(directory.findByLogin(demoCity, "' OR 1=1 --")).isEmpty();
    }

    private void refused(Runnable change, Reason reason) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(RoleAssignments.Refused.class,
            refusal -> assertThat(refusal.reason()).isEqualTo(reason));
    }

    private List<Role> rolesOf(long account) {
        return residents.jdbc().sql("SELECT role FROM role_assignment WHERE account_id = :id")
            .param("id", account).query(String.class).list().stream().map(Role::valueOf).toList();
    }

    private long department(OrganizationId organization, String code) {
        return residents.jdbc().sql("SELECT id FROM department WHERE organization_id = :org AND code = :code")
            .param("org", organization.value()).param("code", code).query(Long.class).single();
    }

    private String lastAudit(long account) {
        return residents.jdbc().sql("""
                SELECT action || ' ' || actor_account_id || ' ' || details FROM audit_entry
                 WHERE target = :target ORDER BY id DESC LIMIT 1""")
            .param("target", "account:" + account).query(String.class).single();
    }
}
