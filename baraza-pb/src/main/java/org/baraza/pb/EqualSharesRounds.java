package org.baraza.pb;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The rounds of one Equal Shares pass: the winner of each round and, when recorded, the exact
 * affordability of the winner and of every project within {@link #WINDOW_ABOVE}/{@link #WINDOW_BELOW}
 * of it, each with its "signature" (which supporters could not pay a plain equal share), and a lower
 * bound for all other projects. Two passes can certify every endowment between theirs.
 * <p>
 * Why this is sound, for endowments e &lt; f and the same winners up to some round (induction over
 * the rounds; mes-conventions.md §1):
 * <ol>
 * <li>Raising the endowment only raises every voter's money after every round and lowers every
 *     project's equal share (shares solve sum(min(money, q)) = cost; money left is max(0, money - q)).
 *     So a round's winner is at most as unaffordable as at e, any other project at least as
 *     unaffordable as at f, and one unaffordable at f is unaffordable at e too.</li>
 * <li>Money minus share only rises, so a supporter paying a plain share at e does so up to f, and one
 *     paying all its money at f does so from e: a project whose signature is the same at e and f
 *     keeps it in between. If every winner so far kept its signature, all money is affine in the
 *     endowment on [e, f], and so is the affordability of any project that kept its own: two such
 *     projects ordered alike at e and at f are ordered alike in between.</li>
 * </ol>
 */
final class EqualSharesRounds {

    /** Projects up to (WINDOW_ABOVE / WINDOW_BELOW) times the winner's affordability are recorded. */
    static final BigInteger WINDOW_ABOVE = BigInteger.valueOf(33);
    static final BigInteger WINDOW_BELOW = BigInteger.valueOf(32);

    private final EqualSharesProfile profile;
    private final Rational endowment;
    private final List<Round> rounds = new ArrayList<>();

    /** A project's affordability at / below and its signature, as recorded in one round. */
    private record Entry(int project, BigInteger at, BigInteger below, int[] signature) {

        int compareTo(Entry other) {
            return at.multiply(other.below).compareTo(other.at.multiply(below));
        }
    }

    /** beyond: a lower bound on the affordability of every project not among the competitors, or null. */
    private record Round(Entry winner, List<Entry> competitors, Entry[] beyond) {

        Entry competitor(int project) {
            for (Entry entry : competitors) {
                if (entry.project == project) {
                    return entry;
                }
            }
            return null;
        }
    }

    EqualSharesRounds(EqualSharesProfile profile, Rational endowment) {
        this.profile = profile;
        this.endowment = endowment;
    }

    Rational endowment() {
        return endowment;
    }

    /** The winners in selection order. */
    int[] selected() {
        int[] selected = new int[rounds.size()];
        for (int r = 0; r < selected.length; r++) {
            selected[r] = rounds.get(r).winner.project;
        }
        return selected;
    }

    void addRound(int winner, BigInteger at, BigInteger below, int[] signature) {
        rounds.add(new Round(new Entry(winner, at, below, signature), new ArrayList<>(), new Entry[1]));
    }

    void addBound(BigInteger at, BigInteger below) {
        rounds.get(rounds.size() - 1).beyond[0] = new Entry(-1, at, below, null);
    }

    void addCompetitor(int project, BigInteger at, BigInteger below, int[] signature) {
        rounds.get(rounds.size() - 1).competitors.add(new Entry(project, at, below, signature));
    }

    /**
     * True when every endowment from this pass's up to {@code later}'s (a larger one) selects the
     * same projects in the same order. Both passes must have recorded their rounds.
     */
    boolean certifiesUpTo(EqualSharesRounds later) {
        if (later.rounds.size() != rounds.size()) {
            return false;
        }
        boolean moneyAffine = true;
        for (int r = 0; r < rounds.size(); r++) {
            Round here = rounds.get(r);
            Round there = later.rounds.get(r);
            Entry winner = here.winner;
            if (there.winner.project != winner.project) {
                return false;
            }
            moneyAffine &= Arrays.equals(winner.signature, there.winner.signature);
            // Projects not recorded at f: worse there than the winner at e (point 1)?
            Entry beyond = there.beyond[0];
            if (beyond != null && beyond.compareTo(winner) <= 0) {
                return false;
            }
            for (Entry rival : there.competitors) {
                if (!staysBehind(winner, rival, here, moneyAffine)) {
                    return false;
                }
            }
        }
        return true;
    }

    // Whether rival (recorded at f) loses to the winner at every endowment in [e, f].
    private boolean staysBehind(Entry winnerAtE, Entry rivalAtF, Round atE, boolean moneyAffine) {
        boolean winnerTakesTies = profile.tieRank[winnerAtE.project] < profile.tieRank[rivalAtF.project];
        int byValue = rivalAtF.compareTo(winnerAtE);
        if (byValue > 0 || (byValue == 0 && winnerTakesTies)) {
            return true; // point 1: never better than at f, the winner never worse than at e
        }
        // Point 2: both affine on [e, f] and ordered alike at both ends (each pass chose the winner).
        Entry rivalAtE = atE.competitor(rivalAtF.project);
        return moneyAffine && rivalAtE != null && Arrays.equals(rivalAtE.signature, rivalAtF.signature);
    }
}
