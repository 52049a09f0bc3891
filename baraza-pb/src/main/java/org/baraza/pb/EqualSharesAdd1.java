package org.baraza.pb;

import java.util.function.LongFunction;

/**
 * The add1 completion loops of mes-conventions.md §4: Equal Shares passes at a rising sequence of
 * endowments until an outcome stops the loop. The reference implementations run one pass per step
 * (pabutools needed up to 572 s on the data files, and gave up on forint budgets, where a step is
 * 1 HUF per voter).
 * <p>
 * Here the steps are searched instead: a pass at a far step, then bisection between two passes only
 * where their rounds do not certify that every step in between selects the same projects in the
 * same order (EqualSharesRounds); where certificates keep failing, a stretch of steps runs one
 * plain pass each. The answer is the one the step-by-step loop returns.
 */
final class EqualSharesAdd1 {

    /**
     * Where a loop ended: its answer, the step that stopped it, how many passes the search ran, and
     * the endowment of the pass whose outcome is the answer (the stopping step's, or the one before).
     */
    record Result(int[] answer, long stoppedAt, Rational endowmentAtStop, int passes, Rational answerEndowment) {
    }

    /** When the loop ends at a step, and what it returns then. */
    private interface Stop {
        boolean stopsAt(int[] outcome);

        /** The loop's answer when it ends at a step: that step's outcome or the one before. */
        int[] answer(int[] before, int[] at);
    }

    // After this many certificates in a row fail, certifying is not worth its cost for a while
    // (where one step is a large share of the endowment, the outcome changes at nearly every step):
    // the next STRETCH steps run as plain passes, one per step, as the reference loop does.
    private static final int HOPELESS = 12;
    private static final int STRETCH = 32;
    // The search gives up beyond this many steps rather than let a long overflow (the step doubles):
    // an election needing more (a project costing 10^25 with 2 voters) is refused, never run for ever.
    static final long MAX_STEPS = 1L << 62;

    private final EqualSharesProfile profile;
    private final LongFunction<Rational> endowmentAtStep;
    private final Stop stop;
    private int passes;
    private long stoppedAt;
    private long answeredAt;
    private int failedInARow;

    private EqualSharesAdd1(EqualSharesProfile profile, LongFunction<Rational> endowmentAtStep, Stop stop) {
        this.profile = profile;
        this.endowmentAtStep = endowmentAtStep;
        this.stop = stop;
    }

    /**
     * pabutools' loop (§4 PT, {@code voter_budget_increment=1}): endowment B/n, B/n+1, ...; the first
     * outcome exhaustive over the MES-eligible projects is the answer, or the one before the first
     * that overspends.
     */
    static Result pabutools(EqualSharesProfile profile) {
        if (profile.voters == 0) {
            return new Result(new int[0], 0, Rational.ZERO, 0, null);
        }
        Rational start = profile.budget.divide(profile.voters);
        return search(profile, step -> start.add(Rational.of(step)), new Stop() {
            @Override
            public boolean stopsAt(int[] outcome) {
                return profile.overspends(outcome) || profile.isExhaustiveOverEligible(outcome);
            }

            @Override
            public int[] answer(int[] before, int[] at) {
                return profile.overspends(at) ? before : at;
            }
        });
    }

    /**
     * pabulib's checker loop (§4 CHK): a first pass at B/n, then floor(B/n)+k per voter for k = 1, 2,
     * ... while the outcome fits. Two cases where that loop would never end are settled: when every
     * project fits the budget the first pass is the answer, as equalshares.net does; and an outcome
     * holding every project MES can select is the answer.
     */
    static Result pabulibChecker(EqualSharesProfile profile) {
        Rational start = profile.voters == 0 ? Rational.ZERO : profile.budget.divide(profile.voters);
        if (profile.voters == 0 || profile.costOf(profile.allProjects()).compareTo(profile.budget) <= 0) {
            return new Result(EqualSharesPass.select(profile, start), 0, start, 1, start);
        }
        Rational whole = start.floor();
        return search(profile, step -> step == 0 ? start : whole.add(Rational.of(step)), new Stop() {
            @Override
            public boolean stopsAt(int[] outcome) {
                return profile.overspends(outcome) || profile.holdsEveryEligible(outcome);
            }

            @Override
            public int[] answer(int[] before, int[] at) {
                return profile.overspends(at) ? before : at;
            }
        });
    }

