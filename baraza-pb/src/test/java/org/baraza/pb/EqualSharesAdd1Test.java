package org.baraza.pb;

import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The add1 loops search the steps instead of running one pass per step: on random elections they
 * must stop at the same step with the same answer as the plain one-pass-per-step loops of
 * {@link EqualSharesReference}, a separate implementation in BigInteger fractions; on one core
 * (one search in step order) and on two (chunks of steps searched side by side).
 */
class EqualSharesAdd1Test {

    private static final int INSTANCES = 300;

    @ParameterizedTest(name = "on {0} core(s)")
    @ValueSource(ints = {1, 2})
    void pabutoolsLoopStopsWhereTheStepByStepLoopStopsWithTheSameAnswer(int cores) {
        Random random = new Random(4_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.next(random, 7, 12, 60);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
            EqualSharesReference.Loop expected = reference.pabutoolsAdd1(100_000);

            EqualSharesAdd1.Result result = EqualSharesAdd1.pabutools(EqualSharesProfile.exact(election, TieBreak.lexicographic()), cores);

            assertThat(ids(election, result.answer())).as("instance %d: %s", i, election).isEqualTo(expected.winners());
            assertThat(result.stoppedAt()).as("instance %d", i).isEqualTo(expected.stoppedAt());
        }
    }

    @ParameterizedTest(name = "on {0} core(s)")
    @ValueSource(ints = {1, 2})
    void checkerLoopStopsWhereTheStepByStepLoopStopsWithTheSameAnswer(int cores) {
        Random random = new Random(7_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.next(random, 7, 12, 60);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
            EqualSharesReference.Loop expected = reference.checkerAdd1(100_000);

            EqualSharesAdd1.Result result = EqualSharesAdd1.pabulibChecker(EqualSharesProfile.exact(election, TieBreak.lexicographic()), cores);

            assertThat(ids(election, result.answer())).as("instance %d: %s", i, election).isEqualTo(expected.winners());
            assertThat(result.stoppedAt()).as("instance %d", i).isEqualTo(expected.stoppedAt());
        }
    }

    @ParameterizedTest(name = "on {0} core(s)")
    @ValueSource(ints = {1, 2})
    void manyVotersAndLargeCostsNeedFewerPassesThanStepsAndStillAgree(int cores) {
        // Costs in the thousands: hundreds of steps, where skipping certified intervals pays.
        Random random = new Random(11_2026);
        long steps = 0;
        long passes = 0;
        for (int i = 0; i < 40; i++) {
            Election election = EqualSharesRandomElections.next(random, 8, 60, 5_000);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
            EqualSharesReference.Loop expected = reference.pabutoolsAdd1(1_000_000);

            EqualSharesAdd1.Result result = EqualSharesAdd1.pabutools(EqualSharesProfile.exact(election, TieBreak.lexicographic()), cores);

            assertThat(ids(election, result.answer())).as("instance %d", i).isEqualTo(expected.winners());
            assertThat(result.stoppedAt()).as("instance %d", i).isEqualTo(expected.stoppedAt());
            steps += expected.stoppedAt() + 1;
            passes += result.passes();
        }
        assertThat(passes).isLessThan(steps);
    }

    @Test
    void chunksSearchedSideBySideStopWhereTheStepByStepLoopStops() {
        // Costs up to 100,000 with a few voters: thousands of steps, cut into many chunks;
        // a stop in an early chunk must win over those found in later ones.
        Random random = new Random(23_2026);
        int chunked = 0;
        for (int i = 0; i < 12; i++) {
            Election election = EqualSharesRandomElections.next(random, 8, 6, 100_000);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
            EqualSharesReference.Loop expected = reference.pabutoolsAdd1(1_000_000);

            EqualSharesAdd1.Result result = EqualSharesAdd1.pabutools(EqualSharesProfile.exact(election, TieBreak.lexicographic()), 2);

            assertThat(ids(election, result.answer())).as("instance %d: %s", i, election).isEqualTo(expected.winners());
            assertThat(result.stoppedAt()).as("instance %d", i).isEqualTo(expected.stoppedAt());
            if (expected.stoppedAt() > 1_000) {
                chunked++;
            }
        }
        assertThat(chunked).as("instances searched in several chunks").isGreaterThan(3);
    }

    private static java.util.List<String> ids(Election election, int[] projects) {
        return java.util.Arrays.stream(projects).mapToObj(p -> election.projects().get(p).id()).toList();
    }
}
