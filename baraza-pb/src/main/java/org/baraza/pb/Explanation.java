package org.baraza.pb;

import java.math.BigDecimal;
import java.util.List;

/**
 * Why a rule chose what it chose, in terms a resident can follow: the outcome, each funded project
 * in the order it was chosen, and for every other project the reason it was not funded.
 *
 * @param endowmentPerVoter Equal Shares only (else null): the equal share of the budget each voter
 *                          started with in the pass that gave the outcome, B/n or the one add1 raised
 *                          it to; rounded to cents for display
 * @param funded            in selection order
 * @param unfunded          in the election's project order
 */
public record Explanation(Outcome outcome, BigDecimal endowmentPerVoter, List<FundedProject> funded,
                          List<UnfundedProject> unfunded) {

    public Explanation {
        funded = List.copyOf(funded);
        unfunded = List.copyOf(unfunded);
    }
}
