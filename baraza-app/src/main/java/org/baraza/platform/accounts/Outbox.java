package org.baraza.platform.accounts;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.baraza.platform.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Messages for residents, written in the same transaction as what caused them and sent later
 * by a gateway (e-mail, SMS: a later issue). The log names the account and channel, never the address.
 */
@Component
class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param kind what the message is, for the log line, e.g. {@code confirmation code} */
    @Transactional(propagation = Propagation.MANDATORY)
    void queue(OrganizationId organization, long accountId, Login to, String kind, String subject, String body) {
        jdbc.sql("""
                INSERT INTO outbox_message (organization_id, account_id, channel, recipient, subject, body, created_at)
                VALUES (:org, :account, :channel, :recipient, :subject, :body, :now)""")
            .param("org", organization.value()).param("account", accountId).param("channel", to.channel().code)
            .param("recipient", to.value()).param("subject", subject).param("body", body)
            .param("now", Timestamp.from(clock.instant())).update();
        log.info("{} queued for account {} via {}", kind, accountId, to.channel().code);
    }

    /** The newest messages of a municipality, for the demo's outbox page. */
    List<Message> recent(OrganizationId organization, int limit) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org ORDER BY id DESC LIMIT :limit")
            .param("org", organization.value()).param("limit", limit)
            .query(Outbox::message).list();
    }

    /** Every message to one account, for their data export. */
    List<Message> to(OrganizationId organization, long accountId) {
        return jdbc.sql(SELECT + " WHERE organization_id = :org AND account_id = :account ORDER BY id")
            .param("org", organization.value()).param("account", accountId)
            .query(Outbox::message).list();
    }

    /** Messages hold the address and codes: they go with the account. */
    @Transactional(propagation = Propagation.MANDATORY)
    void forget(OrganizationId organization, long accountId) {
        jdbc.sql("DELETE FROM outbox_message WHERE organization_id = :org AND account_id = :account")
            .param("org", organization.value()).param("account", accountId).update();
    }

    record Message(long id, String channel, String recipient, String subject, String body, Instant createdAt) {
    }

    private static final String SELECT = "SELECT id, channel, recipient, subject, body, created_at FROM outbox_message";

    private static Message message(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Message(rs.getLong("id"), rs.getString("channel"), rs.getString("recipient"), rs.getString("subject"),
            rs.getString("body"), rs.getTimestamp("created_at").toInstant());
    }
}
