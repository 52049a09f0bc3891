package org.baraza.pb;

import java.math.BigDecimal;

/**
 * A funded project in an {@link Explanation}.
 *
 * @param position           1 for the first project chosen, 2 for the next, ...
 * @param supporters         voters who approve it (give it a positive score)
 * @param cost               exact, as in the election
 * @param largestPayment     Equal Shares only (else null): the most any one supporter paid for it,
 *                           the equal share, or less if no supporter had that much left; rounded to cents
 * @param supportersPayingAll Equal Shares only (else 0): supporters who paid all the money they still
 *                           had (those who had nothing left are not counted)
 * @param byCompletion       chosen by the greedy completion after Equal Shares stopped, so paid from
 *                           the budget left over rather than by its supporters' shares
 */
public record FundedProject(String projectId, int position, long supporters, BigDecimal cost,
                            BigDecimal largestPayment, long supportersPayingAll, boolean byCompletion) {
}
