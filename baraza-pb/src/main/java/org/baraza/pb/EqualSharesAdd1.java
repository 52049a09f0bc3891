package org.baraza.pb;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongFunction;

/**
 * The add1 completion loops of mes-conventions.md §4: Equal Shares passes at a rising sequence of
 * endowments until an outcome stops the loop. The reference implementations run one pass per step
 * (pabutools needed up to 572 s on the data files, and gave up on forint budgets, where a step is
 * 1 HUF per voter).
 * <p>
 * Here the steps are searched instead: a pass at a step ahead, then splitting between two passes
 * only where their rounds do not certify that every step in between selects the same projects in
 * the same order (EqualSharesRounds); where certificates keep failing, a stretch of steps runs one
 * plain pass each. The answer is the one the step-by-step loop returns.
 * <p>
 * Where to look is guessed, never trusted: the step ahead is just before the outcome likely changes
 * (gaps between winners and rivals, and the shortfall of projects left unaffordable, run on along
 * their slopes at the last pass), and a split is just before where the gap between the two passes'
 * differing winners likely closes, so that the change usually sits between two adjacent steps after
 * two passes instead of a dozen of bisection. A bad guess costs a pass; after a few, halving.
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
    // A bad guess at where the outcome changes costs a pass; after this many in a row, halve.
    private static final int GUESSES = 3;
    // The search gives up beyond this many steps rather than let a long overflow (the step doubles):
    // an election needing more (a project costing 10^25 with 2 voters) is refused, never run for ever.
    static final long MAX_STEPS = 1L << 62;
    private static final boolean SECOND_CORE = Runtime.getRuntime().availableProcessors() > 1;

    private final EqualSharesProfile profile;
    private final LongFunction<Rational> endowmentAtStep;
    private final Stop stop;
    private int passes;
    private long stoppedAt;
    private long answeredAt;
    private int failedInARow;
    // Passes started ahead on a second core at the step after a guessed change, which is usually
    // the next one asked for; none when there is one core. A pass is a pure function of its step,
    // so running it early changes when it is ready, never what the search decides.
    private final Map<Long, Future<EqualSharesRounds>> ahead = new HashMap<>();
    private ExecutorService secondCore;

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
        int[] answer;
        try {
            answer = loop.search();
        } finally {
            if (loop.secondCore != null) {
                loop.secondCore.shutdownNow();
            }
        }
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
                int[] previous = base.selected();
                for (int i = 0; i < STRETCH; i += 2) {
                    // Two steps at a time, the second on the second core if there is one.
                    long first = nextStep(at, 1);
                    Future<int[]> atSecond = first < MAX_STEPS ? plainAhead(first + 1) : null;
                    passes++;
                    int[] outcome = EqualSharesPass.select(profile, endowmentAtStep.apply(first));
                    if (stop.stopsAt(outcome)) {
                        if (atSecond != null) {
                            atSecond.cancel(true);
                        }
                        return stopAt(first, previous, outcome);
                    }
                    previous = outcome;
                    long second = nextStep(first, 1);
                    passes++;
                    outcome = atSecond != null ? await(atSecond) : EqualSharesPass.select(profile, endowmentAtStep.apply(second));
                    at = second;
                    if (stop.stopsAt(outcome)) {
                        return stopAt(second, previous, outcome);
                    }
                    previous = outcome;
                }
                base = pass(at); // recorded again, to certify from
                failedInARow = 0;
                step = 1;
                continue;
            }
            // Up to where the outcome likely changes next (then the step after it shows the change),
            // but no farther than the doubling step.
            long reach = step;
            double likely = base.likelyNextChange();
            if (likely < reach) {
                reach = Math.max(1, (long) Math.floor(likely));
            }
            long probe = nextStep(at, reach);
            if (reach < step) {
                passAhead(probe + 1);
            }
            EqualSharesRounds atProbe = pass(probe);
            int[] found = firstStop(at, base, probe, atProbe);
            if (found != null) {
                return found;
            }
            // Next time up to twice as far as this time, at most 2^62 (so doubling cannot overflow).
            step = 2 * Math.min(Math.max(probe - at, step / 2), MAX_STEPS / 2);
            at = probe;
            base = atProbe;
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
        return firstStop(from, atFrom, to, atTo, GUESSES);
    }

    // guesses: how many more splits at a guessed change may leave more than half the interval.
    private int[] firstStop(long from, EqualSharesRounds atFrom, long to, EqualSharesRounds atTo, int guesses) {
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
        long middle = guesses > 0 ? splitPoint(from, atFrom, to, atTo) : from + (to - from) / 2;
        if (middle + 1 < to && middle != from + (to - from) / 2) {
            passAhead(middle + 1); // a guess: the change is likely right after it
        }
        EqualSharesRounds atMiddle = pass(middle);
        int[] found = firstStop(from, atFrom, middle, atMiddle, guessesLeft(guesses, middle - from, to - from));
        return found != null ? found : firstStop(middle, atMiddle, to, atTo, guessesLeft(guesses, to - middle, to - from));
    }

    // A guess that leaves at most half the interval counts as bisection; one that leaves more uses one up.
    private static int guessesLeft(int guesses, long part, long whole) {
        return part <= whole / 2 ? GUESSES : guesses - 1;
    }

    // Where to look between two passes: where the outcome likely changes, else halfway.
    private static long splitPoint(long from, EqualSharesRounds atFrom, long to, EqualSharesRounds atTo) {
        double fraction = atFrom.likelyChange(atTo);
        if (Double.isNaN(fraction)) {
            return from + (to - from) / 2;
        }
        // The last step before the change: the next look then has it between adjacent steps.
        long guess = from + (long) Math.floor(fraction * (to - from));
        return Math.max(from + 1, Math.min(to - 1, guess));
    }

    // The loop stops at this step: its answer is this step's outcome or the previous step's.
    private int[] stopAt(long step, int[] before, int[] at) {
        int[] answer = stop.answer(before, at);
        stoppedAt = step;
        answeredAt = answer == at || step == 0 ? step : step - 1;
        return answer;
    }

    private EqualSharesRounds pass(long step) {
        Future<EqualSharesRounds> started = ahead.remove(step);
        if (started == null) {
            passes++;
            return EqualSharesPass.selectRecordingRounds(profile, endowmentAtStep.apply(step));
        }
        return await(started);
    }

    // The outcome of a plain pass at this step run on the second core, or null if there is none.
    private Future<int[]> plainAhead(long step) {
        if (!SECOND_CORE) {
            return null;
        }
        Rational endowment = endowmentAtStep.apply(step);
        return secondCore().submit(() -> EqualSharesPass.select(profile, endowment));
    }

    private ExecutorService secondCore() {
        if (secondCore == null) {
            secondCore = Executors.newSingleThreadExecutor(task -> {
                Thread thread = new Thread(task, "equal-shares-pass-ahead");
                thread.setDaemon(true);
                return thread;
            });
        }
        return secondCore;
    }

    private static <T> T await(Future<T> started) {
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an Equal Shares pass", e);
        } catch (ExecutionException e) {
            // What the pass would have thrown here (an unbreakable tie), thrown as if run here.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    // Starts the pass at this step on the second core, if there is one and it is idle.
    private void passAhead(long step) {
        if (step > MAX_STEPS || ahead.containsKey(step) || !SECOND_CORE) {
            return;
        }
        if (ahead.values().stream().anyMatch(started -> !started.isDone())) {
            return; // still busy
        }
        if (ahead.size() >= 8) {
            ahead.clear(); // results never asked for
        }
        passes++;
        Rational endowment = endowmentAtStep.apply(step);
        ahead.put(step, secondCore().submit(() -> EqualSharesPass.selectRecordingRounds(profile, endowment)));
    }
}
