package org.baraza.participation.notifications;

import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.baraza.platform.OrganizationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends notifications by e-mail through the SMTP server of BARAZA_SMTP_HOST (PORT, USERNAME, PASSWORD,
 * FROM); without a host, or without a way to find addresses, nothing is sent and notifications stay in the
 * app. Residents who chose "each" get one mail per notification (every minute, {@link #deliverEach()});
 * those who chose "daily" get one digest a day ({@link #deliverDigests()}). A notification is marked mailed
 * once sent, so a restart does not send it twice; a failed send is tried again on the next run. Each mail
 * is written in its recipient's language ({@link RecipientLanguages}). Logs carry counts only, never addresses.
 */
@Component
class MailDelivery {

    private static final Logger log = LoggerFactory.getLogger(MailDelivery.class);
    /** Most notifications read per run, so a backlog is worked through in bounded steps. */
    private static final int BATCH = 500;

    private record Pending(long id, long organization, long account, String kind, String detail, String path) {
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<NotificationAddresses> addresses;
    private final RecipientLanguages languages;
    private final JavaMailSender sender;
    private final MessageSource messages;
    private final Clock clock;
    private final String from;

    @Autowired
    MailDelivery(JdbcClient jdbc, ObjectProvider<NotificationAddresses> addresses, RecipientLanguages languages,
                 MessageSource messages, Clock clock,
                 @Value("${baraza.smtp.host:${BARAZA_SMTP_HOST:}}") String host,
                 @Value("${baraza.smtp.port:${BARAZA_SMTP_PORT:587}}") int port,
                 @Value("${baraza.smtp.username:${BARAZA_SMTP_USERNAME:}}") String username,
                 @Value("${baraza.smtp.password:${BARAZA_SMTP_PASSWORD:}}") String password,
                 @Value("${baraza.smtp.from:${BARAZA_SMTP_FROM:}}") String from) {
        this(jdbc, addresses, languages, sender(host, port, username, password), messages, clock, from);
    }

    MailDelivery(JdbcClient jdbc, ObjectProvider<NotificationAddresses> addresses, RecipientLanguages languages,
                 JavaMailSender sender, MessageSource messages, Clock clock, String from) {
        this.jdbc = jdbc;
        this.addresses = addresses;
        this.languages = languages;
        this.sender = sender;
        this.messages = messages;
        this.clock = clock;
        this.from = from == null || from.isBlank() ? "no-reply@localhost" : from.strip();
    }

    private static JavaMailSender sender(String host, int port, String username, String password) {
        if (host == null || host.isBlank()) {
            return null;
        }
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(host.strip());
        sender.setPort(port);
        if (username != null && !username.isBlank()) {
            sender.setUsername(username);
            sender.setPassword(password);
            sender.getJavaMailProperties().put("mail.smtp.auth", "true");
            sender.getJavaMailProperties().put("mail.smtp.starttls.enable", "true");
        }
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "10000");
        sender.getJavaMailProperties().put("mail.smtp.timeout", "20000");
        return sender;
    }

    private boolean enabled() {
        return sender != null && addresses.getIfAvailable() != null;
    }

    /** One mail per notification, for residents who chose it (the default). */
    @Scheduled(initialDelayString = "PT30S", fixedDelayString = "${baraza.notifications.mail-every:PT1M}")
    int deliverEach() {
        if (!enabled()) {
            return 0;
        }
        int sent = 0;
        for (Pending pending : pending("each")) {
            Optional<String> to = addresses.getObject().emailOf(new OrganizationId(pending.organization()), pending.account());
            if (to.isEmpty() || !valid(to.get())) {
                markMailed(List.of(pending.id()));
                continue;
            }
            String line = line(pending, languages.of(new OrganizationId(pending.organization()), pending.account()));
            if (send(to.get(), line, line + "\n\n" + pending.path())) {
                markMailed(List.of(pending.id()));
                sent++;
            }
        }
        if (sent > 0) {
            log.info("{} notification mails sent", sent);
        }
        return sent;
    }

    /** One digest per resident who chose daily mail, with everything not mailed yet. Every day at 07:00 (server time). */
    @Scheduled(cron = "${baraza.notifications.digest-cron:0 0 7 * * *}")
    int deliverDigests() {
        if (!enabled()) {
            return 0;
        }
        Map<List<Long>, List<Pending>> byAccount = new LinkedHashMap<>();
        for (Pending pending : pending("daily")) {
            byAccount.computeIfAbsent(List.of(pending.organization(), pending.account()), k -> new ArrayList<>()).add(pending);
        }
        int sent = 0;
        for (var entry : byAccount.entrySet()) {
            List<Long> ids = entry.getValue().stream().map(Pending::id).toList();
            Optional<String> to = addresses.getObject().emailOf(new OrganizationId(entry.getKey().get(0)), entry.getKey().get(1));
            if (to.isEmpty() || !valid(to.get())) {
                markMailed(ids);
                continue;
            }
            Locale language = languages.of(new OrganizationId(entry.getKey().get(0)), entry.getKey().get(1));
            StringBuilder body = new StringBuilder();
            for (Pending pending : entry.getValue()) {
                body.append("- ").append(line(pending, language)).append("\n  ").append(pending.path()).append("\n");
            }
            String subject = messages.getMessage("notifications.mail.digest", new Object[] {entry.getValue().size()}, language);
            if (send(to.get(), subject, body.toString())) {
                markMailed(ids);
                sent++;
            }
        }
        if (sent > 0) {
            log.info("{} notification digests sent", sent);
        }
        return sent;
    }

    private List<Pending> pending(String mode) {
        return jdbc.sql("""
                SELECT n.id, n.organization_id, n.account_id, n.kind, n.detail, n.path FROM notification n
                LEFT JOIN notification_preference p ON p.organization_id = n.organization_id AND p.account_id = n.account_id
                WHERE n.mailed_at IS NULL AND coalesce(p.mail, 'each') = :mode
                ORDER BY n.organization_id, n.account_id, n.id LIMIT :batch""")
            .param("mode", mode).param("batch", BATCH)
            .query((rs, n) -> new Pending(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                rs.getString(6)))
            .list();
    }

    private String line(Pending pending, Locale language) {
        return messages.getMessage("notifications.kind." + pending.kind(), new Object[] {pending.detail()}, language);
    }

    private void markMailed(List<Long> ids) {
        Instant now = clock.instant();
        for (long id : ids) {
            jdbc.sql("UPDATE notification SET mailed_at = :now WHERE id = :id").param("now", Timestamp.from(now)).param("id", id).update();
        }
    }

    private boolean send(String to, String subject, String body) {
        SimpleMailMessage mail = new SimpleMailMessage();
        mail.setFrom(from);
        mail.setTo(to);
        mail.setSubject(subject);
        mail.setText(body);
        try {
            sender.send(mail);
            return true;
        } catch (RuntimeException failed) {
            log.warn("a notification mail could not be sent: {}", failed.getClass().getSimpleName());
            return false;
        }
    }

    private static boolean valid(String address) {
        try {
            new InternetAddress(address, true);
            return true;
        } catch (Exception invalid) {
            return false;
        }
    }
}
