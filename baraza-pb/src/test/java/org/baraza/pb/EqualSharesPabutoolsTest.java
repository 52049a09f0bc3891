package org.baraza.pb;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * On every real election in the data folder, the Equal Shares rules with lexicographic tie-breaking
 * select exactly what pabutools 1.2.3 selects, in the same order ({@code expected-pabutools.json}).
 * Where pabutools gave up (a timeout instead of winners: the forint budgets, where add1 means more
 * than 10,000 passes), the engine must still finish, and its answer is checked by an independent
 * route: {@link EqualSharesReference}, a plain BigInteger implementation, recomputes the passes that
 * decide the answer, and, where affordable, the engine's own one-pass-per-step loop retraces every
 * step the search skipped.
 */
class EqualSharesPabutoolsTest {

    private static final TieBreak LEXICOGRAPHIC = TieBreak.lexicographic();
    // Steps a one-pass-per-step loop may retrace within the test budget, per file.
    private static final long STEP_BY_STEP_LIMIT = 20_000;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @TestFactory
    Stream<DynamicContainer> everyDataFile() {
        ExpectedPabutools expected = ExpectedPabutools.load();
        return PabulibData.files().stream().map(file -> dynamicContainer(file.getFileName().toString(),
            Stream.of(file).flatMap(path -> testsFor(path, expected))));
    }

    private Stream<DynamicTest> testsFor(Path file, ExpectedPabutools expected) {
        String name = file.getFileName().toString();
        Election election = PabulibReader.read(file);
        Supplier<EqualSharesAdd1.Result> add1 = memoized(() ->
            timed(name, "mes-add1", () -> EqualSharesAdd1.pabutools(EqualSharesProfile.exact(election, LEXICOGRAPHIC))));
        ExpectedPabutools.Result add1Expected = expected.result(name, "mes_cost_add1").orElseThrow();
        return Stream.of(
            dynamicTest("mes selects what pabutools' mes_cost selects", () ->
                assertThat(timed(name, "mes", () -> EqualShares.mes().apply(election, LEXICOGRAPHIC)).selected())
                    .isEqualTo(expected.result(name, "mes_cost").orElseThrow().winners())),
            add1Expected.timedOut()
                ? dynamicTest("mes-add1 finishes where pabutools timed out, and an independent route agrees", () ->
                    crossCheckAdd1(election, add1.get()))
                : dynamicTest("mes-add1 selects what pabutools' mes_cost_add1 selects", () -> {
                    List<String> selected = timed(name, "mes-add1",
                        () -> EqualShares.mesAdd1().apply(election, LEXICOGRAPHIC)).selected();
                    assertThat(selected).isEqualTo(add1Expected.winners());
                    expected.independent(name, "add1_pabutools_convention").ifPresent(reference ->
                        assertThat(selected).isEqualTo(reference.winners()));
                }),
            greedyTest(name, election, expected.result(name, "mes_cost_add1_greedy").orElseThrow(), add1));
    }

    private static DynamicTest greedyTest(String name, Election election, ExpectedPabutools.Result expected,
                                          Supplier<EqualSharesAdd1.Result> add1) {
        if (expected.skipped() || expected.timedOut()) {
            // pabutools had no add1 outcome to complete. The rule is the cross-checked add1 answer
            // completed greedily: run those two parts rather than the whole loop a second time.
            return dynamicTest("mes-add1-greedy completes the cross-checked mes-add1 outcome greedily", () -> {
                EqualSharesProfile profile = EqualSharesProfile.exact(election, LEXICOGRAPHIC);
                int[] completed = EqualSharesCompletion.greedy(profile, add1.get().answer());
                assertThat(Arrays.copyOf(completed, add1.get().answer().length)).isEqualTo(add1.get().answer());
                assertThat(profile.costOf(completed)).isLessThanOrEqualTo(profile.budget);
            });
        }
        return dynamicTest("mes-add1-greedy selects what pabutools' mes_cost_add1_greedy selects", () ->
            assertThat(timed(name, "mes-add1-greedy", () -> EqualShares.mesAdd1Greedy().apply(election, LEXICOGRAPHIC)).selected())
                .isEqualTo(expected.winners()));
    }

    /**
     * The independent route for a loop pabutools could not finish: the reference recomputes the
     * pass at the step where the search stopped (same outcome, and it does stop pabutools' loop)
     * and at the step before (it does not); where affordable, every earlier step is retraced one
     * pass at a time with the engine's pass, so no step the search skipped could have stopped it.
     */
    private static void crossCheckAdd1(Election election, EqualSharesAdd1.Result result) {
        EqualSharesProfile profile = EqualSharesProfile.exact(election, LEXICOGRAPHIC);
        EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
        Rational start = profile.budget.divide(profile.voters);
        long stop = result.stoppedAt();

        List<String> atStop = reference.pass(fraction(start.add(Rational.of(stop))));
        boolean overspends = reference.costOf(atStop).compareTo(reference.budget()) > 0;
        assertThat(overspends || reference.exhaustiveOverEligible(atStop)).as("the outcome at step %d stops the loop", stop).isTrue();
        assertThat(stop).as("the first pass never overspends").isPositive();
        List<String> before = reference.pass(fraction(start.add(Rational.of(stop - 1))));
        assertThat(reference.costOf(before).compareTo(reference.budget())).as("step %d fits", stop - 1).isLessThanOrEqualTo(0);
        assertThat(reference.exhaustiveOverEligible(before)).as("step %d is not exhaustive", stop - 1).isFalse();
        assertThat(ids(election, result.answer())).isEqualTo(overspends ? before : atStop);

        if (stop <= STEP_BY_STEP_LIMIT) {
            for (long step = 0; step < stop; step++) {
                int[] outcome = EqualSharesPass.select(profile, start.add(Rational.of(step)));
                assertThat(profile.overspends(outcome) || profile.isExhaustiveOverEligible(outcome))
                    .as("step %d does not stop the loop", step).isFalse();
            }
        }
        System.out.printf("mes-add1 stopped at step %d (endowment %s per voter) after %d passes%n",
            stop, result.endowmentAtStop(), result.passes());
    }

    private static EqualSharesReference.Fraction fraction(Rational value) {
        return new EqualSharesReference.Fraction(value.numerator(), value.denominator());
    }

    private static List<String> ids(Election election, int[] projects) {
        return Arrays.stream(projects).mapToObj(p -> election.projects().get(p).id()).toList();
    }

    // Prints the CPU time of a rule on a file (the report keeps the figures of the largest files).
    private static <T> T timed(String file, String rule, Supplier<T> run) {
        long start = CPU.getCurrentThreadCpuTime();
        T result = run.get();
        System.out.printf("%-55s %-16s %8.1f ms CPU%n", file, rule, (CPU.getCurrentThreadCpuTime() - start) / 1e6);
        return result;
    }

    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
