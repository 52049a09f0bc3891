package org.baraza.participation.voting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.Question;
import org.baraza.participation.consultations.QuestionType;
import org.baraza.participation.web.FormErrors;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.Test;

class BallotPaperTest {

    static final Question SINGLE = new Question(1, 1, "Which park?", QuestionType.SINGLE, 1, null,
        List.of(new Answer(11, 1, "North"), new Answer(12, 2, "South")));
    static final Question MULTIPLE = new Question(2, 2, "Which services?", QuestionType.MULTIPLE, 2, null,
        List.of(new Answer(21, 1, "Water"), new Answer(22, 2, "Light"), new Answer(23, 3, "Benches")));
    static final Question RANKED = new Question(3, 3, "Rank", QuestionType.RANKED, 2, null,
        List.of(new Answer(31, 1, "Library"), new Answer(32, 2, "Clinic"), new Answer(33, 3, "School")));
    static final Question YES_NO = new Question(4, 4, "Yes?", QuestionType.YES_NO, 1, 99L,
        List.of(new Answer(41, 1, "YES"), new Answer(42, 2, "NO")));
    static final Consultation POLL = new Consultation(new ConsultationId(7), new OrganizationId(1), new ProcessId(5), "Poll", "",
        Instant.EPOCH, Instant.MAX, null, null, null, null, null, List.of(SINGLE, MULTIPLE, RANKED, YES_NO));

    @Test
    void aCompleteBallotIsRead() {
        BallotPaper ballot = read(Map.of("q1", List.of("12"), "q2", List.of("21", "23"), "q3a33", List.of("1"),
            "q3a31", List.of("2"), "q3a32", List.of(""), "q4", List.of("41")), new FormErrors());
        assertThat(ballot.choices()).containsExactly(
            new BallotPaper.Choice(1, 12L, null),
            new BallotPaper.Choice(2, 21L, null), new BallotPaper.Choice(2, 23L, null),
            new BallotPaper.Choice(3, 33L, 1), new BallotPaper.Choice(3, 31L, 2),
            new BallotPaper.Choice(4, 41L, null));
    }

    @Test
    void unansweredQuestionsAreBlank() {
        BallotPaper ballot = read(Map.of("q1", List.of("blank")), new FormErrors());
        assertThat(ballot.choices()).containsExactly(new BallotPaper.Choice(1, null, null), new BallotPaper.Choice(2, null, null),
            new BallotPaper.Choice(3, null, null), new BallotPaper.Choice(4, null, null));
    }

    @Test
    void refusals() {
        assertRefused(Map.of("q1", List.of("21")), "q1", "consultations.ballot.error.notAnAnswer");
        assertRefused(Map.of("q1", List.of("11", "12")), "q1", "consultations.ballot.error.tooManyChoices");
        assertRefused(Map.of("q2", List.of("21", "22", "23")), "q2", "consultations.ballot.error.tooManyChoices");
        assertRefused(Map.of("q2", List.of("21", "21")), "q2", "consultations.ballot.error.duplicateChoice");
        assertRefused(Map.of("q3a31", List.of("1"), "q3a32", List.of("1")), "q3", "consultations.ballot.error.duplicateRank");
        assertRefused(Map.of("q3a31", List.of("2")), "q3", "consultations.ballot.error.rankGap");
        assertRefused(Map.of("q3a31", List.of("3")), "q3", "consultations.ballot.error.rankOutOfRange");
        assertRefused(Map.of("q3a31", List.of("0")), "q3", "consultations.ballot.error.rankOutOfRange");
        assertRefused(Map.of("q3a31", List.of("1", "2")), "q3", "consultations.ballot.error.duplicateRank");
        assertRefused(Map.of("q3a21", List.of("1")), "q3", "consultations.ballot.error.notAnAnswer");
        assertRefused(Map.of("q1a11", List.of("1")), "q1", "consultations.ballot.error.notAnAnswer");
        assertRefused(Map.of("q9", List.of("11")), "ballot", "consultations.ballot.error.unknownQuestion");
        assertRefused(Map.of("q1x", List.of("11")), "ballot", "consultations.ballot.error.unknownQuestion");
        assertRefused(Map.of("q1", List.of("-11")), "q1", "consultations.ballot.error.notAnAnswer");
        assertRefused(Map.of("q1", List.of("11111111111111111111111")), "q1", "consultations.ballot.error.notAnAnswer");
        assertRefused(Map.of("q1", List.of("١١")), "q1", "consultations.ballot.error.notAnAnswer");
    }

    private static void assertRefused(Map<String, List<String>> fields, String field, String key) {
        FormErrors errors = new FormErrors();
        assertThat(read(fields, errors)).as(fields.toString()).isNull();
        assertThat(errors.getByField()).as(fields.toString()).containsKey(field);
        assertThat(errors.getByField().get(field).key()).as(fields.toString()).isEqualTo(key);
    }

    private static BallotPaper read(Map<String, List<String>> fields, FormErrors errors) {
        return BallotPaper.read(POLL, new LinkedHashMap<>(fields), errors);
    }
}
