package org.baraza.participation.results;

import java.util.List;
import org.baraza.participation.consultations.Answer;
import org.baraza.participation.consultations.Consultation;
import org.baraza.participation.consultations.Question;

/**
 * The published results of a closed consultation: ballot and turnout totals and, per question, the votes
 * for each answer (the box's and the paper sheets' together), blanks, and for ranked questions the count
 * at each rank and the Borda points. Turnout by district shows small counts as "&lt;5" so that nobody can be
 * picked out; ballots carry no district at all.
 */
public record Results(Consultation consultation, long electronicBallots, long paperBallots, long paperNullBallots, long booths,
                      Turnout turnout, List<QuestionResult> questions) {

    /** Below this, a count of people in a district is shown as "&lt;5". */
    public static final int SMALL_COUNT = 5;

    public Results {
        questions = List.copyOf(questions);
    }

    /** All ballots counted: in the box and valid or null on paper. */
    public long totalBallots() {
        return electronicBallots + paperBallots;
    }

    /** Whether the box holds exactly one ballot per person who voted online or at a booth (always, unless tampered with). */
    public boolean boxMatchesRoll() {
        return electronicBallots == turnout.online() + turnout.booth();
    }

    /** Whether the paper sheets hold exactly one ballot per person marked as voting on paper. */
    public boolean paperMatchesRoll() {
        return paperBallots == turnout.paper();
    }

    /** People who voted, by channel, and by district with small counts suppressed. */
    public record Turnout(long online, long booth, long paper, List<DistrictTurnout> districts) {
        public Turnout {
            districts = List.copyOf(districts);
        }

        public long total() {
            return online + booth + paper;
        }
    }

    /** @param shown the count as published: the number, or "&lt;5" for 1 to 4 */
    public record DistrictTurnout(String code, String name, String shown) {
    }

    /**
     * @param answered ballots that answered the question (not blank, not null)
     * @param blank ballots that left it blank
     */
    public record QuestionResult(Question question, long answered, long blank, List<AnswerResult> answers) {
        public QuestionResult {
            answers = List.copyOf(answers);
        }

        public long mostVotes() {
            return answers.stream().mapToLong(a -> question.isRanked() ? a.bordaPoints() : a.votes()).max().orElse(0);
        }
    }

    /**
     * @param votes box and paper together (for ranked questions: at any rank)
     * @param percent of the ballots that answered the question (for ranked: first choices)
     * @param perRank for ranked questions, votes at rank 1, 2, …, k; empty otherwise
     * @param bordaPoints for ranked questions: k points for a first choice, k−1 for a second, …, 1 for a k-th
     */
    public record AnswerResult(Answer answer, long votes, long electronic, long paper, double percent, List<Long> perRank,
                               long bordaPoints) {
        public AnswerResult {
            perRank = List.copyOf(perRank);
        }

        public long firstChoices() {
            return perRank.isEmpty() ? votes : perRank.get(0);
        }
    }
}
