package org.baraza.participation.results;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.Question;
import org.baraza.platform.District;

/**
 * Turns the database's counts into results: plain arithmetic with no framework, so it can be tested and
 * reproduced alone. Borda count for ranked (top-k) questions: a ballot gives k points to its first choice,
 * k−1 to its second, down to 1 for its k-th; answers it did not rank get nothing.
 */
final class Tally {

    private Tally() {
    }

    static Results of(Consultation consultation, Counts counts, List<District> districts) {
        List<Results.QuestionResult> questions = new ArrayList<>();
        for (Question question : consultation.questions()) {
            questions.add(question(question, counts));
        }
        Results.Turnout turnout = new Results.Turnout(counts.voters().getOrDefault("ONLINE", 0L),
            counts.voters().getOrDefault("BOOTH", 0L), counts.voters().getOrDefault("PAPER", 0L), districts(counts, districts));
        return new Results(consultation, counts.electronicBallots(), counts.paperBallots(), counts.paperNullBallots(),
            counts.booths(), turnout, questions);
    }

    private static Results.QuestionResult question(Question question, Counts counts) {
        Map<Key, Long> electronic = index(counts.choices(), question.id());
        Map<Key, Long> paper = index(counts.paperChoices(), question.id());
        long blank = electronic.getOrDefault(new Key(null, null), 0L) + paper.getOrDefault(new Key(null, null), 0L);
        long validPaper = counts.paperBallots() - counts.paperNullBallots();
        long answered = counts.electronicBallots() + validPaper - blank;
        int k = question.maxChoices();
        List<Results.AnswerResult> answers = new ArrayList<>();
        for (Answer answer : question.answers()) {
            if (question.isRanked()) {
                List<Long> perRank = new ArrayList<>();
                long total = 0;
                long electronicTotal = 0;
                long borda = 0;
                for (int rank = 1; rank <= k; rank++) {
                    long e = electronic.getOrDefault(new Key(answer.id(), rank), 0L);
                    long p = paper.getOrDefault(new Key(answer.id(), rank), 0L);
                    perRank.add(e + p);
                    total += e + p;
                    electronicTotal += e;
                    borda += (e + p) * (k - rank + 1);
                }
                answers.add(new Results.AnswerResult(answer, total, electronicTotal, total - electronicTotal,
                    percent(perRank.get(0), answered), perRank, borda));
            } else {
                long e = electronic.getOrDefault(new Key(answer.id(), null), 0L);
                long p = paper.getOrDefault(new Key(answer.id(), null), 0L);
                answers.add(new Results.AnswerResult(answer, e + p, e, p, percent(e + p, answered), List.of(), 0));
            }
        }
        return new Results.QuestionResult(question, Math.max(0, answered), blank, answers);
    }

    /** The ranked answers in order of their Borda points (then first choices, then position), for the ranking table. */
    static List<Results.AnswerResult> byBorda(Results.QuestionResult question) {
        return question.answers().stream()
            .sorted(Comparator.comparingLong(Results.AnswerResult::bordaPoints).reversed()
                .thenComparing(Comparator.comparingLong(Results.AnswerResult::firstChoices).reversed())
                .thenComparingInt(a -> a.answer().position()))
            .toList();
    }

    private static List<Results.DistrictTurnout> districts(Counts counts, List<District> districts) {
        List<Results.DistrictTurnout> list = new ArrayList<>();
        for (District district : districts) {
            list.add(new Results.DistrictTurnout(district.code(), district.name(),
                shown(counts.votersByDistrict().getOrDefault(district.code(), 0L))));
        }
        counts.votersByDistrict().forEach((code, count) -> {
            if (code != null && districts.stream().noneMatch(d -> d.code().equals(code))) {
                list.add(new Results.DistrictTurnout(code, code, shown(count)));
            }
        });
        return list;
    }

    /** A count of people as published: 1 to 4 become "&lt;5", so that nobody in a small district can be picked out. */
    static String shown(long count) {
        return count > 0 && count < Results.SMALL_COUNT ? "<" + Results.SMALL_COUNT : Long.toString(count);
    }

    private static double percent(long part, long whole) {
        return whole <= 0 ? 0 : Math.round(part * 1000.0 / whole) / 10.0;
    }

    private record Key(Long answerId, Integer rank) {
    }

    private static Map<Key, Long> index(List<Counts.Row> rows, long questionId) {
        Map<Key, Long> map = new HashMap<>();
        for (Counts.Row row : rows) {
            if (row.questionId() == questionId) {
                map.merge(new Key(row.answerId(), row.rank()), row.votes(), Long::sum);
            }
        }
        return map;
    }
}
