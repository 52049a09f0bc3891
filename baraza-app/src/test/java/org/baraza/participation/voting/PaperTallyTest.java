package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.baraza.participation.web.FormErrors;
import org.junit.jupiter.api.Test;

class PaperTallyTest {

    @Test
    void aSheetThatAddsUpIsRead() {
        Map<String, String> sheet = sheet();
        PaperTally tally = PaperTally.read(BallotPaperTest.POLL, sheet, new FormErrors());
        assertThat(tally).isNotNull();
        assertThat(tally.ballots()).isEqualTo(10);
        assertThat(tally.counts()).contains(new PaperTally.Count(1, 11L, null, 5), new PaperTally.Count(3, 31L, 1, 4),
            new PaperTally.Count(1, null, null, 1));
    }

    @Test
    void aSheetThatDoesNotAddUpIsRefused() {
        for (Map.Entry<String, String> change : Map.of("q1a11", "6", "q2a21", "10", "q3a31r2", "9", "q4a41", "0",
            "nullBallots", "11", "ballots", "abc", "q1blank", "-1").entrySet()) {
            Map<String, String> sheet = sheet();
            sheet.put(change.getKey(), change.getValue());
            FormErrors errors = new FormErrors();
            assertThat(PaperTally.read(BallotPaperTest.POLL, sheet, errors)).as(change.toString()).isNull();
            assertThat(errors.isEmpty()).isFalse();
        }
    }

    /** 10 ballots, 1 null: 9 valid per question. */
    static Map<String, String> sheet() {
        Map<String, String> sheet = new HashMap<>();
        sheet.put("booth", "Market Hall");
        sheet.put("ballots", "10");
        sheet.put("nullBallots", "1");
        sheet.put("q1a11", "5");
        sheet.put("q1a12", "3");
        sheet.put("q1blank", "1");
        sheet.put("q2a21", "6");
        sheet.put("q2a22", "4");
        sheet.put("q2blank", "1");
        sheet.put("q3a31r1", "4");
        sheet.put("q3a32r1", "3");
        sheet.put("q3a33r1", "1");
        sheet.put("q3a31r2", "2");
        sheet.put("q3a32r2", "2");
        sheet.put("q3blank", "1");
        sheet.put("q4a41", "7");
        sheet.put("q4a42", "2");
        sheet.put("q4blank", "0");
        return sheet;
    }
}
