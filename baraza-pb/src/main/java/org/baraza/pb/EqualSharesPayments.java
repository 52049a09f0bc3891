package org.baraza.pb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Who paid what in one Equal Shares pass whose winners are already known: the purchases are replayed
 * in selection order at the pass's endowment, each supporter paying min(their money, q) where q is
 * the equal share that makes the payments add up to the cost (mes-conventions.md §1). The pass that
 * chose the winners computed the same amounts; here they are kept, plainly, for an explanation.
 * <p>
 * Voters with the same ballot hold the same money throughout, so amounts are per group of ballots,
 * and groups holding equal money share one "purse" (as in EqualSharesPass): a purchase costs a sort
 * of its supporters' purses, not of its supporters.
 */
final class EqualSharesPayments {

    /**
     * One purchase: the equal share q, the most any supporter paid (q, or less when nobody had q left),
     * how many supporters paid all the money they still had (those who had none are not counted), and
     * what each voter of each supporting group paid ({@code paidPerVoter[i]} for group
     * {@code profile.projectGroups[project][i]}).
     */
    record Purchase(int project, Rational share, Rational largestPayment, long payingAll, Rational[] paidPerVoter) {
    }

    private final EqualSharesProfile profile;
    private final Rational endowment;
    private final List<Rational> purse = new ArrayList<>();
    private final int[] groupPurse;
    private final List<Purchase> purchases = new ArrayList<>();

    private EqualSharesPayments(EqualSharesProfile profile, Rational endowment) {
        this.profile = profile;
        this.endowment = endowment;
        this.groupPurse = new int[profile.groupCount];
        purse.add(endowment);
    }

    /**
     * Replays the purchases of {@code winners} (in selection order) at {@code endowment} per voter.
     *
     * @throws IllegalStateException if a winner's supporters cannot pay for it: these are not the
     *         winners of a pass at this endowment
     */
    static EqualSharesPayments replay(EqualSharesProfile profile, Rational endowment, int[] winners) {
        EqualSharesPayments payments = new EqualSharesPayments(profile, endowment);
        for (int p : winners) {
            payments.buy(p);
        }
        return payments;
    }

    Rational endowment() {
        return endowment;
    }

    List<Purchase> purchases() {
        return purchases;
    }

    /** What one voter of group {@code g} has left after the purchases. */
    Rational moneyLeft(int g) {
        return purse.get(groupPurse[g]);
    }

    private static final java.math.MathContext DIGITS = new java.math.MathContext(60);

    /**
     * What the supporters of {@code p} have left together, to 60 significant digits: an exact sum of
     * hundreds of fractions with unrelated denominators costs far more than the rule itself, and residents
     * read it in cents. {@link #supportersMoneyLeft} gives the exact value where it must decide something.
     */
    java.math.BigDecimal supportersMoneyLeftApproximately(int p) {
        long[] weight = new long[purse.size()];
        for (int g : profile.projectGroups[p]) {
            weight[groupPurse[g]] += profile.groupWeight[g];
        }
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (int id = 0; id < weight.length; id++) {
            if (weight[id] != 0) {
                Rational money = purse.get(id);
                total = total.add(new java.math.BigDecimal(money.numerator().multiply(java.math.BigInteger.valueOf(weight[id])))
                    .divide(new java.math.BigDecimal(money.denominator()), DIGITS));
            }
        }
        return total;
    }

    /** What the supporters of {@code p} have left together. */
    Rational supportersMoneyLeft(int p) {
        // Summed per purse, not per group: thousands of groups share a few purses, and every exact
        // addition of two fractions with different denominators costs a gcd of big numbers.
        long[] weight = new long[purse.size()];
        for (int g : profile.projectGroups[p]) {
            weight[groupPurse[g]] += profile.groupWeight[g];
        }
        Rational total = Rational.ZERO;
        for (int id = 0; id < weight.length; id++) {
            if (weight[id] != 0) {
                total = total.add(purse.get(id).multiply(weight[id]));
            }
        }
        return total;
    }

    private void buy(int p) {
        int[] groups = profile.projectGroups[p];
        // The distinct purses of the supporters, with their voters, poorest first.
        int[] purses = Arrays.stream(groups).map(g -> groupPurse[g]).distinct().toArray();
        long[] weight = new long[purse.size()];
        for (int g : groups) {
            weight[groupPurse[g]] += profile.groupWeight[g];
        }
        Integer[] poorestFirst = Arrays.stream(purses).boxed().toArray(Integer[]::new);
        Arrays.sort(poorestFirst, (a, b) -> purse.get(a).compareTo(purse.get(b)));
        // pabutools' loop: whoever holds less than the share of the others so far pays all they have.
        Rational unpaid = profile.cost[p];
        long payers = profile.approvals[p];
        Rational held = Rational.ZERO;
        for (int id : poorestFirst) {
            held = held.add(purse.get(id).multiply(weight[id]));
        }
        if (held.compareTo(unpaid) < 0) {
            throw new IllegalStateException("the supporters of '" + profile.ids[p] + "' hold " + held
                + ", less than its cost " + unpaid + ", at endowment " + endowment);
        }
        for (int id : poorestFirst) {
            Rational money = purse.get(id);
            if (money.multiply(payers).compareTo(unpaid) >= 0) {
                break;
            }
            unpaid = unpaid.subtract(money.multiply(weight[id]));
            payers -= weight[id];
        }
        Rational share = unpaid.divide(payers);
        Rational largest = Rational.ZERO;
        long payingAll = 0;
        int[] movesTo = new int[purse.size()];
        for (int id : poorestFirst) {
            Rational money = purse.get(id);
            Rational paid = money.min(share);
            largest = largest.max(paid);
            if (money.signum() > 0 && money.compareTo(share) <= 0) {
                payingAll += weight[id];
            }
            movesTo[id] = purse.size();
            purse.add(money.subtract(paid));
        }
        Rational[] paidPerVoter = new Rational[groups.length];
        for (int i = 0; i < groups.length; i++) {
            int before = groupPurse[groups[i]];
            paidPerVoter[i] = purse.get(before).min(share);
            groupPurse[groups[i]] = movesTo[before];
        }
        purchases.add(new Purchase(p, share, largest, payingAll, paidPerVoter));
    }
}
