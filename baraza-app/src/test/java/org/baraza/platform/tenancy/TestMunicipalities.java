package org.baraza.platform.tenancy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Builds municipalities for tests through the same services the console and admin pages use:
 * each answers at a loopback address of its own (127.77.x.y, so a real Host header reaches it),
 * with a district and a department named after it, and accounts that sign in with the demo password.
 */
@Component
public class TestMunicipalities {

    public static final String PASSWORD = "demo-password-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger(1);
    /** The account that "set up" test municipalities in the audit log; no such account needs to exist. */
    private static final long SETUP_ACTOR = 0L;

    private final Municipalities municipalities;
    private final DistrictRegister districts;
    private final DepartmentRegister departments;
    private final JdbcClient jdbc;

    TestMunicipalities(Municipalities municipalities, DistrictRegister districts, DepartmentRegister departments,
                       JdbcClient jdbc) {
        this.municipalities = municipalities;
        this.districts = districts;
        this.departments = departments;
        this.jdbc = jdbc;
    }

    /** A municipality as a test knows it. */
    public record TestMunicipality(OrganizationId id, String slug, String name, String host, String districtCode,
                                   String districtName, String departmentCode, String departmentName) {
    }

    /** A fresh loopback host no municipality uses yet. */
    public static String nextHost() {
        int n = SEQUENCE.getAndIncrement();
        return "127.77." + (n / 250) + "." + (1 + n % 250);
    }

    /** A municipality whose name, district and department all carry {@code word}, so a test can look for it. */
    public TestMunicipality create(String word) {
        String slug = "t-" + word.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "") + "-"
            + UUID.randomUUID().toString().substring(0, 6);
        String host = nextHost();
        String name = word + " Municipality";
        Municipalities.Created created = municipalities.create(slug,
            new Municipalities.Settings(name, "en", List.of("en", "fr", "ar"), ZoneId.of("Africa/Nairobi"), "#224466"),
            List.of(host), SETUP_ACTOR);
        OrganizationId id = created.id().orElseThrow(() -> new AssertionError(created.refusal()));
        String districtCode = "d-" + word.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String districtName = word + " District";
        DistrictRegister.ImportResult imported = districts.importGeoJson(id, new ByteArrayInputStream(("""
            {"type":"FeatureCollection","features":[{"type":"Feature","properties":{"code":"%s","name":"%s"},
             "geometry":{"type":"Polygon","coordinates":[[[36.0,-1.0],[36.1,-1.0],[36.1,-0.9],[36.0,-0.9],[36.0,-1.0]]]}}]}
            """.formatted(districtCode, districtName)).getBytes(StandardCharsets.UTF_8)), SETUP_ACTOR);
        if (!imported.imported()) {
            throw new AssertionError(imported.problems());
        }
        String departmentCode = "dep-" + word.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]", "");
        String departmentName = word + " Department";
        departments.create(id, departmentCode, departmentName, SETUP_ACTOR).ifPresent(refusal -> {
            throw new AssertionError(refusal);
        });
        return new TestMunicipality(id, slug, name, host, districtCode, districtName, departmentCode, departmentName);
    }

    /** A confirmed account holding {@code roles}; its login is returned, its password is {@link #PASSWORD}. */
    public String account(OrganizationId organization, Role... roles) {
        String login = "t" + UUID.randomUUID().toString().substring(0, 12) + "@example.org";
        long id = jdbc.sql("""
                INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, language, created_at, confirmed_at)
                VALUES (:org, :login, 'email', (SELECT password_hash FROM account WHERE login = 'admin@demo.city' LIMIT 1),
                        :name, 'en', now(), now())
                RETURNING id""")
            .param("org", organization.value()).param("login", login).param("name", "Tester " + SEQUENCE.incrementAndGet())
            .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO role_assignment (organization_id, account_id, role, granted_at) VALUES (:org, :id, :role, now())")
                .param("org", organization.value()).param("id", id).param("role", role.name()).update();
        }
        return login;
    }

    public long accountId(OrganizationId organization, String login) {
        return jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND login = :login")
            .param("org", organization.value()).param("login", login).query(Long.class).single();
    }

    public long auditEntries(OrganizationId organization, String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = :action")
            .param("org", organization.value()).param("action", action).query(Long.class).single();
    }

    public long districtCount(OrganizationId organization) {
        return jdbc.sql("SELECT count(*) FROM district WHERE organization_id = :org").param("org", organization.value())
            .query(Long.class).single();
    }

    public OrganizationId demoCity() {
        return new OrganizationId(jdbc.sql("SELECT id FROM organization WHERE slug = 'demo-city'").query(Long.class).single());
    }
}
