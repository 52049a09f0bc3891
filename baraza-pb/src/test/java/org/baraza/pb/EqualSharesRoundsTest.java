package org.baraza.pb;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A certificate between two passes is a promise about every endowment in between: each one selects
 * the same projects in the same order. On random elections with many voters (where the money of
 * the supporters paying all they have keeps changing, so the slope bounds of point 3 are what
 * certifies most intervals) every promise is checked against plain passes at whole and half steps.
 */
class EqualSharesRoundsTest {

    @Test
    void everyEndowmentBetweenTwoCertifiedPassesSelectsTheSame() {
        Random random = new Random(19_2026);
        int certified = 0;
        int checked = 0;
        for (int i = 0; i < 60; i++) {
            EqualSharesProfile profile = EqualSharesRandomElections.nextProfile(random, 9, 80, 5_000);
            Rational start = profile.budget.divide(profile.voters);
            for (int pair = 0; pair < 6; pair++) {
                Rational e = start.add(Rational.of(random.nextInt(300)));
                int apart = 1 + random.nextInt(120);
                Rational f = e.add(Rational.of(apart));
                EqualSharesRounds atE = EqualSharesPass.selectRecordingRounds(profile, e);
                EqualSharesRounds atF = EqualSharesPass.selectRecordingRounds(profile, f);
                if (!atE.certifiesUpTo(atF)) {
                    continue;
                }
                certified++;
                for (int half = 1; half < 2 * apart; half++) {
                    Rational between = e.add(Rational.of(half, 2));
                    assertThat(EqualSharesPass.select(profile, between))
                        .as("instance %d, endowment %s between %s and %s", i, between, e, f)
                        .isEqualTo(atE.selected());
                    checked++;
                }
            }
        }
        assertThat(certified).isGreaterThan(100);
        assertThat(checked).isGreaterThan(1_000);
    }

    @Test
    void everyAffordabilityLiesWithinWhatItsDoubleAndErrorBoundSay() {
        // Certificates decide on these bounds when they can, without working out exact values.
        Random random = new Random(41_2026);
        int checked = 0;
        for (int i = 0; i < 60; i++) {
            EqualSharesProfile profile = EqualSharesRandomElections.nextProfile(random, 9, 80, 5_000);
            Rational e = profile.budget.divide(profile.voters).add(Rational.of(random.nextInt(100), 1 + random.nextInt(7)));
            checked += assertWithinBounds(EqualSharesPass.selectRecordingRounds(profile, e), "instance " + i);
        }
        EqualSharesProfile ursynow = EqualSharesProfile.exact(
            PabulibReader.read(PabulibData.file("poland_warszawa_2019_ursynow.pb")), TieBreak.lexicographic());
        for (int step = 0; step < 100; step += 9) {
            Rational e = ursynow.budget.divide(ursynow.voters).add(Rational.of(step));
            checked += assertWithinBounds(EqualSharesPass.selectRecordingRounds(ursynow, e), "Ursynow, step " + step);
        }
        assertThat(checked).isGreaterThan(2_000);
    }

    private static int assertWithinBounds(EqualSharesRounds rounds, String what) {
        int checked = 0;
        for (EqualSharesRounds.Affordability affordability : rounds.affordabilities()) {
            Rational[] within = affordability.within();
            assertThat(affordability.value().compareTo(within[0])).as(what + ": not below the lower bound").isGreaterThanOrEqualTo(0);
            assertThat(affordability.value().compareTo(within[1])).as(what + ": not above the upper bound").isLessThanOrEqualTo(0);
            checked++;
        }
        return checked;
    }

