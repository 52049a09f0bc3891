package org.baraza.participation.testing;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * Test residents of a municipality: confirmed accounts that can sign in with {@link #PASSWORD}, verified
 * against a census record of theirs (district, birth date) or not. Written straight to the tables, as the
 * census import and verification would leave them, so a test can make hundreds in a second.
 */
public final class Electorate {

    public static final String PASSWORD = "test-password-2026";
    /** One Argon2id hash (the platform's parameters) for every test account: hashing is slow on purpose. */
    private static final String PASSWORD_HASH = new Argon2PasswordEncoder(16, 32, 1, 19456, 2).encode(PASSWORD);
    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A test resident: their account, login and whether they are verified. */
    public record Resident(OrganizationId organization, long accountId, String login, String districtCode) {
    }

    private final JdbcClient jdbc;

    public Electorate(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A verified resident of {@code district}, aged 30. */
    public Resident verified(OrganizationId organization, String district) {
        return verified(organization, district, LocalDate.now().minusYears(30));
    }

    public Resident verified(OrganizationId organization, String district, LocalDate birthDate) {
        Resident resident = account(organization, district);
        byte[] document = new byte[32];
        RANDOM.nextBytes(document);
        jdbc.sql("""
                INSERT INTO census_record (organization_id, document_hash, birth_date, district_code, imported_at)
                VALUES (:org, :hash, :birth, :district, now())""")
            .param("org", organization.value()).param("hash", document).param("birth", birthDate).param("district", district)
            .update();
        jdbc.sql("""
                INSERT INTO census_binding (organization_id, document_hash, account_id, bound_at)
                VALUES (:org, :hash, :account, now())""")
            .param("org", organization.value()).param("hash", document).param("account", resident.accountId()).update();
        return resident;
    }

    /** {@code count} verified residents, spread over the districts given. */
    public List<Resident> verified(OrganizationId organization, List<String> districts, int count) {
        List<Resident> residents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            residents.add(verified(organization, districts.get(i % districts.size())));
        }
        return residents;
    }

    /** A confirmed account that is not verified against the census. */
    public Resident unverified(OrganizationId organization) {
        return account(organization, null);
    }

    private Resident account(OrganizationId organization, String district) {
        String login = "voter-" + SEQUENCE.incrementAndGet() + "-" + Long.toHexString(RANDOM.nextLong() & 0xffffff) + "@test.example";
        long id = jdbc.sql("""
                INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, confirmed_at, created_at)
                VALUES (:org, :login, 'email', :hash, :name, :now, :now) RETURNING id""")
            .param("org", organization.value()).param("login", login).param("hash", PASSWORD_HASH)
            .param("name", "Voter " + SEQUENCE.get()).param("now", Timestamp.from(Instant.now()))
            .query(Long.class).single();
        return new Resident(organization, id, login, district);
    }

    /** Gives a role to an account (test set-up: no admin grants it, so no audit). */
    public void grant(Resident resident, String role) {
        jdbc.sql("INSERT INTO role_assignment (organization_id, account_id, role, granted_at) VALUES (:org, :account, :role, now())")
            .param("org", resident.organization().value()).param("account", resident.accountId()).param("role", role).update();
    }

    public OrganizationId demoCity() {
        return organization("demo-city");
    }

    public OrganizationId hilltown() {
        return organization("hilltown");
    }

    public OrganizationId organization(String slug) {
        return new OrganizationId(jdbc.sql("SELECT id FROM organization WHERE slug = :slug").param("slug", slug)
            .query(Long.class).single());
    }
}
