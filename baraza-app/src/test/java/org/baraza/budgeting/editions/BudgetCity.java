package org.baraza.budgeting.editions;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.baraza.platform.Role;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A municipality of its own for a budgeting test, reached over real HTTP at a loopback address of its own
 * (the tenancy filter resolves it from the Host header). Two districts, "north" and "south". Processes,
 * accounts, editions, headings and projects are made directly in the database, so a test states only what
 * it is about; what it tests goes through HTTP.
 */
public final class BudgetCity {

    public static final String PASSWORD = "demo-password-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String NORTH = "{\"type\":\"Polygon\",\"coordinates\":[[[36.9,-0.45],[37.0,-0.45],[37.0,-0.4],[36.9,-0.4],[36.9,-0.45]]]}";
    private static final String SOUTH = "{\"type\":\"Polygon\",\"coordinates\":[[[36.9,-0.5],[37.0,-0.5],[37.0,-0.45],[36.9,-0.45],[36.9,-0.5]]]}";

    public final OrganizationId id;
    public final String host;
    private final JdbcClient jdbc;
    private final int port;

    private BudgetCity(OrganizationId id, String host, JdbcClient jdbc, int port) {
        this.id = id;
        this.host = host;
        this.jdbc = jdbc;
        this.port = port;
    }

    public static BudgetCity create(JdbcClient jdbc, MunicipalityDirectory directory, int port) {
        int n = SEQUENCE.incrementAndGet();
        String host = "127." + (10 + RANDOM.nextInt(200)) + "." + (1 + RANDOM.nextInt(250)) + "." + (1 + RANDOM.nextInt(250));
        String slug = "budgets-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                INSERT INTO organization (slug, name, default_language, enabled_languages, time_zone)
                VALUES (:slug, :name, 'en', '{en,fr,ar}', 'Africa/Nairobi') RETURNING id""")
            .param("slug", slug).param("name", "Budgetville " + n).query(Long.class).single();
        jdbc.sql("INSERT INTO organization_host (host, organization_id) VALUES (:host, :id)")
            .param("host", host).param("id", id).update();
        jdbc.sql("INSERT INTO district (organization_id, code, name, geometry) VALUES (:id, 'north', 'North Side', :g)")
            .param("id", id).param("g", NORTH).update();
        jdbc.sql("INSERT INTO district (organization_id, code, name, geometry) VALUES (:id, 'south', 'South Side', :g)")
            .param("id", id).param("g", SOUTH).update();
        directory.forget();
        return new BudgetCity(new OrganizationId(id), host, jdbc, port);
    }

    /** A client of this city, signed in as {@code login} (or anonymous when null). */
    public WebClient client(String login) {
        WebClient client = new WebClient(host, port);
        if (login != null) {
            client.signIn(login, PASSWORD);
        }
        return client;
    }

    /** A published process with one phase from yesterday to tomorrow allowing {@code actions}. */
    public long process(String... actions) {
        return process(Instant.now().minus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(1)), actions);
    }

    public long process(Instant startsAt, Instant endsAt, String... actions) {
        long process = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                VALUES (:org, :title, 'A process for tests.', true, now(), now()) RETURNING id""")
            .param("org", id.value()).param("title", "Process " + SEQUENCE.incrementAndGet()).query(Long.class).single();
        phase(process, startsAt, endsAt, actions);
        return process;
    }

    public void phase(long process, Instant startsAt, Instant endsAt, String... actions) {
        jdbc.sql("""
                INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
                VALUES (:org, :process, 'Phase', :startsOn, :endsOn, :startsAt, :endsAt, :actions::text[])""")
            .param("org", id.value()).param("process", process)
            .param("startsOn", LocalDate.ofInstant(startsAt, ZoneOffset.UTC))
            .param("endsOn", LocalDate.ofInstant(endsAt, ZoneOffset.UTC).plusDays(0))
            .param("startsAt", Timestamp.from(startsAt)).param("endsAt", Timestamp.from(endsAt))
            .param("actions", "{" + String.join(",", actions) + "}").update();
    }

