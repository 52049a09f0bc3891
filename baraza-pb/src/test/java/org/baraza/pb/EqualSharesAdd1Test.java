package org.baraza.pb;

import java.util.Comparator;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The add1 loops search the steps instead of running one pass per step: on random elections they
 * must stop at the same step with the same answer as the plain one-pass-per-step loops of
 * {@link EqualSharesReference}, a separate implementation in BigInteger fractions.
 */
class EqualSharesAdd1Test {

    private static final int INSTANCES = 300;

    @Test
    void pabutoolsLoopStopsWhereTheStepByStepLoopStopsWithTheSameAnswer() {
        Random random = new Random(4_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.next(random, 7, 12, 60);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
            EqualSharesReference.Loop expected = reference.pabutoolsAdd1(100_000);

            EqualSharesAdd1.Result result = EqualSharesAdd1.pabutools(EqualSharesProfile.exact(election, TieBreak.lexicographic()));

            assertThat(ids(election, result.answer())).as("instance %d: %s", i, election).isEqualTo(expected.winners());
            assertThat(result.stoppedAt()).as("instance %d", i).isEqualTo(expected.stoppedAt());
        }
    }

    @Test
    void checkerLoopStopsWhereTheStepByStepLoopStopsWithTheSameAnswer() {
        Random random = new Random(7_2026);
        for (int i = 0; i < INSTANCES; i++) {
            Election election = EqualSharesRandomElections.next(random, 7, 12, 60);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
            EqualSharesReference.Loop expected = reference.checkerAdd1(100_000);

            EqualSharesAdd1.Result result = EqualSharesAdd1.pabulibChecker(EqualSharesProfile.exact(election, TieBreak.lexicographic()));

            assertThat(ids(election, result.answer())).as("instance %d: %s", i, election).isEqualTo(expected.winners());
            assertThat(result.stoppedAt()).as("instance %d", i).isEqualTo(expected.stoppedAt());
        }
    }

    @Test
    void manyVotersAndLargeCostsNeedFewerPassesThanStepsAndStillAgree() {
        // Costs in the thousands: hundreds of steps, where skipping certified intervals pays.
        Random random = new Random(11_2026);
        long steps = 0;
        long passes = 0;
        for (int i = 0; i < 40; i++) {
            Election election = EqualSharesRandomElections.next(random, 8, 60, 5_000);
            EqualSharesReference reference = new EqualSharesReference(election, Comparator.naturalOrder());
            EqualSharesReference.Loop expected = reference.pabutoolsAdd1(1_000_000);

            EqualSharesAdd1.Result result = EqualSharesAdd1.pabutools(EqualSharesProfile.exact(election, TieBreak.lexicographic()));

            assertThat(ids(election, result.answer())).as("instance %d", i).isEqualTo(expected.winners());
            assertThat(result.stoppedAt()).as("instance %d", i).isEqualTo(expected.stoppedAt());
            steps += expected.stoppedAt() + 1;
            passes += result.passes();
        }
        assertThat(passes).isLessThan(steps);
    }

    private static java.util.List<String> ids(Election election, int[] projects) {
        return java.util.Arrays.stream(projects).mapToObj(p -> election.projects().get(p).id()).toList();
    }
}
