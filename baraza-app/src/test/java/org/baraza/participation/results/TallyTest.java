package org.baraza.participation.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.baraza.participation.ConsultationId;
import org.baraza.participation.ProcessId;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.Question;
import org.baraza.participation.consultations.QuestionType;
import org.baraza.platform.District;
import org.baraza.platform.OrganizationId;
import org.junit.jupiter.api.Test;

class TallyTest {

    static final OrganizationId CITY = new OrganizationId(1);
    static final Question SINGLE = new Question(1, 1, "Park?", QuestionType.SINGLE, 1, null,
        List.of(new Answer(11, 1, "North"), new Answer(12, 2, "South")));
    static final Question RANKED = new Question(3, 2, "Rank", QuestionType.RANKED, 3, null,
        List.of(new Answer(31, 1, "Library"), new Answer(32, 2, "Clinic"), new Answer(33, 3, "School")));
    static final Consultation POLL = new Consultation(new ConsultationId(7), CITY, new ProcessId(5), "Poll", "", Instant.EPOCH,
        Instant.EPOCH.plusSeconds(1), null, null, Instant.EPOCH.plusSeconds(1), null, null, List.of(SINGLE, RANKED));

    @Test
    void boxAndPaperAreAddedAndBlanksCountedApart() {
        Counts counts = new Counts(10, List.of(row(1, 11L, null, 6), row(1, 12L, null, 3), row(1, null, null, 1)),
            Map.of("ONLINE", 8L, "BOOTH", 2L, "PAPER", 5L), Map.of(), 1, 5, 1,
            List.of(row(1, 11L, null, 1), row(1, 12L, null, 2), row(1, null, null, 1)));

        Results results = Tally.of(POLL, counts, List.of());

        Results.QuestionResult park = results.questions().get(0);
        assertThat(park.blank()).isEqualTo(2);
        assertThat(park.answered()).isEqualTo(12);
        assertThat(park.answers()).extracting(Results.AnswerResult::votes).containsExactly(7L, 5L);
        assertThat(park.answers()).extracting(Results.AnswerResult::paper).containsExactly(1L, 2L);
        assertThat(park.answers().get(0).percent()).isEqualTo(58.3);
        assertThat(results.totalBallots()).isEqualTo(15);
        assertThat(results.boxMatchesRoll()).isTrue();
        assertThat(results.paperMatchesRoll()).isTrue();
    }

    @Test
    void rankedQuestionsCountEachRankAndBorda() {
        // k = 3: first choice 3 points, second 2, third 1
        Counts counts = new Counts(4, List.of(
            row(3, 31L, 1, 2), row(3, 32L, 1, 1), row(3, 33L, 1, 1),
            row(3, 32L, 2, 3), row(3, 31L, 2, 1),
            row(3, 33L, 3, 2)),
            Map.of("ONLINE", 4L), Map.of(), 0, 0, 0, List.of());

        Results.QuestionResult ranked = Tally.of(POLL, counts, List.of()).questions().get(1);

        assertThat(ranked.answers()).extracting(Results.AnswerResult::perRank)
            .containsExactly(List.of(2L, 1L, 0L), List.of(1L, 3L, 0L), List.of(1L, 0L, 2L));
        assertThat(ranked.answers()).extracting(Results.AnswerResult::bordaPoints).containsExactly(8L, 9L, 5L);
        assertThat(Tally.byBorda(ranked)).extracting(a -> a.answer().text()).containsExactly("Clinic", "Library", "School");
    }

    @Test
    void smallDistrictCountsAreSuppressed() {
        Counts counts = new Counts(0, List.of(), Map.of(), Map.of("a", 1L, "b", 4L, "c", 5L, "gone", 2L), 0, 0, 0, List.of());
        List<District> districts = List.of(new District(1, CITY, "a", "A", null), new District(2, CITY, "b", "B", null),
            new District(3, CITY, "c", "C", null), new District(4, CITY, "d", "D", null));

        assertThat(Tally.of(POLL, counts, districts).turnout().districts()).extracting(Results.DistrictTurnout::shown)
            .containsExactly("<5", "<5", "5", "0", "<5");
    }

    private static Counts.Row row(long question, Long answer, Integer rank, long votes) {
        return new Counts.Row(question, answer, rank, votes);
    }
}
