package org.baraza.budgeting.results;

import java.math.BigDecimal;
import java.util.List;

/**
 * The outcome of one heading's vote under the edition's rule, with what residents need to follow it: each
 * winner's supporters and what they paid, why each other project was not funded, and what plain greedy by
 * votes would have chosen instead.
 *
 * @param endowmentPerVoter each voter's equal share of the budget under the Method of Equal Shares (null for
 *                          rules without shares)
 */
public record HeadingResult(Heading heading, long ballots, String rule, String tieBreak, BigDecimal endowmentPerVoter,
                            List<Winner> winners, List<NotFunded> notFunded, BigDecimal spent, Comparison comparison) {

    public HeadingResult {
        winners = List.copyOf(winners);
        notFunded = List.copyOf(notFunded);
    }

    public BigDecimal budget() {
        return heading.budget();
    }

    public BigDecimal left() {
        return heading.budget().subtract(spent);
    }

    /** Whether the rule shares the budget out equally among voters (the Method of Equal Shares family). */
    public boolean equalShares() {
        return endowmentPerVoter != null;
    }

    /**
     * A funded project, in selection order (position 1 = chosen first). {@code votes} counts the ballots choosing
     * it, {@code points} the points they gave it (equal to votes on approval ballots).
     *
     * @param largestPayment the most any one supporter paid for it (null for rules without payments)
     * @param supportersPayingAll how many supporters spent all they had left on it
     * @param byCompletion chosen by the completion step after the equal shares ran out
     */
    public record Winner(BallotProject project, int position, long votes, long points, BigDecimal largestPayment,
                         long supportersPayingAll, boolean byCompletion) {
    }

    /** Why a project was not funded, in the words of the explanation residents read. */
    public enum Reason {
        NO_SUPPORTERS, SUPPORTERS_MONEY_SHORT, BUDGET_EXHAUSTED, INCOMPATIBLE_WITH_WINNER
    }

    /** @param supportersMoneyLeft what its supporters still had between them at the end (null for rules without shares) */
    public record NotFunded(BallotProject project, long votes, long points, Reason reason, BigDecimal supportersMoneyLeft) {
    }

    /**
     * Plain greedy by votes beside the rule: its winners, the projects only one of the two funds, and how many
     * voters have at least one funded project they chose under each.
     */
    public record Comparison(List<BallotProject> greedyWinners, List<BallotProject> onlyRule, List<BallotProject> onlyGreedy,
                             long satisfiedUnderRule, long satisfiedUnderGreedy, BigDecimal greedySpent) {

        public Comparison {
            greedyWinners = List.copyOf(greedyWinners);
            onlyRule = List.copyOf(onlyRule);
            onlyGreedy = List.copyOf(onlyGreedy);
        }

        public boolean same() {
            return onlyRule.isEmpty() && onlyGreedy.isEmpty();
        }

        /** How many more voters the rule leaves with a funded project they chose (negative: fewer). */
        public long moreSatisfiedUnderRule() {
            return satisfiedUnderRule - satisfiedUnderGreedy;
        }
    }
}
