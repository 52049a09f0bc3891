package org.baraza.platform.verification;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baraza.platform.Municipality;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Test data for census tests: a fresh municipality per test (so each test owns its census), with
 * districts {@code north} and {@code south}, and accounts in it. Accounts get the demo accounts'
 * password hash, so a test can sign in as one with {@link #PASSWORD} without knowing how passwords are hashed.
 */
final class TestCities {

    static final String PASSWORD = "demo-password-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String SQUARE = "{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1],[0,0]]]}";

    private final JdbcClient jdbc;
    private final MunicipalityDirectory directory;

    TestCities(JdbcClient jdbc, MunicipalityDirectory directory) {
        this.jdbc = jdbc;
        this.directory = directory;
    }

    Municipality create() {
        String slug = "census-" + SEQUENCE.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                INSERT INTO organization (slug, name, default_language, enabled_languages, time_zone)
                VALUES (:slug, :slug, 'en', '{en,fr}', 'Africa/Nairobi') RETURNING id""")
            .param("slug", slug).query(Long.class).single();
        for (String district : new String[] {"north", "south"}) {
            jdbc.sql("INSERT INTO district (organization_id, code, name, geometry) VALUES (:org, :code, :code, :geometry)")
                .param("org", id).param("code", district).param("geometry", SQUARE).update();
        }
        return directory.byId(new OrganizationId(id)).orElseThrow();
    }

    Municipality demoCity() {
        return directory.forHost("localhost").orElseThrow();
    }

    /** A confirmed account with a unique e-mail login, holding {@code roles} besides RESIDENT. */
    long account(OrganizationId organization, Role... roles) {
        return account(organization, "test." + UUID.randomUUID() + "@example.org", roles);
    }

    long account(OrganizationId organization, String email, Role... roles) {
        long id = jdbc.sql("""
                INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, language, created_at, confirmed_at)
                VALUES (:org, :login, 'email', (SELECT password_hash FROM account WHERE login = 'resident@demo.city' LIMIT 1),
                        :name, 'en', now(), now())
                RETURNING id""")
            .param("org", organization.value()).param("login", email).param("name", "Tester " + SEQUENCE.incrementAndGet())
            .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO role_assignment (organization_id, account_id, role, granted_at) VALUES (:org, :id, :role, now())")
                .param("org", organization.value()).param("id", id).param("role", role.name()).update();
        }
        return id;
    }

    long censusRecords(OrganizationId organization) {
        return jdbc.sql("SELECT count(*) FROM census_record WHERE organization_id = :org").param("org", organization.value())
            .query(Long.class).single();
    }

    long auditEntries(OrganizationId organization, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = :action")
            .param("org", organization.value()).param("action", action).query(Long.class).single();
    }
}