    /** An edition of {@code process} (approval of up to 3 projects), titled. */
    public long edition(long process) {
        return jdbc.sql("""
                INSERT INTO budget_edition (organization_id, process_id, title, ballot_kind, max_projects, created_at, updated_at)
                VALUES (:org, :process, :title, 'APPROVAL', 3, now(), now()) RETURNING id""")
            .param("org", id.value()).param("process", process).param("title", "Budget " + SEQUENCE.incrementAndGet())
            .query(Long.class).single();
    }

    public long heading(long edition, String name, String district, String budget) {
        return jdbc.sql("""
                INSERT INTO budget_heading (organization_id, edition_id, name, district_code, budget)
                VALUES (:org, :edition, :name, :district, :budget) RETURNING id""")
            .param("org", id.value()).param("edition", edition).param("name", name)
            .param("district", district, Types.VARCHAR).param("budget", new BigDecimal(budget)).query(Long.class).single();
    }

    /** A project by {@code author} (null: entered by an admin), pending valuation. */
    public long project(long edition, long heading, String author, String title, String estimate) {
        return jdbc.sql("""
                INSERT INTO budget_project (organization_id, edition_id, heading_id, author_account_id, title, description,
                                            estimated_cost, created_at, updated_at)
                VALUES (:org, :edition, :heading, :author, :title, 'A project for tests.', :estimate, now(), now()) RETURNING id""")
            .param("org", id.value()).param("edition", edition).param("heading", heading)
            .param("author", author == null ? null : accountId(author), Types.BIGINT).param("title", title)
            .param("estimate", new BigDecimal(estimate)).query(Long.class).single();
    }

    public void assign(long project, String valuator) {
        jdbc.sql("INSERT INTO budget_project_valuator (organization_id, project_id, account_id) VALUES (:org, :p, :a)")
            .param("org", id.value()).param("p", project).param("a", accountId(valuator)).update();
    }

    /** A confirmed account that signs in with {@link #PASSWORD}; its login is returned. */
    public String account(Role... roles) {
        return account(false, roles);
    }

    /** A confirmed account bound to a census record of its own: a verified resident. */
    public String verifiedResident() {
        return account(true);
    }

    private String account(boolean verified, Role... roles) {
        String login = "b" + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        long account = jdbc.sql("""
                INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, language, created_at, confirmed_at)
                VALUES (:org, :login, 'email', (SELECT password_hash FROM account WHERE login = 'resident@demo.city' LIMIT 1),
                        :name, 'en', now(), now())
                RETURNING id""")
            .param("org", id.value()).param("login", login).param("name", "Person " + SEQUENCE.get())
            .query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO role_assignment (organization_id, account_id, role, granted_at) VALUES (:org, :id, :role, now())")
                .param("org", id.value()).param("id", account).param("role", role.name()).update();
        }
        if (verified) {
            byte[] hash = new byte[32];
            RANDOM.nextBytes(hash);
            jdbc.sql("""
                    INSERT INTO census_record (organization_id, document_hash, birth_date, district_code, imported_at)
                    VALUES (:org, :hash, DATE '1980-01-01', 'north', now())""")
                .param("org", id.value()).param("hash", hash).update();
            jdbc.sql("INSERT INTO census_binding (organization_id, document_hash, account_id, bound_at) VALUES (:org, :hash, :account, now())")
                .param("org", id.value()).param("hash", hash).param("account", account).update();
        }
        return login;
    }

    public long accountId(String login) {
        return jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND login = :login")
            .param("org", id.value()).param("login", login).query(Long.class).single();
    }

    public long count(String sql, Object... parameters) {
        var statement = jdbc.sql(sql);
        for (int i = 0; i < parameters.length; i++) {
            statement = statement.param(i + 1, parameters[i]);
        }
        return statement.query(Long.class).single();
    }

    /** Audit entries of this municipality with this action. */
    public long audited(String action) {
        return jdbc.sql("SELECT count(*) FROM audit_entry WHERE organization_id = :org AND action = :action")
            .param("org", id.value()).param("action", action).query(Long.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
