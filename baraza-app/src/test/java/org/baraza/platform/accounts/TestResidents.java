package org.baraza.platform.accounts;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.baraza.platform.OrganizationId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.context.ApplicationContext;

/** Makes accounts for tests and reads what the outbox sent them; logins are unique per call. */
final class TestResidents {

    static final String PASSWORD = "correct horse battery";
    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    private final AccountRepository accounts;
    private final PasswordHashing hashing;
    private final JdbcClient jdbc;

    private TestResidents(AccountRepository accounts, PasswordHashing hashing, JdbcClient jdbc) {
        this.accounts = accounts;
        this.hashing = hashing;
        this.jdbc = jdbc;
    }

    static TestResidents of(ApplicationContext context) {
        return new TestResidents(context.getBean(AccountRepository.class), context.getBean(PasswordHashing.class),
            context.getBean(JdbcClient.class));
    }

    static String uniqueEmail(String who) {
        return who.toLowerCase(java.util.Locale.ROOT) + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    OrganizationId demoCity() {
        return organization("demo-city");
    }

    OrganizationId hilltown() {
        return organization("hilltown");
    }

    OrganizationId organization(String slug) {
        return new OrganizationId(jdbc.sql("SELECT id FROM organization WHERE slug = :slug").param("slug", slug)
            .query(Long.class).single());
    }

    /** A confirmed account with {@link #PASSWORD}. */
    long confirmed(OrganizationId organization, String email, String displayName) {
        return accounts.insert(organization, Login.parse(email).orElseThrow(), hashing.hash(PASSWORD), displayName, null,
            "en", Instant.now(), Instant.now());
    }

    Optional<StoredAccount> account(OrganizationId organization, String login) {
        return accounts.findByLogin(organization, Login.parse(login).orElseThrow());
    }

    long count(OrganizationId organization, String login) {
        return jdbc.sql("SELECT count(*) FROM account WHERE organization_id = :org AND login = :login")
            .param("org", organization.value()).param("login", Login.parse(login).map(Login::value).orElse(login))
            .query(Long.class).single();
    }

    long accountRows() {
        return jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();
    }

    /** The code in the newest outbox message to this login. */
    String lastCodeSentTo(OrganizationId organization, String login) {
        String body = jdbc.sql("""
                SELECT body FROM outbox_message WHERE organization_id = :org AND recipient = :to ORDER BY id DESC LIMIT 1""")
            .param("org", organization.value()).param("to", Login.parse(login).orElseThrow().value())
            .query(String.class).single();
        Matcher code = CODE.matcher(body);
        if (!code.find()) {
            throw new AssertionError("no code in the message");
        }
        return code.group(1);
    }

    /** An unconfirmed account, as registration leaves it, with {@link #PASSWORD}. */
    long unconfirmed(OrganizationId organization, String email, String displayName) {
        return accounts.insert(organization, Login.parse(email).orElseThrow(), hashing.hash(PASSWORD), displayName, null,
            "en", Instant.now(), null);
    }

    JdbcClient jdbc() {
        return jdbc;
    }

    long messagesTo(OrganizationId organization, String login) {
        return jdbc.sql("SELECT count(*) FROM outbox_message WHERE organization_id = :org AND recipient = :to")
            .param("org", organization.value()).param("to", Login.parse(login).orElseThrow().value())
            .query(Long.class).single();
    }
}
