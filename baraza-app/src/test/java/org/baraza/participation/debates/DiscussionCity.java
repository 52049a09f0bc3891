package org.baraza.participation.debates;

import java.security.SecureRandom;
import java.sql.Timestamp;
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
 * A municipality of its own for a debates, comments or moderation test, reached over real HTTP at a loopback
 * address of its own (the tenancy filter resolves it from the Host header). Accounts, processes and
 * proposals are made directly in the database, so a test states only what it is about.
 */
public final class DiscussionCity {

    public static final String PASSWORD = "demo-password-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final SecureRandom RANDOM = new SecureRandom();

    public final OrganizationId id;
    public final String host;
    private final JdbcClient jdbc;
    private final int port;

    private DiscussionCity(OrganizationId id, String host, JdbcClient jdbc, int port) {
        this.id = id;
        this.host = host;
        this.jdbc = jdbc;
        this.port = port;
    }

    public static DiscussionCity create(JdbcClient jdbc, MunicipalityDirectory directory, int port) {
        int n = SEQUENCE.incrementAndGet();
        String host = "127." + (10 + RANDOM.nextInt(200)) + "." + (1 + RANDOM.nextInt(250)) + "." + (1 + RANDOM.nextInt(250));
        String slug = "debates-" + n + "-" + UUID.randomUUID().toString().substring(0, 8);
        long id = jdbc.sql("""
                INSERT INTO organization (slug, name, default_language, enabled_languages, time_zone)
                VALUES (:slug, :name, 'en', '{en,fr,ar}', 'Africa/Nairobi') RETURNING id""")
            .param("slug", slug).param("name", "Debateville " + n).query(Long.class).single();
        jdbc.sql("INSERT INTO organization_host (host, organization_id) VALUES (:host, :id)")
            .param("host", host).param("id", id).update();
        directory.forget();
        return new DiscussionCity(new OrganizationId(id), host, jdbc, port);
    }

    /** A published process whose current phase (from yesterday to tomorrow) allows {@code actions}. */
    public long process(String... actions) {
        Instant startsAt = Instant.now().minus(Duration.ofDays(1));
        Instant endsAt = Instant.now().plus(Duration.ofDays(1));
        long process = jdbc.sql("""
                INSERT INTO participatory_process (organization_id, title, description, published, created_at, updated_at)
                VALUES (:org, :title, 'A process for tests.', true, now(), now()) RETURNING id""")
            .param("org", id.value()).param("title", "Process " + SEQUENCE.incrementAndGet()).query(Long.class).single();
        jdbc.sql("""
                INSERT INTO process_phase (organization_id, process_id, title, starts_on, ends_on, starts_at, ends_at, actions)
                VALUES (:org, :process, 'Phase', :startsOn, :endsOn, :startsAt, :endsAt, :actions::text[])""")
            .param("org", id.value()).param("process", process)
            .param("startsOn", LocalDate.ofInstant(startsAt, ZoneOffset.UTC)).param("endsOn", LocalDate.ofInstant(endsAt, ZoneOffset.UTC))
            .param("startsAt", Timestamp.from(startsAt)).param("endsAt", Timestamp.from(endsAt))
            .param("actions", "{" + String.join(",", actions) + "}").update();
        return process;
    }

    /**
     * A confirmed account that signs in with {@link #PASSWORD}, named {@code name}, registered a month ago (so
     * the new-account posting limit does not apply); its login is returned.
     */
    public String account(String name, Role... roles) {
        return account(name, "en", Duration.ofDays(30), roles);
    }

    /** An account registered just now: the new-account posting limit applies to it. */
    public String newAccount(String name) {
        return account(name, "en", Duration.ZERO);
    }

    /** An established account whose chosen language is {@code language} (e.g. fr). */
    public String accountSpeaking(String language, String name) {
        return account(name, language, Duration.ofDays(30));
    }

    private String account(String name, String language, Duration age, Role... roles) {
        String login = "d" + SEQUENCE.incrementAndGet() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
        Timestamp registered = Timestamp.from(Instant.now().minus(age));
        long account = jdbc.sql("""
                INSERT INTO account (organization_id, login, login_channel, password_hash, display_name, language, created_at, confirmed_at)
                VALUES (:org, :login, 'email', (SELECT password_hash FROM account WHERE login = 'resident@demo.city' LIMIT 1),
                        :name, :language, :registered, :registered)
                RETURNING id""")
            .param("org", id.value()).param("login", login).param("name", name).param("language", language)
            .param("registered", registered).query(Long.class).single();
        for (Role role : roles) {
            jdbc.sql("INSERT INTO role_assignment (organization_id, account_id, role, granted_at) VALUES (:org, :id, :role, now())")
                .param("org", id.value()).param("id", account).param("role", role.name()).update();
        }
        return login;
    }

    public long accountId(String login) {
        return jdbc.sql("SELECT id FROM account WHERE organization_id = :org AND login = :login")
            .param("org", id.value()).param("login", login).query(Long.class).single();
    }

    /** A browser signed in as a new account named {@code name}. */
    public WebClient signedIn(String name, Role... roles) {
        WebClient client = new WebClient(host, port);
        client.signIn(account(name, roles), PASSWORD);
        return client;
    }

    public WebClient signedInAs(String login) {
        WebClient client = new WebClient(host, port);
        client.signIn(login, PASSWORD);
        return client;
    }

    /** A proposal stored directly in a process; returns its id. */
    public long proposal(long process, String authorLogin) {
        return jdbc.sql("""
                INSERT INTO proposal (organization_id, process_id, author_account_id, title, summary, body, created_at, updated_at)
                VALUES (:org, :process, :author, 'A proposal', 'Its summary', 'Its body', now(), now()) RETURNING id""")
            .param("org", id.value()).param("process", process).param("author", accountId(authorLogin))
            .query(Long.class).single();
    }

    /** A debate stored directly; returns its id. */
    public long debate(String authorLogin, String title, boolean anonymous) {
        return jdbc.sql("""
                INSERT INTO debate (organization_id, author_account_id, anonymous, title, body, created_at)
                VALUES (:org, :author, :anonymous, :title, 'What do you think?', now()) RETURNING id""")
            .param("org", id.value()).param("author", accountId(authorLogin)).param("anonymous", anonymous)
            .param("title", title).query(Long.class).single();
    }

    public JdbcClient jdbc() {
        return jdbc;
    }
}
