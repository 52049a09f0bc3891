package org.baraza.pb;

import java.math.BigDecimal;

/**
 * A project left unfunded in an {@link Explanation}, and why.
 *
 * @param supporters           voters who approve it
 * @param cost                 exact, as in the election
 * @param supportersMoneyLeft  Equal Shares only (else null): what its supporters had left together at
 *                             the end of the pass; rounded to cents
 */
public record UnfundedProject(String projectId, long supporters, BigDecimal cost, Reason reason,
                              BigDecimal supportersMoneyLeft) {

    /**
     * Why a project was not funded. When several hold, the one given is NO_SUPPORTERS, else
     * INCOMPATIBLE_WITH_WINNER, else the rule's own reason.
     */
    public enum Reason {
        /** Nobody voted for it. */
        NO_SUPPORTERS,
        /**
         * Equal Shares without completion: what its supporters had left of their shares did not cover
         * its cost.
         */
        SUPPORTERS_MONEY_SHORT,
        /**
         * It did not fit in what remained of the budget (greedy, and the greedy completion after Equal
         * Shares; for Phragmén also a project after the one that did not fit, where the rule stops).
         */
        BUDGET_EXHAUSTED,
        /** A project it is incompatible with was funded. */
        INCOMPATIBLE_WITH_WINNER
    }
}
