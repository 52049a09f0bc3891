package org.baraza.pb;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pass following another's trail must find exactly what it finds alone: the same winners, the
 * same shares to the last digit, and rounds that certify the same intervals. Following only
 * saves work, on real elections (where passes a step apart share many rounds) and on random ones
 * (where trails from far endowments part at once, and ties and empty purses are frequent).
 */
class EqualSharesTrailTest {

    @Test
    void aPassFollowingATrailFindsWhatItFindsAlone() {
        EqualSharesProfile profile = EqualSharesProfile.exact(
            PabulibReader.read(PabulibData.file("poland_warszawa_2019_ursynow.pb")), TieBreak.lexicographic());
        Rational start = profile.budget.divide(profile.voters);
        int taken = 0;
        for (int step = 0; step < 400; step += 37) {
            EqualSharesRounds leader = EqualSharesPass.selectRecordingRounds(profile, start.add(Rational.of(step)));
            for (int apart : new int[] {0, 1, 3, 40, -1}) {
                Rational endowment = start.add(Rational.of(Math.max(0, step + apart)));
                EqualSharesRounds alone = EqualSharesPass.selectRecordingRounds(profile, endowment);
                EqualSharesRounds following = EqualSharesPass.selectRecordingRounds(profile, endowment, leader.trail());
                assertSameRounds(following, alone, "step " + step + " following " + apart + " steps away");
                taken += following.trail().taken();
            }
        }
        assertThat(taken).as("collections taken from the trails followed").isGreaterThan(1_000);
    }

    @Test
    void followingChangesNothingOnRandomElections() {
        Random random = new Random(23_2026);
        int taken = 0;
        for (int i = 0; i < 200; i++) {
            EqualSharesProfile profile = EqualSharesRandomElections.nextProfile(random, 12, 60, 3_000);
            if (profile.voters == 0) {
                continue;
            }
            Rational start = profile.budget.divide(profile.voters);
            EqualSharesRounds leader = EqualSharesPass.selectRecordingRounds(profile, start.add(Rational.of(random.nextInt(50))));
            Rational endowment = start.add(Rational.of(random.nextInt(50), 1 + random.nextInt(3)));
            EqualSharesRounds alone = EqualSharesPass.selectRecordingRounds(profile, endowment);
            EqualSharesRounds following = EqualSharesPass.selectRecordingRounds(profile, endowment, leader.trail());
            assertSameRounds(following, alone, "instance " + i);
            taken += following.trail().taken();
        }
        assertThat(taken).isGreaterThan(100);
    }

    private static void assertSameRounds(EqualSharesRounds following, EqualSharesRounds alone, String what) {
        assertThat(following.selected()).as(what).isEqualTo(alone.selected());
        for (int r = 0; r < alone.selected().length; r++) {
            assertThat(following.winnersShare(r)).as(what + ", round " + r).isEqualTo(alone.winnersShare(r));
        }
        assertThat(following.sameSignatures(alone)).as(what + ": signatures").isTrue();
        assertThat(following.likelyNextChange()).as(what + ": where the outcome likely changes").isEqualTo(alone.likelyNextChange());
    }
}
