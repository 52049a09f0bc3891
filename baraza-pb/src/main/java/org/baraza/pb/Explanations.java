package org.baraza.pb;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Explains an outcome project by project, so that residents can follow why their project was or was
 * not funded: {@code Explanations.explain("mes-add1", election, tieBreak, incompatibilities)}. The
 * outcome is the one {@code Rules.named(rule).apply(...)} returns, exactly.
 */
public final class Explanations {

    /** The rules that can be explained. */
    public static final List<String> RULES = List.of("greedy", "mes", "mes-add1", "mes-add1-greedy", "phragmen");

    private Explanations() {
    }

    /** @throws IllegalArgumentException for a rule not in {@link #RULES} */
    public static Explanation explain(String ruleName, Election election, TieBreak tieBreak,
                                      List<Incompatibility> incompatibilities) {
        EqualSharesProfile profile = EqualSharesProfile.exact(election, tieBreak, incompatibilities);
        return switch (ruleName) {
            case "greedy", "phragmen" -> withoutShares(ruleName, election, tieBreak, incompatibilities, profile);
            case "mes" -> equalShares(ruleName, election, profile,
                profile.voters == 0 ? null : profile.budget.divide(profile.voters), EqualShares.plain(profile), false);
            case "mes-add1", "mes-add1-greedy" -> {
                EqualSharesAdd1.Result add1 = EqualSharesAdd1.pabutools(profile);
                yield equalShares(ruleName, election, profile, add1.answerEndowment(), add1.answer(),
                    ruleName.endsWith("-greedy"));
            }
            default -> throw new IllegalArgumentException(
                "no explanation for rule '" + ruleName + "'; explained rules: " + String.join(", ", RULES));
        };
    }

    // Greedy and Phragmén: the rule's own outcome; what is left unfunded did not fit (or clashed).
    private static Explanation withoutShares(String ruleName, Election election, TieBreak tieBreak,
                                             List<Incompatibility> incompatibilities, EqualSharesProfile profile) {
        Outcome outcome = Rules.named(ruleName).apply(election, tieBreak, incompatibilities);
        boolean[] chosen = new boolean[profile.projectCount];
        List<FundedProject> funded = new ArrayList<>();
        for (String id : outcome.selected()) {
            int p = indexOf(profile, id);
            chosen[p] = true;
            funded.add(new FundedProject(id, funded.size() + 1, profile.approvals[p], cost(election, p), null, 0, false));
        }
        List<UnfundedProject> unfunded = new ArrayList<>();
        for (int p = 0; p < profile.projectCount; p++) {
            if (!chosen[p]) {
                UnfundedProject.Reason reason = commonReason(profile, p, chosen);
                unfunded.add(new UnfundedProject(profile.ids[p], profile.approvals[p], cost(election, p),
                    reason != null ? reason : UnfundedProject.Reason.BUDGET_EXHAUSTED, null));
            }
        }
        return new Explanation(outcome, null, funded, unfunded);
    }

    // Equal Shares: replays the pass that gave the outcome to show who paid what.
    private static Explanation equalShares(String ruleName, Election election, EqualSharesProfile profile,
                                           Rational endowment, int[] byShares, boolean completed) {
        int[] selected = completed ? EqualSharesCompletion.greedy(profile, byShares) : byShares;
        Outcome outcome = Outcome.of(ruleName, profile.idsOf(selected), election);
        EqualSharesPayments payments = EqualSharesPayments.replay(profile,
            endowment == null ? Rational.ZERO : endowment, byShares);
        List<FundedProject> funded = new ArrayList<>();
        for (EqualSharesPayments.Purchase purchase : payments.purchases()) {
            int p = purchase.project();
            funded.add(new FundedProject(profile.ids[p], funded.size() + 1, profile.approvals[p], cost(election, p),
                cents(purchase.largestPayment()), purchase.payingAll(), false));
        }
        for (int i = byShares.length; i < selected.length; i++) {
            int p = selected[i];
            funded.add(new FundedProject(profile.ids[p], funded.size() + 1, profile.approvals[p], cost(election, p),
                null, 0, true));
        }
        boolean[] chosen = profile.chosen(selected);
        List<UnfundedProject> unfunded = new ArrayList<>();
        for (int p = 0; p < profile.projectCount; p++) {
            if (chosen[p]) {
                continue;
            }
            BigDecimal moneyLeft = payments.supportersMoneyLeftApproximately(p);
            UnfundedProject.Reason reason = commonReason(profile, p, chosen);
            if (reason == null) {
                // Completion passes over only what does not fit; a pass ends when no project's
                // supporters can pay for it (a free project, which Equal Shares never considers, aside).
                reason = completed || covers(payments, p, moneyLeft, profile.cost[p])
                    ? UnfundedProject.Reason.BUDGET_EXHAUSTED
                    : UnfundedProject.Reason.SUPPORTERS_MONEY_SHORT;
            }
            unfunded.add(new UnfundedProject(profile.ids[p], profile.approvals[p], cost(election, p), reason,
                moneyLeft.setScale(2, RoundingMode.HALF_EVEN)));
        }
        return new Explanation(outcome, endowment == null ? null : cents(endowment), funded, unfunded);
    }

    /** Whether the supporters' money left covers the cost: decided on the 60-digit sum unless it is too close to call. */
    private static boolean covers(EqualSharesPayments payments, int p, BigDecimal approximately, Rational cost) {
        BigDecimal exactCost = new BigDecimal(cost.numerator()).divide(new BigDecimal(cost.denominator()),
            new java.math.MathContext(60));
        BigDecimal margin = exactCost.abs().max(BigDecimal.ONE).movePointLeft(40);
        if (approximately.subtract(exactCost).abs().compareTo(margin) > 0) {
            return approximately.compareTo(exactCost) > 0;
        }
        return payments.supportersMoneyLeft(p).compareTo(cost) >= 0;
    }

    private static UnfundedProject.Reason commonReason(EqualSharesProfile profile, int p, boolean[] chosen) {
        if (profile.approvals[p] == 0) {
            return UnfundedProject.Reason.NO_SUPPORTERS;
        }
        if (profile.incompatible.clashesWithChosen(p, chosen)) {
            return UnfundedProject.Reason.INCOMPATIBLE_WITH_WINNER;
        }
        return null;
    }

    private static int indexOf(EqualSharesProfile profile, String id) {
        for (int p = 0; p < profile.projectCount; p++) {
            if (profile.ids[p].equals(id)) {
                return p;
            }
        }
        throw new IllegalStateException("no project '" + id + "'");
    }

    private static BigDecimal cost(Election election, int p) {
        return election.projects().get(p).cost();
    }

    /** For display: an exact amount rounded half-even to cents. */
    static BigDecimal cents(Rational amount) {
        return new BigDecimal(amount.numerator()).divide(new BigDecimal(amount.denominator()), 2, RoundingMode.HALF_EVEN);
    }
}
