package org.baraza.pb;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>
 * With a second core the steps are cut into chunks searched side by side: passes at steps 1, 2, 4,
 * ... (two at a time) find a step that stops the loop, the steps up to it are cut into chunks, and
 * each core takes the next chunk in order, searching it as above; the answer is the first stop of
 * the first chunk that has one. A pass found to stop anywhere makes every chunk beyond it moot.
 * <p>
 * Each recorded pass follows the trail of the nearest of its walk's last few passes
 * (EqualSharesTrail), which it finds faster: most are a step or a few from one.
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

    /** The first step that stops the loop, the loop's answer there, and the step whose outcome that is. */
    private record Found(long step, int[] answer, long answeredAt) {
    }

    // After this many certificates in a row fail, certifying is not worth its cost for a while
    // (where one step is a large share of the endowment, the outcome changes at nearly every step):
    // the next STRETCH steps run as plain passes, one per step, as the reference loop does.
    private static final int HOPELESS = 12;
    private static final int STRETCH = 32;
    // So do this many looks in a row one step ahead (where the outcome is likely to change at the
    // very next step): a plain pass costs half a recorded one, or less.
    private static final int SINGLES = 4;
    // Where the outcome likely changes runs short by a few per cent (gaps close ever more slowly),
    // and a look at the first step after a change serves as well as one at the last step before it
    // (the next look splits between them): so the look goes a little further, to the nearest step.
    // Over the 50 data files: 4,025 passes instead of 4,225.
    private static final double AIM_FURTHER = 1.02;
    // A bad guess at where the outcome changes costs a pass; after this many in a row, halve.
    private static final int GUESSES = 3;
    // The search gives up beyond this many steps rather than let a long overflow (the step doubles):
    // an election needing more (a project costing 10^25 with 2 voters) is refused, never run for ever.
    static final long MAX_STEPS = 1L << 62;
    // Chunks: at most this many (each costs a pass at its end), of at least this many steps (fewer
    // steps are searched faster on one core than handed out).
    private static final int CHUNKS = 32;
    private static final long CHUNK_STEPS = 16;
    // Most elections stop within a few steps: the first powers of two run on the calling thread.
    private static final long SIDE_BY_SIDE_FROM = 16;
    // A pass follows the trail of the nearest of a walk's last few passes (EqualSharesTrail).
    private static final int RECENT = 4;
    // Two cores if the machine has them, unless the host says one (-Dbaraza.pb.add1.cores=1).
    private static final int CORES = Integer.getInteger("baraza.pb.add1.cores", Runtime.getRuntime().availableProcessors() > 1 ? 2 : 1) > 1 ? 2 : 1;

    private final EqualSharesProfile profile;
    private final LongFunction<Rational> endowmentAtStep;
    private final Stop stop;
    private final int cores;
    private final AtomicInteger passes = new AtomicInteger();
    // The smallest step known to stop the loop: the first stop is there or before, never beyond.
    private final AtomicLong stopsBy = new AtomicLong(Long.MAX_VALUE);
    // Passes at the steps where chunks meet, shared by the chunk ending there and the one starting.
    private final ConcurrentHashMap<Long, CompletableFuture<EqualSharesRounds>> atChunkEnds = new ConcurrentHashMap<>();

    private EqualSharesAdd1(EqualSharesProfile profile, LongFunction<Rational> endowmentAtStep, Stop stop, int cores) {
        this.profile = profile;
        this.endowmentAtStep = endowmentAtStep;
        this.stop = stop;
        this.cores = cores;
    }

    /**
     * pabutools' loop (§4 PT, {@code voter_budget_increment=1}): endowment B/n, B/n+1, ...; the first
     * outcome exhaustive over the MES-eligible projects is the answer, or the one before the first
     * that overspends.
     */
    static Result pabutools(EqualSharesProfile profile) {
        return pabutools(profile, CORES);
    }

    /** The same, searched on this many cores (1 or 2). */
    static Result pabutools(EqualSharesProfile profile, int cores) {
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
        }, cores);
    }

    /**
     * pabulib's checker loop (§4 CHK): a first pass at B/n, then floor(B/n)+k per voter for k = 1, 2,
     * ... while the outcome fits. Two cases where that loop would never end are settled: when every
     * project fits the budget the first pass is the answer, as equalshares.net does; and an outcome
     * holding every project MES can select is the answer.
     */
    static Result pabulibChecker(EqualSharesProfile profile) {
        return pabulibChecker(profile, CORES);
    }

    /** The same, searched on this many cores (1 or 2). */
    static Result pabulibChecker(EqualSharesProfile profile, int cores) {
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
        }, cores);
    }

    private static Result search(EqualSharesProfile profile, LongFunction<Rational> endowmentAtStep, Stop stop, int cores) {
        EqualSharesAdd1 loop = new EqualSharesAdd1(profile, endowmentAtStep, stop, cores);
        Found found = loop.search();
        return new Result(found.answer, found.step, endowmentAtStep.apply(found.step), loop.passes.get(),
            endowmentAtStep.apply(found.answeredAt));
    }

    // Steps 0, 1, 2, ... with endowmentAtStep rising: the first step that stops the loop.
    private Found search() {
        EqualSharesRounds base = pass(0);
        if (stop.stopsAt(base.selected())) {
            return found(0, new int[0], base.selected());
        }
        if (cores == 1) {
            Found found = new Walk(MAX_STEPS).from(0, base, 1);
            if (found == null) {
                throw tooManySteps();
            }
            return found;
        }
        long stopping = firstStoppingPowerOfTwo();
        long size = Math.max(CHUNK_STEPS, stopping / CHUNKS);
        int chunks = (int) ((stopping + size - 1) / size);
        atChunkEnds.put(0L, CompletableFuture.completedFuture(base));
        Found found = chunks == 1 ? new Walk(stopping).from(0, base, stopping) // too few steps to share out
            : inChunks(chunks, size, stopping);
        if (found == null) {
            throw new IllegalStateException("the add1 search found no stop up to step " + stopping + ", where a pass stops");
        }
        return found;
    }

    // Passes at 1, 2, 4, ..., two at a time: the first of them that stops the loop (recorded, as
    // chunk ends); refused past MAX_STEPS.
    private long firstStoppingPowerOfTwo() {
        for (long first = 1; ; first *= 4) {
            long second = first <= MAX_STEPS / 2 ? first * 2 : 0; // 0: none, 2^63 would overflow
            CompletableFuture<Boolean> secondStops = second != 0 && first >= SIDE_BY_SIDE_FROM
                ? CompletableFuture.supplyAsync(() -> stopsAtChunkEnd(second), task -> newThread(task).start())
                : null;
            if (stopsAtChunkEnd(first)) {
                return first; // the second pass, if still running, is left to finish unused
            }
            if (second != 0 && (secondStops != null ? await(secondStops) : stopsAtChunkEnd(second))) {
                return second;
            }
            if (first > MAX_STEPS / 4) {
                throw tooManySteps(); // 2^62 did not stop the loop either
            }
        }
    }

    private boolean stopsAtChunkEnd(long step) {
        return stop.stopsAt(atChunkEnd(step).selected());
    }

    // Chunk k covers steps (k·size, min((k+1)·size, last)]; the cores take them in order.
    private Found inChunks(int chunks, long size, long last) {
        Found[] foundIn = new Found[chunks];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Runnable core = () -> {
            try {
                for (int k = next.getAndIncrement(); k < chunks && failure.get() == null; k = next.getAndIncrement()) {
                    long from = k * size;
                    if (from >= stopsBy.get()) {
                        return; // the first stop is at or before this chunk's start
                    }
                    EqualSharesRounds atFrom = atChunkEnd(from);
                    if (stop.stopsAt(atFrom.selected())) {
                        return; // so does the first stop: the chunk before finds it
                    }
                    // The pass at the chunk's end runs anyway: the first look goes there, unless
                    // the outcome likely changes before.
                    foundIn[k] = new Walk(Math.min(from + size, last)).from(from, atFrom, size);
                }
            } catch (RuntimeException | Error e) {
                failure.compareAndSet(null, e); // a chunk left unsearched must not let a later one answer
            }
        };
        Thread second = newThread(core);
        second.start();
        core.run();
        try {
            second.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while searching the add1 steps", e);
        }
        if (failure.get() instanceof RuntimeException e) {
            throw e; // what a pass threw (an unbreakable tie), as if thrown here
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        for (Found found : foundIn) {
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static Thread newThread(Runnable task) {
        Thread thread = new Thread(task, "equal-shares-add1");
        thread.setDaemon(true);
        return thread;
    }

    /** One search, in order, over the steps up to {@code end} (inclusive). */
    private final class Walk {

        private final long end;
        private int failedInARow;
        private int singlesInARow;
        // The last few passes of this walk: a new pass follows the trail of the nearest.
        private final long[] recentSteps = new long[RECENT];
        private final EqualSharesRounds[] recent = new EqualSharesRounds[RECENT];
        private int recentCount;

        Walk(long end) {
            this.end = end;
        }

        private EqualSharesRounds pass(long step) {
            return remembered(step, EqualSharesAdd1.this.pass(step, nearestTrail(step)));
        }

        private EqualSharesRounds atChunkEnd(long step) {
            return remembered(step, EqualSharesAdd1.this.atChunkEnd(step, nearestTrail(step)));
        }

        private EqualSharesRounds remembered(long step, EqualSharesRounds rounds) {
            recentSteps[recentCount % RECENT] = step;
            recent[recentCount % RECENT] = rounds;
            recentCount++;
            return rounds;
        }

        private EqualSharesTrail nearestTrail(long step) {
            EqualSharesRounds nearest = null;
            long distance = Long.MAX_VALUE;
            for (int i = 0; i < Math.min(recentCount, RECENT); i++) {
                if (Math.abs(recentSteps[i] - step) < distance) {
                    distance = Math.abs(recentSteps[i] - step);
                    nearest = recent[i];
                }
            }
            return nearest != null ? nearest.trail() : null;
        }

        // The first stop in (at, end], from the pass at `at`, which does not stop; null if none.
        Found from(long at, EqualSharesRounds base, long firstStep) {
            remembered(at, base);
            long step = firstStep;
            while (at < end) {
                if (at >= stopsBy.get()) {
                    return null; // a stop at or before `at` is known: it lies before this walk's start
                }
                if (failedInARow >= HOPELESS || singlesInARow >= SINGLES) {
                    int[] previous = base.selected();
                    for (int i = 0; i < STRETCH && at < end; i++) {
                        at++;
                        int[] outcome = plainPass(at);
                        if (stop.stopsAt(outcome)) {
                            return found(at, previous, outcome);
                        }
                        previous = outcome;
                    }
                    base = at == end ? atChunkEnd(end) : pass(at); // recorded again, to certify from
                    failedInARow = 0;
                    singlesInARow = 0;
                    step = 1;
                    continue;
                }
                // Up to about where the outcome likely changes next (the step before the change or the
                // one after: the next look tells), but no farther than the doubling step, nor than the end.
                long reach = step;
                double likely = base.likelyNextChange() * AIM_FURTHER + 0.5;
                if (likely < reach) {
                    reach = Math.max(1, (long) Math.floor(likely));
                }
                long probe = at + Math.min(reach, end - at);
                singlesInARow = probe == at + 1 ? singlesInARow + 1 : 0;
                EqualSharesRounds atProbe = probe == end ? atChunkEnd(end) : pass(probe);
                Found found = firstStop(at, base, probe, atProbe, GUESSES);
                if (found != null) {
                    return found;
                }
                // Next time up to twice as far as this time, at most 2^62 (so doubling cannot overflow).
                step = 2 * Math.min(Math.max(probe - at, step / 2), MAX_STEPS / 2);
                at = probe;
                base = atProbe;
            }
            return null;
        }

        // The first stop in (from, to], or null; neither end is re-run. guesses: how many more
        // splits at a guessed change may leave more than half the interval.
        private Found firstStop(long from, EqualSharesRounds atFrom, long to, EqualSharesRounds atTo, int guesses) {
            if (to == from + 1) {
                return stop.stopsAt(atTo.selected()) ? found(to, atFrom.selected(), atTo.selected()) : null;
            }
            if (atFrom.certifiesUpTo(atTo)) {
                failedInARow = 0;
                return null; // every step in between repeats the outcome at from, which did not stop the loop
            }
            failedInARow++;
            long middle = guesses > 0 ? splitPoint(from, atFrom, to, atTo) : from + (to - from) / 2;
            EqualSharesRounds atMiddle = pass(middle);
            Found found = firstStop(from, atFrom, middle, atMiddle, guessesLeft(guesses, middle - from, to - from));
            return found != null ? found : firstStop(middle, atMiddle, to, atTo, guessesLeft(guesses, to - middle, to - from));
        }
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
    private Found found(long step, int[] before, int[] at) {
        int[] answer = stop.answer(before, at);
        return new Found(step, answer, answer == at || step == 0 ? step : step - 1);
    }

    private static IllegalArgumentException tooManySteps() {
        return new IllegalArgumentException("the add1 loop would need more than 2^62 steps (each raising"
            + " every voter's share by 1): some cost is too large beside the budget per voter for this rule");
    }

    private EqualSharesRounds pass(long step) {
        return pass(step, null);
    }

    // following: the trail of a pass at a nearby step, or null.
    private EqualSharesRounds pass(long step, EqualSharesTrail following) {
        CompletableFuture<EqualSharesRounds> atChunkEnd = atChunkEnds.get(step);
        if (atChunkEnd != null) {
            return await(atChunkEnd); // run already, or running, to find where to stop
        }
        return recordedPass(step, following);
    }

    private EqualSharesRounds recordedPass(long step, EqualSharesTrail following) {
        passes.incrementAndGet();
        EqualSharesRounds rounds = EqualSharesPass.selectRecordingRounds(profile, endowmentAtStep.apply(step), following);
        noteIfStops(step, rounds.selected());
        return rounds;
    }

    private int[] plainPass(long step) {
        passes.incrementAndGet();
        int[] outcome = EqualSharesPass.select(profile, endowmentAtStep.apply(step));
        noteIfStops(step, outcome);
        return outcome;
    }

    private void noteIfStops(long step, int[] outcome) {
        if (stop.stopsAt(outcome)) {
            stopsBy.accumulateAndGet(step, Math::min);
        }
    }

    // The pass at a chunk end, run once whichever chunk asks first; the other waits for it.
    private EqualSharesRounds atChunkEnd(long step) {
        return atChunkEnd(step, null);
    }

    private EqualSharesRounds atChunkEnd(long step, EqualSharesTrail following) {
        CompletableFuture<EqualSharesRounds> mine = new CompletableFuture<>();
        CompletableFuture<EqualSharesRounds> known = atChunkEnds.putIfAbsent(step, mine);
        if (known != null) {
            return await(known);
        }
        try {
            mine.complete(recordedPass(step, following));
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        }
        return await(mine);
    }

    private static <T> T await(CompletableFuture<T> started) {
        try {
            return started.join();
        } catch (java.util.concurrent.CompletionException e) {
            // What the pass would have thrown here (an unbreakable tie), thrown as if run here.
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