    @Test
    void winnersSharesFallWithinTheSlopeBoundsAllOverTheInterval() {
        // Point 3's bounds, against the shares themselves: between two endowments a little apart
        // inside [e, f], a winner's share falls at a rate within the bounds worked out for [e, f].
        Random random = new Random(31_2026);
        int rates = 0;
        for (int i = 0; i < 60; i++) {
            EqualSharesProfile profile = EqualSharesRandomElections.nextProfile(random, 9, 80, 5_000);
            Rational e = profile.budget.divide(profile.voters).add(Rational.of(random.nextInt(100)));
            int apart = 1 + random.nextInt(60);
            Rational f = e.add(Rational.of(apart));
            EqualSharesRounds atE = EqualSharesPass.selectRecordingRounds(profile, e);
            EqualSharesRounds atF = EqualSharesPass.selectRecordingRounds(profile, f);
            java.util.List<double[]> falls = atE.winnersShareFall(atF);
            // Passes at every seventh of a step, and how many rounds all of them share with e's
            // (the bounds speak of rounds whose earlier winners are the same all over [e, f]).
            int[] fromE = atE.selected();
            int shared = Math.min(falls.size(), fromE.length);
            EqualSharesRounds[] at = new EqualSharesRounds[7 * apart + 1];
            for (int seventh = 0; seventh <= 7 * apart; seventh++) {
                at[seventh] = EqualSharesPass.selectRecordingRounds(profile, e.add(Rational.of(seventh, 7)));
                shared = Math.min(shared, sharedRounds(fromE, at[seventh].selected()));
            }
            Rational h = Rational.of(1, 7);
            for (int seventh = 0; seventh < 7 * apart; seventh++) {
                // The winner of round r is bought in round r everywhere in [e, f] only if it is at
                // every seventh; rounds up to there are compared.
                for (int r = 0; r < shared; r++) {
                    double fall = at[seventh].winnersShare(r).subtract(at[seventh + 1].winnersShare(r)).divide(h).doubleValue();
                    assertThat(fall).as("instance %d round %d at %s sevenths", i, r, seventh)
                        .isBetween(falls.get(r)[0] * (1 - 1e-9), falls.get(r)[1] * (1 + 1e-9));
                    rates++;
                }
            }
        }
        assertThat(rates).isGreaterThan(1_000);
    }

    private static int sharedRounds(int[] a, int[] b) {
        int r = 0;
        while (r < a.length && r < b.length && a[r] == b[r]) {
            r++;
        }
        return r;
    }

    @Test
    void slopeBoundsCertifyWhereTheSupportersPayingAllTheyHaveChange() {
        // Two passes far enough apart that some winner's full payers differ, yet the outcome is the
        // same throughout: point 2 (identical signatures) cannot certify them, the slope bounds can.
        Random random = new Random(23_2026);
        int bySlopes = 0;
        for (int i = 0; i < 60 && bySlopes == 0; i++) {
            EqualSharesProfile profile = EqualSharesRandomElections.nextProfile(random, 9, 80, 5_000);
            Rational e = profile.budget.divide(profile.voters);
            for (int apart = 2; apart < 200 && bySlopes == 0; apart *= 2) {
                Rational f = e.add(Rational.of(apart));
                EqualSharesRounds atE = EqualSharesPass.selectRecordingRounds(profile, e);
                EqualSharesRounds atF = EqualSharesPass.selectRecordingRounds(profile, f);
                if (atE.certifiesUpTo(atF) && !atE.sameSignatures(atF)) {
                    bySlopes++;
                    for (int step = 1; step < apart; step++) {
                        assertThat(EqualSharesPass.select(profile, e.add(Rational.of(step)))).isEqualTo(atE.selected());
                    }
                }
            }
        }
        assertThat(bySlopes).isPositive();
    }

    @Test
    void aGuessedChangeIsBetweenTheTwoPassesOrAhead() {
        Random random = new Random(29_2026);
        int guesses = 0;
        for (int i = 0; i < 80; i++) {
            EqualSharesProfile profile = EqualSharesRandomElections.nextProfile(random, 9, 80, 5_000);
            Rational e = profile.budget.divide(profile.voters);
            EqualSharesRounds atE = EqualSharesPass.selectRecordingRounds(profile, e);
            EqualSharesRounds atF = EqualSharesPass.selectRecordingRounds(profile, e.add(Rational.of(100)));
            if (Arrays.equals(atE.selected(), atF.selected())) {
                continue;
            }
            double fraction = atE.likelyChange(atF);
            if (!Double.isNaN(fraction)) {
                guesses++;
                assertThat(fraction).isBetween(0.0, 1.0);
            }
            assertThat(atE.likelyNextChange()).as("a change ahead, never behind").isNotNegative();
        }
        assertThat(guesses).isPositive();
    }
}
