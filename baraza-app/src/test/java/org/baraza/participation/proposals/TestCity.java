package org.baraza.participation.proposals;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A municipality of its own for a test, reached over real HTTP at a loopback address of its own
 * (127.x.y.z: every such address reaches this machine, and the tenancy filter resolves the municipality
 * from the Host header, which is that address). Its map: two districts side by side, "north" and
 * "south", between latitude -0.5 and -0.4 and longitude 36.9 and 37.0. Processes, accounts, the census
 * and categories are made directly in the database, so a test states only what it is about.
 */
final class TestCity {

    static final String PASSWORD = "demo-password-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NORTH = "{\"type\":\"Polygon\",\"coordinates\":[[[36.9,-0.45],[37.0,-0.45],[37.0,-0.4],[36.9,-0.4],[36.9,-0.45]]]}";
    private static final String SOUTH = "{\"type\":\"Polygon\",\"coordinates\":[[[36.9,-0.5],[37.0,-0.5],[37.0,-0.45],[36.9,-0.45],[36.9,-0.5]]]}";

    final OrganizationId id;
    final String host;
    private final JdbcClient jdbc;

    private TestCity(OrganizationId id, String host, JdbcClient jdbc) {
        this.id = id;
        this.host = host;
        this.jdbc = jdbc;
    }

    static TestCity create(JdbcClient jdbc, MunicipalityDirectory directory) {
        int n = SEQUENCE.incrementAndGet();
        String host = "127." + (10 + RANDOM.nextInt(200)) + "." + (1 + RANDOM.nextInt(250)) + "." + (1 + RANDOM.nextInt(250));
        String slug = "proposals-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                INSERT INTO organization (slug, name, default_language, enabled_languages, time_zone)
                VALUES (:slug, :name, 'en', '{en,fr,ar}', 'Africa/Nairobi') RETURNING id""")
            .param("slug", slug).param("name", "Testville " + n).query(Long.class).single();
        jdbc.sql("INSERT INTO organization_host (host, organization_id) VALUES (:host, :id)")
            .param("host", host).param("id", id).update();
        jdbc.sql("INSERT INTO district (organization_id, code, name, geometry) VALUES (:id, 'north', 'North Side', :g)")
            .param("id", id).param("g", NORTH).update();
        jdbc.sql("INSERT INTO district (organization_id, code, name, geometry) VALUES (:id, 'south', 'South Side', :g)")
            .param("id", id).param("g", SOUTH).update();
        directory.forget();
        return new TestCity(new OrganizationId(id), host, jdbc);
    }

    /** A published process whose current phase (from yesterday to tomorrow) allows {@code actions}. */
    long process(String... actions) {
        return process(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)), actions);
    }

    long process(Instant startsAt, Instant endsAt, String... actions) {
        Instant now = Instant.now();
        long process = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                VALUES (:org, :title, 'A process for tests.', true, :now, :now) RETURNING id""")
            .param("org", id.value()).param("title", "Process " + SEQUENCE.incrementAndGet())
            .param("now", Timestamp.from(now)).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
                VALUES (:org, :process, 'Proposals', :startsOn, :endsOn, :startsAt, :endsAt, :actions::text[])""")
            .param("org", id.value()).param("process", process)
            .param("startsOn", LocalDate.ofInstant(startsAt, ZoneOffset.UTC)).param("endsOn", LocalDate.ofInstant(endsAt, ZoneOffset.UTC))
            .param("startsAt", Timestamp.from(startsAt)).param("endsAt", Timestamp.from(endsAt))
            .param("actions", "{" + String.join(",", actions) + "}").update();
        return process;
    }

    /** A confirmed account that signs in with {@link #PASSWORD}, registered a month ago (no new-account limit); its login is returned. */
    String account(Role... roles) {
        return account(false, roles);
    }

    /** A confirmed account bound to a census record of its own: a verified resident. */
    String verifiedResident() {
        return account(true);
    }

    private String account(boolean verified, Role... roles) {
        String login = "p" + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long account = jdbc.sql("""
                INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, language, created_at, confirmed_at)
                VALUES (:org, :login, 'email', (SELECT password_hash FROM account WHERE login = 'resident@demo.city' LIMIT 1),
                        :name, 'en', now() - interval '30 days', now() - interval '30 days')
                RETURNING id""")
            .param("org", id.value()).param("login", login).param("name", "Resident " + SEQUENCE.get())
            .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO role_assignment (organization_id, account_id, role, granted_at) VALUES (:org, :id, :role, now())")
                .param("org", id.value()).param("id", account).param("role", role.name()).update();
        }
        if (verified) {
            byte[] hash = censusRecord();
            jdbc.sql("INSERT INTO census_binding (organization_id, document_hash, account_id, bound_at) VALUES (:org, :hash, :account, now())")
                .param("org", id.value()).param("hash", hash).param("account", account).update();
        }
        return login;
    }

    long accountId(String login) {
        return jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND login = :login")
            .param("org", id.value()).param("login", login).query(Long.class).single();
    }

    /** Adds people to the census who have no account. */
    void census(int people) {
        for (int i = 0; i < people; i++) {
            censusRecord();
        }
    }

    private byte[] censusRecord() {
        byte[] hash = new byte[32];
        RANDOM.nextBytes(hash);
        jdbc.sql("""
                INSERT INTO census_record (organization_id, document_hash, birth_date, district_code, imported_at)
                VALUES (:org, :hash, DATE '1980-01-01', 'north', now())""")
            .param("org", id.value()).param("hash", hash).update();
        return hash;
    }

    long category(String name) {
        return jdbc.sql("INSERT INTO proposal_category (organization_id, name, created_at) VALUES (:org, :name, now()) RETURNING id")
            .param("org", id.value()).param("name", name).query(Long.class).single();
    }

    long threshold(long process, String percent) {
        return jdbc.sql("""
                INSERT INTO proposal_threshold (organization_id, process_id, percent, updated_at)
                VALUES (:org, :process, :percent::numeric, now())""")
            .param("org", id.value()).param("process", process).param("percent", percent).update();
    }

    /** Stores a proposal directly, for lists and searches; returns its id. */
    long proposal(long process, String author, String title, String summary, String body, Long category, String district,
                  Double latitude, Double longitude) {
        return jdbc.sql("""
                INSERT INTO proposal (organization_id, process_id, author_account_id, title, summary, body, category_id,
                                      district_code, latitude, longitude, created_at, updated_at)
                VALUES (:org, :process, :author, :title, :summary, :body, :category, :district, :lat, :lon, now(), now())
                RETURNING id""")
            .param("org", id.value()).param("process", process).param("author", accountId(author))
            .param("title", title).param("summary", summary).param("body", body)
            .param("category", category, java.sql.Types.BIGINT).param("district", district, java.sql.Types.VARCHAR)
            .param("lat", latitude, java.sql.Types.DOUBLE).param("lon", longitude, java.sql.Types.DOUBLE)
            .query(Long.class).single();
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}
