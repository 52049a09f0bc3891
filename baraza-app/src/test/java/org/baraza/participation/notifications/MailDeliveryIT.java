package org.baraza.participation.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.baraza.IntegrationTest;
import org.baraza.participation.debates.DiscussionCity;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.tenancy.MunicipalityDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Notifications delivered to a real SMTP server (GreenMail on a free port), one per event or as a daily digest. */
@IntegrationTest
class MailDeliveryIT {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MunicipalityDirectory directory;
    @Autowired
    MessageSource messages;
    @Autowired
    RecipientLanguages languages;

    DiscussionCity city;
    MailDelivery delivery;

    @BeforeEach
    void setUp() {
        city = DiscussionCity.create(jdbc, directory, port);
        // addresses as the platform will give them: the account's login, which is an e-mail here
        NotificationAddresses addresses = (organization, account) -> jdbc.sql("SELECT login FROM account WHERE id = :id")
            .param("id", account).query(String.class).optional().filter(login -> login.contains("@"));
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("addresses", addresses));
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        delivery = new MailDelivery(jdbc, beans.getBeanProvider(NotificationAddresses.class), languages, sender, messages,
            Clock.systemUTC(), "baraza@democity.example");
    }

    private long comment(WebClient client, long debate, Long parent, String body) {
        Map<String, String> fields = new HashMap<>(Map.of("target", "debate:" + debate, "body", body,
            "_csrf", client.csrfToken("/debates/" + debate)));
        if (parent != null) {
            fields.put("parent", parent.toString());
        }
        HttpResponse<String> posted = client.post("/comments", fields);
        assertThat(posted.statusCode()).isEqualTo(302);
        return Long.parseLong(posted.headers().firstValue("Location").orElseThrow().replaceAll(".*#comment-", ""));
    }

    private MimeMessage[] mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(mail -> {
            try {
                return Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().equals(address));
            } catch (Exception e) {
                return false;
            }
        }).toArray(MimeMessage[]::new);
    }

    @Test
    void aReplyIsMailedOnceThroughSmtp() throws Exception {
        long debate = city.debate(city.account("Author"), "Library hours", false);
        String firstLogin = city.account("First");
        long parent = comment(city.signedInAs(firstLogin), debate, null, "Open later, please");
        comment(city.signedIn("Replier"), debate, parent, "Agreed");
        delivery.deliverEach();
        delivery.deliverEach();
        MimeMessage[] mails = mailsTo(firstLogin);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Someone replied to your comment.");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("/debates/" + debate + "#comment-");
    }

    @Test
    void digestModeSendsOneMailForManyNotifications() throws Exception {
        long debate = city.debate(city.account("Author"), "Market stalls", false);
        String login = city.account("Digest reader");
        WebClient reader = city.signedInAs(login);
        assertThat(reader.post("/account/notifications/mail", Map.of("mail", "daily",
            "_csrf", reader.csrfToken("/account/notifications"))).statusCode()).isEqualTo(302);
        long parent = comment(reader, debate, null, "My view");
        WebClient others = city.signedIn("Others");
        for (int i = 0; i < 3; i++) {
            comment(others, debate, parent, "Reply " + i);
        }
        delivery.deliverEach();
        assertThat(mailsTo(login)).isEmpty();
        delivery.deliverDigests();
        delivery.deliverDigests();
        MimeMessage[] mails = mailsTo(login);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Your daily digest: 3 notifications");
        assertThat(GreenMailUtil.getBody(mails[0]).split("Someone replied to your comment.", -1)).hasSize(4);
        assertThat(reader.post("/account/notifications/mail", Map.of("mail", "hourly",
            "_csrf", reader.csrfToken("/account/notifications"))).statusCode()).isEqualTo(400);
    }

    @Test
    void aFrenchResidentGetsTheirMailInFrench() throws Exception {
        long debate = city.debate(city.account("Author"), "Horaires de la bibliothèque", false);
        String french = city.accountSpeaking("fr", "Camille");
        long parent = comment(city.signedInAs(french), debate, null, "Ouvrir plus tard, svp");
        comment(city.signedIn("Replier"), debate, parent, "D'accord");
        delivery.deliverEach();
        MimeMessage[] mails = mailsTo(french);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Quelqu’un a répondu à votre commentaire.");
        assertThat(GreenMailUtil.getBody(mails[0])).contains("/debates/" + debate + "#comment-");
    }

    @Test
    void aFrenchResidentsDigestIsInFrench() throws Exception {
        long debate = city.debate(city.account("Author"), "Marché", false);
        String login = city.accountSpeaking("fr", "Lecteur du soir");
        WebClient reader = city.signedInAs(login);
        assertThat(reader.post("/account/notifications/mail", Map.of("mail", "daily",
            "_csrf", reader.csrfToken("/account/notifications"))).statusCode()).isEqualTo(302);
        long parent = comment(reader, debate, null, "Mon avis");
        WebClient others = city.signedIn("Others");
        comment(others, debate, parent, "Réponse 1");
        comment(others, debate, parent, "Réponse 2");
        delivery.deliverDigests();
        MimeMessage[] mails = mailsTo(login);
        assertThat(mails).hasSize(1);
        assertThat(mails[0].getSubject()).isEqualTo("Votre résumé du jour : 2 notifications");
        String body = mails[0].getContent().toString();
        assertThat(body.split("Quelqu’un a répondu à votre commentaire.", -1)).hasSize(3);
        assertThat(body).doesNotContain("Someone replied");
    }

    @Test
    void noAddressMeansNoMailAndNoRetryStorm() {
        Optional<String> none = Optional.empty();
        NotificationAddresses nobody = (organization, account) -> none;
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(smtp.getSmtp().getPort());
        MailDelivery withoutAddresses = new MailDelivery(jdbc,
            new StaticListableBeanFactory(Map.of("nobody", nobody)).getBeanProvider(NotificationAddresses.class), languages,
            sender, messages, Clock.systemUTC(), "");
        long debate = city.debate(city.account("Author"), "Bins", false);
        long parent = comment(city.signedIn("Someone"), debate, null, "Hello");
        comment(city.signedIn("Another"), debate, parent, "Hi");
        int before = smtp.getReceivedMessages().length;
        assertThat(withoutAddresses.deliverEach()).isZero();
        assertThat(smtp.getReceivedMessages()).hasSize(before);
    }
}
