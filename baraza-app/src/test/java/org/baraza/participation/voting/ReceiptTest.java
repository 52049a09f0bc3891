package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.baraza.participation.ConsultationId;
import org.junit.jupiter.api.Test;

class ReceiptTest {

    @Test
    void codesAreRandomReadableAndLongEnough() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String code = Receipt.issue().code();
            assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){4}");
            assertThat(seen.add(code)).isTrue();
        }
    }

    @Test
    void aReceiptPrintedByMistakeDoesNotShowItsCode() {
        Receipt receipt = Receipt.issue();
        assertThat(receipt.toString()).doesNotContain(receipt.code()).isEqualTo("Receipt[****]");
    }

    @Test
    void aCodeTypedBackCarelesslyStillMatches() {
        Receipt receipt = new Receipt("0I1L-ABCD-EFGH-JKMN-PQRS");
        ConsultationId poll = new ConsultationId(3);
        byte[] expected = receipt.hash(poll);
        assertThat(Receipt.hash(poll, Receipt.normalise(" oil1 abcd-efgh jkmn pqrs "))).isEqualTo(expected);
        assertThat(Receipt.normalise("too short")).isEmpty();
        assertThat(Receipt.normalise("ABCD-EFGH-JKMN-PQRS-TVW!")).isEmpty();
    }

    @Test
    void theSameCodeMeansNothingInAnotherConsultation() {
        Receipt receipt = Receipt.issue();
        assertThat(receipt.hash(new ConsultationId(1))).isNotEqualTo(receipt.hash(new ConsultationId(2)));
        assertThat(Receipt.fingerprint(receipt.hash(new ConsultationId(1)))).matches("[0-9a-f]{4}( [0-9a-f]{4}){3}");
    }
}
