package org.baraza.pb;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately plain second implementation of the Method of Equal Shares with cost utilities,
 * for cross-checking the engine where pabutools gave no answer: its own BigInteger fractions in
 * lowest terms, voters grouped only by identical ballot (and, within one project's supporters, by
 * equal money), every project re-evaluated in every round, one pass per add1 step. Slow, and meant
 * to be obviously right (mes-conventions.md §1).
 */
final class EqualSharesReference {

    /** An exact fraction n/d with d > 0, in lowest terms. */
    record Fraction(BigInteger n, BigInteger d) implements Comparable<Fraction> {
        static final Fraction ZERO = new Fraction(BigInteger.ZERO, BigInteger.ONE);

        Fraction {
            if (d.signum() < 0) {
                n = n.negate();
                d = d.negate();
            }
            BigInteger g = n.gcd(d);
            if (g.signum() != 0 && !g.equals(BigInteger.ONE)) {
                n = n.divide(g);
                d = d.divide(g);
            }
        }

        static Fraction of(BigDecimal value) {
            return value.scale() <= 0
                ? new Fraction(value.toBigIntegerExact(), BigInteger.ONE)
                : new Fraction(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
        }

        static Fraction of(long n, long d) {
            return new Fraction(BigInteger.valueOf(n), BigInteger.valueOf(d));
        }

        Fraction plus(Fraction o) {
            return new Fraction(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Fraction minus(Fraction o) {
            return new Fraction(n.multiply(o.d).subtract(o.n.multiply(d)), d.multiply(o.d));
        }

        Fraction times(long k) {
            return new Fraction(n.multiply(BigInteger.valueOf(k)), d);
        }

        Fraction over(long k) {
            return new Fraction(n, d.multiply(BigInteger.valueOf(k)));
        }

        Fraction over(Fraction o) {
            return new Fraction(n.multiply(o.d), d.multiply(o.n));
        }

        @Override
        public int compareTo(Fraction o) {
            return n.multiply(o.d).compareTo(o.n.multiply(d));
        }

        @Override
        public String toString() {
            return d.equals(BigInteger.ONE) ? n.toString() : n + "/" + d;
        }
    }

    private final List<String> ids = new ArrayList<>();
    private final Map<String, Fraction> cost = new HashMap<>();
    private final List<Set<String>> ballots = new ArrayList<>();
    private final List<Long> multiplicity = new ArrayList<>();
    private final Map<String, Long> approvals = new HashMap<>();
    private final Map<String, List<Integer>> supporters = new HashMap<>();
    private final long voters;
    private final Fraction budget;
    private final Comparator<String> ties;

    /** {@code ties} orders project ids; the first wins a tie. */
    EqualSharesReference(Election election, Comparator<String> ties) {
        this.voters = election.ballots().size();
        this.budget = Fraction.of(election.budget());
        this.ties = ties;
        for (Project project : election.projects()) {
            ids.add(project.id());
            cost.put(project.id(), Fraction.of(project.cost()));
            approvals.put(project.id(), 0L);
        }
        Map<Set<String>, Integer> seen = new HashMap<>();
        for (Ballot ballot : election.ballots()) {
            Set<String> approved = new LinkedHashSet<>();
            for (String id : ballot.projects()) {
                if (ballot.approves(id)) {
                    approved.add(id);
                    approvals.merge(id, 1L, Long::sum);
                }
            }
            Integer at = seen.putIfAbsent(approved, ballots.size());
            if (at == null) {
                for (String id : approved) {
                    supporters.computeIfAbsent(id, none -> new ArrayList<>()).add(ballots.size());
                }
                ballots.add(approved);
                multiplicity.add(1L);
            } else {
                multiplicity.set(at, multiplicity.get(at) + 1);
            }
        }
    }

    Fraction budget() {
        return budget;
    }

    Fraction initialEndowment() {
        return budget.over(voters);
    }

    Fraction costOf(List<String> projects) {
        Fraction total = Fraction.ZERO;
        for (String id : projects) {
            total = total.plus(cost.get(id));
        }
        return total;
    }

    /** True when no approved, positive-cost project outside {@code outcome} still fits. */
    boolean exhaustiveOverEligible(List<String> outcome) {
        Fraction spent = costOf(outcome);
        for (String id : ids) {
            if (!outcome.contains(id) && approvals.get(id) > 0 && cost.get(id).n().signum() > 0
                && spent.plus(cost.get(id)).compareTo(budget) <= 0) {
                return false;
            }
        }
        return true;
    }

    /** What a step-by-step add1 loop returned, and the step that ended it. */
    record Loop(List<String> winners, long stoppedAt) {
    }

    /**
     * pabutools' voter_budget_increment=1 loop, one pass per step (mes-conventions.md §4 PT): the
     * first outcome exhaustive over approved, positive-cost projects, or the one before the first
     * that overspends. Gives up after {@code maxSteps}.
     */
    Loop pabutoolsAdd1(long maxSteps) {
        List<String> before = List.of();
        for (long step = 0; step <= maxSteps; step++) {
            List<String> outcome = pass(initialEndowment().plus(Fraction.of(step, 1)));
            if (costOf(outcome).compareTo(budget) > 0) {
                return new Loop(before, step);
            }
            if (exhaustiveOverEligible(outcome)) {
                return new Loop(outcome, step);
            }
            before = outcome;
        }
        throw new IllegalStateException("no stop within " + maxSteps + " steps");
    }

    /**
     * pabulib's checker loop, one pass per step (§4 CHK, exact costs): B/n, then floor(B/n) + k
     * while the outcome fits; the first pass if every project fits, and an outcome holding every
     * approved project once reached.
     */
    Loop checkerAdd1(long maxSteps) {
        List<String> winners = pass(initialEndowment());
        Fraction all = costOf(ids);
        if (all.compareTo(budget) <= 0) {
            return new Loop(winners, 0);
        }
        Fraction start = initialEndowment();
        Fraction whole = new Fraction(start.n().divide(start.d()), BigInteger.ONE);
        for (long step = 0; step <= maxSteps; step++) {
            List<String> outcome = step == 0 ? winners : pass(whole.plus(Fraction.of(step, 1)));
            if (costOf(outcome).compareTo(budget) > 0) {
                return new Loop(winners, step);
            }
            winners = outcome;
            if (outcome.containsAll(eligible())) {
                return new Loop(winners, step);
            }
        }
        throw new IllegalStateException("no stop within " + maxSteps + " steps");
    }

    private List<String> eligible() {
        List<String> eligible = new ArrayList<>();
        for (String id : ids) {
            if (approvals.get(id) > 0 && cost.get(id).n().signum() > 0) {
                eligible.add(id);
            }
        }
        return eligible;
    }

    /** One pass at the given endowment per voter: the projects in selection order. */
    List<String> pass(Fraction endowment) {
        List<Fraction> money = new ArrayList<>();
        for (int i = 0; i < ballots.size(); i++) {
            money.add(endowment);
        }
        Set<String> candidates = new LinkedHashSet<>();
        for (String id : ids) {
            if (approvals.get(id) > 0 && cost.get(id).n().signum() > 0) {
                candidates.add(id);
            }
        }
        List<String> selected = new ArrayList<>();
        while (true) {
            String best = null;
            Fraction bestShare = null;
            for (String id : new ArrayList<>(candidates)) {
                Fraction share = equalShare(id, money);
                if (share == null) {
                    candidates.remove(id);
                    continue;
                }
                // Cost utilities: affordability = share / cost, so compare shares over costs.
                Fraction rho = share.over(cost.get(id));
                Fraction bestRho = best == null ? null : bestShare.over(cost.get(best));
                int c = best == null ? -1 : rho.compareTo(bestRho);
                if (c < 0 || (c == 0 && ties.compare(id, best) < 0)) {
                    best = id;
                    bestShare = share;
                }
            }
            if (best == null) {
                return selected;
            }
            selected.add(best);
            candidates.remove(best);
            Map<Fraction, Fraction> left = new HashMap<>();
            for (int i : supporters.get(best)) {
                Fraction m = money.get(i);
                Fraction share = bestShare;
                money.set(i, left.computeIfAbsent(m, had -> had.compareTo(share) <= 0 ? Fraction.ZERO : had.minus(share)));
            }
        }
    }

    // The least q with sum over supporters of min(money, q) = cost, or null if they cannot pay.
    // Supporters holding the same money are counted together.
    private Fraction equalShare(String id, List<Fraction> money) {
        Map<Fraction, Long> holding = new HashMap<>();
        for (int i : supporters.get(id)) {
            holding.merge(money.get(i), multiplicity.get(i), Long::sum);
        }
        Fraction total = Fraction.ZERO;
        long count = 0;
        for (Map.Entry<Fraction, Long> entry : holding.entrySet()) {
            total = total.plus(entry.getKey().times(entry.getValue()));
            count += entry.getValue();
        }
        Fraction c = cost.get(id);
        if (total.compareTo(c) < 0) {
            return null;
        }
        List<Fraction> poorestFirst = new ArrayList<>(holding.keySet());
        poorestFirst.sort(Comparator.naturalOrder());
        Fraction paid = Fraction.ZERO;
        for (Fraction m : poorestFirst) {
            Fraction q = c.minus(paid).over(count);
            if (q.compareTo(m) <= 0) {
                return q;
            }
            paid = paid.plus(m.times(holding.get(m)));
            count -= holding.get(m);
        }
        throw new IllegalStateException("supporters hold the cost but no share was found");
    }
}