    private static Result search(EqualSharesProfile profile, LongFunction<Rational> endowmentAtStep, Stop stop) {
        EqualSharesAdd1 loop = new EqualSharesAdd1(profile, endowmentAtStep, stop);
        int[] answer = loop.search();
        return new Result(answer, loop.stoppedAt, endowmentAtStep.apply(loop.stoppedAt), loop.passes,
            endowmentAtStep.apply(loop.answeredAt));
    }

    // Steps 0, 1, 2, ... with endowmentAtStep rising: the answer at the first step that stops the loop.
    private int[] search() {
        EqualSharesRounds base = pass(0);
        if (stop.stopsAt(base.selected())) {
            return stopAt(0, new int[0], base.selected());
        }
        long at = 0;
        long step = 1;
        while (true) {
            if (failedInARow >= HOPELESS) {
                int[] before = base.selected();
                for (int i = 0; i < STRETCH; i++) {
                    at = nextStep(at, 1);
                    passes++;
                    int[] outcome = EqualSharesPass.select(profile, endowmentAtStep.apply(at));
                    if (stop.stopsAt(outcome)) {
                        return stopAt(at, before, outcome);
                    }
                    before = outcome;
                }
                base = pass(at); // recorded again, to certify from
                failedInARow = 0;
                step = 1;
                continue;
            }
            long probe = nextStep(at, step);
            EqualSharesRounds atProbe = pass(probe);
            int[] found = firstStop(at, base, probe, atProbe);
            if (found != null) {
                return found;
            }
            at = probe;
            base = atProbe;
            step = Math.min(step * 2, MAX_STEPS); // at most 2^62, so doubling cannot overflow
        }
    }

    // at + step, capped at MAX_STEPS; past it the election is refused.
    private static long nextStep(long at, long step) {
        if (at >= MAX_STEPS) {
            throw new IllegalArgumentException("the add1 loop would need more than 2^62 steps (each raising"
                + " every voter's share by 1): some cost is too large beside the budget per voter for this rule");
        }
        return at + Math.min(step, MAX_STEPS - at);
    }

    // The answer at the first step in (from, to] that stops the loop, or null; neither end is re-run.
    private int[] firstStop(long from, EqualSharesRounds atFrom, long to, EqualSharesRounds atTo) {
        if (to == from + 1) {
            if (!stop.stopsAt(atTo.selected())) {
                return null;
            }
            return stopAt(to, atFrom.selected(), atTo.selected());
        }
        if (atFrom.certifiesUpTo(atTo)) {
            failedInARow = 0;
            return null; // every step in between repeats the outcome at from, which did not stop the loop
        }
        failedInARow++;
        long middle = from + (to - from) / 2;
        EqualSharesRounds atMiddle = pass(middle);
        int[] found = firstStop(from, atFrom, middle, atMiddle);
        return found != null ? found : firstStop(middle, atMiddle, to, atTo);
    }

    // The loop stops at this step: its answer is this step's outcome or the previous step's.
    private int[] stopAt(long step, int[] before, int[] at) {
        int[] answer = stop.answer(before, at);
        stoppedAt = step;
        answeredAt = answer == at || step == 0 ? step : step - 1;
        return answer;
    }

    private EqualSharesRounds pass(long step) {
        passes++;
        return EqualSharesPass.selectRecordingRounds(profile, endowmentAtStep.apply(step));
    }
}
