package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baraza.participation.testing.WebClient.pair;

import java.net.http.HttpResponse;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import org.baraza.IntegrationTest;
import org.baraza.participation.testing.Electorate;
import org.baraza.participation.testing.Polls;
import org.baraza.participation.testing.WebClient;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A voter checks, anonymously and after closing, that their receipt is in the public list. */
@IntegrationTest
class ReceiptCheckIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.baraza.participation.consultations.ConsultationCatalogue catalogue;

    @Test
    void aVoterFindsTheirReceiptCountedAfterClosing() {
        Electorate electorate = new Electorate(jdbc);
        Polls polls = new Polls(jdbc, catalogue::forget);
        OrganizationId demoCity = electorate.demoCity();
        Polls.Poll poll = polls.open(demoCity).yesNo("Longer library hours?").create();
        WebClient resident = WebClient.demoCity(port);
        resident.signIn(electorate.verified(demoCity, "northgate").login(), Electorate.PASSWORD);
        HttpResponse<String> cast = resident.submit(poll.page(), poll.ballot(), List.of(pair(poll.question(0).field(),
            poll.question(0).answer(0))));
        Matcher receipt = IntegrityUnderLoadIT.RECEIPT.matcher(cast.body());
        assertThat(receipt.find()).isTrue();
        String code = receipt.group(1);
        WebClient anyone = WebClient.demoCity(port);

        assertThat(anyone.get(poll.page() + "/receipts").statusCode()).as("not before closing").isEqualTo(409);
        polls.pastClosingDate(poll.id());
        HttpResponse<String> list = anyone.get(poll.page() + "/receipts");
        String fingerprint = Receipt.fingerprint(new Receipt(code).hash(poll.id()));
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(fingerprint).doesNotContain(code);
        assertThat(anyone.get("/api/v1/consultations/" + poll.id().value() + "/receipts").body())
            .contains(HexFormat.of().formatHex(new Receipt(code).hash(poll.id())));

        HttpResponse<String> counted = anyone.submit(poll.page() + "/receipts", poll.page() + "/receipts",
            List.of(pair("code", code.toLowerCase().replace("-", " "))));
        assertThat(counted.statusCode()).isEqualTo(200);
        assertThat(counted.body()).contains("Counted: the ballot with this receipt", fingerprint);
        HttpResponse<String> unknown = anyone.submit(poll.page() + "/receipts", poll.page() + "/receipts",
            List.of(pair("code", "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ")));
        assertThat(unknown.body()).contains("No ballot in this consultation has this receipt.");
        HttpResponse<String> garbage = anyone.submit(poll.page() + "/receipts", poll.page() + "/receipts",
            List.of(pair("code", "<script>")));
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(garbage.body()).contains("Enter the receipt code as it was shown").doesNotContain("<script>");
    }
}
