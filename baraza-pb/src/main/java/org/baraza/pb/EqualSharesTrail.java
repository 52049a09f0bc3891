package org.baraza.pb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one Equal Shares pass found on its way, for a later pass at a nearby endowment to follow.
 * <p>
 * Two passes whose purchases so far had the same winners and emptied the same purses hold the same
 * purses: the same ids for the same groups of voters, only with different money. Which purses a
 * project's supporters hold is then the same in both, and so is the signature of a project whose
 * supporters paying in full are the same purses. Those are the costly parts of a pass (a walk over
 * every supporter group); passes one or a few steps apart are in step for half their rounds or
 * more (on Budapest 2024, two passes either side of an outcome change share about fifteen of
 * thirty-one rounds). A follower checks at every purchase that it is still in step, and stops
 * following at the first that differs.
 */
final class EqualSharesTrail {

    /**
     * The purses of a project's supporters as collected in a round (ids, and voters of each), and
     * those of them found paying in full with the project's signature then, if it was affordable.
     */
    record Collected(int round, int[] purses, long[] weights, int[] fullPayers, int[] signature) {
    }

    // Per project: what its evaluations collected, in round order.
    private final List<Collected>[] collected;
    // How many of this pass's collections it took from the trail it followed.
    private int taken;
    // Per round: the winner, and the purses its purchase emptied in the order its payments met them.
    private final List<Integer> winners = new ArrayList<>();
    private final List<int[]> emptied = new ArrayList<>();

    @SuppressWarnings("unchecked")
    EqualSharesTrail(int projects) {
        collected = new List[projects];
    }

    /** A collection taken from the trail this pass followed. */
    void taken(int round, int project, Collected known) {
        taken++;
        collected(round, project, known.purses(), known.weights());
    }

    /** How many collections this pass took from the trail it followed. */
    int taken() {
        return taken;
    }

    void collected(int round, int project, int[] purses, long[] weights) {
        if (collected[project] == null) {
            collected[project] = new ArrayList<>();
        }
        collected[project].add(new Collected(round, purses, weights, null, null));
    }

    /** The purses paying the project in full at its last collection, and its signature then. */
    void paidInFull(int project, int[] fullPayers, int[] signature) {
        List<Collected> all = collected[project];
        Collected last = all.get(all.size() - 1);
        all.set(all.size() - 1, new Collected(last.round, last.purses, last.weights, fullPayers, signature));
    }

    void bought(int round, int winner, int[] emptiedPurses) {
        if (winners.size() != round) {
            throw new IllegalStateException("a purchase out of round order");
        }
        winners.add(winner);
        emptied.add(emptiedPurses);
    }

    /**
     * What this pass collected for the project at the latest round up to {@code round} and after
     * {@code paidInto} (the last round whose purchase paid from its supporters' purses, in a pass in
     * step with this one: the purses have not changed since), or null.
     */
    Collected collectedFor(int project, int round, int paidInto) {
        List<Collected> all = collected[project];
        if (all == null) {
            return null;
        }
        for (int i = all.size() - 1; i >= 0; i--) {
            Collected entry = all.get(i);
            if (entry.round <= round) {
                return entry.round > paidInto ? entry : null;
            }
        }
        return null;
    }

    /** Whether this pass's purchase in this round had this winner and emptied these purses. */
    boolean boughtAlike(int round, int winner, int[] emptiedPurses) {
        return round < winners.size() && winners.get(round) == winner && Arrays.equals(emptied.get(round), emptiedPurses);
    }
}
