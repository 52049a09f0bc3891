package org.baraza.pb;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The rounds of one Equal Shares pass: the winner of each round and, when recorded, the exact
 * affordability (worked out on first use) of the winner and of every project within
 * {@link #WINDOW_ABOVE}/{@link #WINDOW_BELOW} of it, each with its "signature" (which supporters
 * could not pay a plain equal share), a lower bound for all other projects, and the projects found unaffordable. Two passes can certify every
 * endowment between theirs, and guess where the outcome changes when they cannot.
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
 * <li>Without identical signatures, money is still continuous and piecewise affine in the
 *     endowment, and its slopes can be bounded all over [e, f] (EqualSharesSlopes): a share is
 *     (cost - money of full payers) / plain payers, so it falls at (sum of the full payers' money
 *     slopes) / (plain payers); by point 2 the full payers anywhere in [e, f] are at most those at e
 *     and at least those at f, and the plain payers the other way round; a plain payer's money then
 *     rises as fast as before plus as fast as the share falls, a full payer's not at all. Starting
 *     from slope 1 for everyone, this bounds the slope of every winner's and rival's affordability
 *     over [e, f], hence the slope of the gap D = rival - winner to some [m, M]. D is positive at e
 *     and at f (or zero with the winner taking the tie); a function with slopes in [m, M] is at least
 *     the path leaving D(e) with slope m and arriving at D(f) with slope M, and if that path stays
 *     above zero, so does D. All of it is checked in exact arithmetic; the slope bounds are doubles
 *     rounded outwards at every operation.</li>
 * </ol>
 */
final class EqualSharesRounds {

    /**
     * Projects up to (WINDOW_ABOVE / WINDOW_BELOW) times the winner's affordability are recorded.
     * Wide enough that the bound on the rest rarely refuses a certificate over a long interval
     * (where a late round's winner grows much more affordable from one end to the other): on
     * Budapest 2024, at 17/16 that bound refused 100 certificates (524 passes), at 9/8 27 (458 passes),
     * at 5/4 one (441 passes, but as long: more projects evaluated per round).
     */
    static final BigInteger WINDOW_ABOVE = BigInteger.valueOf(9);
    static final BigInteger WINDOW_BELOW = BigInteger.valueOf(8);

    private final EqualSharesProfile profile;
    private final Rational endowment;
    private final List<Round> rounds = new ArrayList<>();
    private final List<Drop> drops = new ArrayList<>();

    /** A project found unaffordable in a round, its supporters' money then and how fast it rises, roughly. */
    private record Drop(int project, int round, double money, double rising) {
    }

    /**
     * An affordability at / below: held as a double within a relative error bound, and worked out
     * exactly only when a decision needs it (most comparisons are settled by the doubles). The pass
     * that made it supplies {at, below} on first use; its purses are immutable, so the value does
     * not depend on when that is.
     */
    static final class Affordability {

        // Doubles within this relative distance of each other are compared exactly: above the
        // rounding of the comparison itself and of a value worked out from exact numbers.
        private static final double CLOSE = 1e-12;

        final double approximately;
        private final double error;
        private Supplier<BigInteger[]> exactly; // null once worked out
        // {at, below} once worked out: read without a lock (sorting compares ties again and again).
        private volatile BigInteger[] value;

        /** approximately is within error·value of at / below, which exactly supplies on first use. */
        Affordability(double approximately, double error, Supplier<BigInteger[]> exactly) {
            this.approximately = approximately;
            this.error = error;
            this.exactly = exactly;
        }

        /** Known exactly from the start; approximately within rounding of a few operations. */
        Affordability(BigInteger at, BigInteger below, double approximately) {
            this(approximately, 0, null);
            this.value = new BigInteger[] {at, below};
        }

        BigInteger at() {
            return exact()[0];
        }

        BigInteger below() {
            return exact()[1];
        }

        private BigInteger[] exact() {
            BigInteger[] known = value;
            return known != null ? known : workOut();
        }

        private synchronized BigInteger[] workOut() {
            if (value == null) {
                value = exactly.get();
                exactly = null;
            }
            return value;
        }

        /** The relative distance within which two doubles do not decide an order. */
        static double tolerance(double errorA, double errorB) {
            return CLOSE + errorA + errorB;
        }

        double error() {
            return error;
        }

        int compareTo(Affordability other) {
            double tolerance = tolerance(error, other.error);
            if (approximately < other.approximately * (1 - tolerance)) {
                return -1;
            }
            if (other.approximately < approximately * (1 - tolerance)) {
                return 1;
            }
            BigInteger[] mine = exact();
            BigInteger[] theirs = other.exact();
            if (mine[1].equals(theirs[1])) {
                return mine[0].compareTo(theirs[0]); // ties mostly: the same number of supporters
            }
            return mine[0].multiply(theirs[1]).compareTo(theirs[0].multiply(mine[1]));
        }

        Rational value() {
            return Rational.of(at(), below());
        }

        /**
         * {lower, upper}: the value lies within these, from the double and its error bound alone
         * (twice over: the bound is relative to the value, not to the double, and the products are
         * rounded). The double must be finite.
         */
        Rational[] within() {
            double tolerance = 2 * tolerance(error, 0);
            return new Rational[] {exactly(approximately * (1 - tolerance)), exactly(approximately * (1 + tolerance))};
        }
    }

    /**
     * A project's affordability and its signature, as recorded in one round. fall: how fast the
     * equal share falls with the endowment just above this pass's, roughly; only for guesses and for
     * refusing early, like affordability.approximately.
     */
    private record Entry(int project, Affordability affordability, int[] signature, double fall) {

        int compareTo(Entry other) {
            return affordability.compareTo(other.affordability);
        }

        Rational value() {
            return affordability.value();
        }

        double approximately() {
            return affordability.approximately;
        }
    }

    /** beyond: a lower bound on the affordability of every project not among the competitors, or null. */
    private record Round(Entry winner, List<Entry> competitors, Entry[] beyond, double winnersSupportersMoney) {

        Entry competitor(int project) {
            for (Entry entry : competitors) {
                if (entry.project == project) {
                    return entry;
                }
            }
            return null;
        }
    }

    private final EqualSharesTrail trail;

    EqualSharesRounds(EqualSharesProfile profile, Rational endowment) {
        this(profile, endowment, null);
    }

    EqualSharesRounds(EqualSharesProfile profile, Rational endowment, EqualSharesTrail trail) {
        this.profile = profile;
        this.endowment = endowment;
        this.trail = trail;
    }

    /** What the pass found on its way, for a pass at a nearby endowment to follow; null if not kept. */
    EqualSharesTrail trail() {
        return trail;
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

    void addRound(int winner, Affordability affordability, int[] signature, double supportersMoney, double fall) {
        rounds.add(new Round(new Entry(winner, affordability, signature, fall), new ArrayList<>(), new Entry[1],
            supportersMoney));
    }

    void addDrop(int project, int round, double money, double rising) {
        drops.add(new Drop(project, round, money, rising));
    }

    void addBound(Affordability affordability) {
        rounds.get(rounds.size() - 1).beyond[0] = new Entry(-1, affordability, null, 0);
    }

    void addCompetitor(int project, Affordability affordability, int[] signature, double fall) {
        rounds.get(rounds.size() - 1).competitors.add(new Entry(project, affordability, signature, fall));
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
        EqualSharesSlopes slopes = null; // worked out only once points 1 and 2 do not settle a rival
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
            double[] winnerFall = null;
            for (Entry rival : there.competitors) {
                if (staysBehind(winner, rival, here, moneyAffine)) {
                    continue;
                }
                if (slopes == null) {
                    slopes = slopesBefore(r, later);
                    if (slopes == null) {
                        return false;
                    }
                }
                if (winnerFall == null) {
                    winnerFall = slopes.shareFall(winner.project, winner.signature, there.winner.signature);
                    if (winnerFall == null) {
                        return false;
                    }
                }
                if (!staysBehindWithinSlopes(slopes, winner, there.winner, winnerFall, here.competitor(rival.project),
                    rival, later.endowment)) {
                    return false;
                }
            }
            if (slopes != null && !buy(slopes, winner, there.winner, winnerFall)) {
                return false;
            }
        }
        return true;
    }

    /** Every affordability recorded: the winners' and their competitors', round by round. */
    List<Affordability> affordabilities() {
        List<Affordability> all = new ArrayList<>();
        for (Round round : rounds) {
            all.add(round.winner.affordability);
            for (Entry competitor : round.competitors) {
                all.add(competitor.affordability);
            }
        }
        return all;
    }

    /** Whether every round's winner has the same signature in both passes (point 2's condition). */
    boolean sameSignatures(EqualSharesRounds other) {
        if (other.rounds.size() != rounds.size()) {
            return false;
        }
        for (int r = 0; r < rounds.size(); r++) {
            if (!Arrays.equals(rounds.get(r).winner.signature, other.rounds.get(r).winner.signature)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where between this pass and {@code later} the outcome most likely first changes, as a fraction
     * of the way: the first round whose winners differ, with the gap between the two winners'
     * affordabilities taken as affine in the endowment. NaN when a pass did not record the other's
     * winner. A guess for where to look, never a certificate.
     */
    double likelyChange(EqualSharesRounds later) {
        int shared = Math.min(rounds.size(), later.rounds.size());
        for (int r = 0; r <= shared; r++) {
            if (r == shared) {
                // The later pass bought one more: a project unaffordable here became affordable.
                return r < later.rounds.size() ? likelyAffordable(later.rounds.get(r), r) : Double.NaN;
            }
            Round here = rounds.get(r);
            Round there = later.rounds.get(r);
            if (here.winner.project == there.winner.project) {
                continue;
            }
            Entry challengerHere = here.competitor(there.winner.project);
            Entry championThere = there.competitor(here.winner.project);
            if (challengerHere == null || championThere == null) {
                return likelyAffordable(there, r);
            }
            double gapHere = challengerHere.approximately() - here.winner.approximately();
            double gapThere = there.winner.approximately() - championThere.approximately();
            return gapHere >= 0 && gapThere <= 0 && gapHere > gapThere ? gapHere / (gapHere - gapThere) : Double.NaN;
        }
        return Double.NaN;
    }

    // Where the later pass's winner of round r, found unaffordable here by then, likely became
    // affordable: its supporters' money taken as affine from here to there.
    private double likelyAffordable(Round there, int round) {
        Drop dropped = null;
        for (Drop drop : drops) {
            if (drop.project == there.winner.project && drop.round <= round) {
                dropped = drop;
            }
        }
        if (dropped == null) {
            return Double.NaN;
        }
        double cost = profile.cost[dropped.project].doubleValue();
        double shortHere = cost - dropped.money;
        double shortThere = cost - there.winnersSupportersMoney;
        return shortHere > 0 && shortThere <= 0 ? shortHere / (shortHere - shortThere) : Double.NaN;
    }

    /**
     * How far beyond this pass's endowment the outcome likely first changes: every gap between a
     * round's winner and a rival, and the shortfall of every project left unaffordable after the
     * last purchase (bought as soon as its supporters' money reaches its cost), run on along its
     * slope just above this endowment, and the first to reach zero. Infinity when none closes. (A
     * project found unaffordable in an earlier round may become affordable there without winning
     * anything: not a change worth a look.) A guess for where to look, never a certificate.
     */
    double likelyNextChange() {
        double nearest = Double.POSITIVE_INFINITY;
        for (Round round : rounds) {
            Entry winner = round.winner;
            double winnerFall = winner.fall / profile.cost[winner.project].doubleValue();
            for (Entry rival : round.competitors) {
                double closing = rival.fall / profile.cost[rival.project].doubleValue() - winnerFall;
                if (closing > 0) {
                    nearest = Math.min(nearest, Math.max(0, rival.approximately() - winner.approximately()) / closing);
                }
            }
        }
        for (Drop drop : drops) {
            if (drop.round == rounds.size() && drop.rising > 0) {
                nearest = Math.min(nearest, Math.max(0, profile.cost[drop.project].doubleValue() - drop.money) / drop.rising);
            }
        }
        return nearest;
    }

    /**
     * Per round, bounds {low, high} on how fast the winner's equal share falls at every endowment
     * between this pass's and {@code later}'s, for as many rounds as both bought the same (point 3).
     */
    List<double[]> winnersShareFall(EqualSharesRounds later) {
        EqualSharesSlopes slopes = new EqualSharesSlopes(profile);
        List<double[]> falls = new ArrayList<>();
        for (int r = 0; r < Math.min(rounds.size(), later.rounds.size()); r++) {
            Entry atE = rounds.get(r).winner;
            Entry atF = later.rounds.get(r).winner;
            double[] fall = atE.project == atF.project ? slopes.shareFall(atE.project, atE.signature, atF.signature) : null;
            if (fall == null) {
                break;
            }
            falls.add(fall);
            slopes.buy(atE.project, atE.signature, atF.signature, fall);
        }
        return falls;
    }

    /** The equal share the winner of a round paid, exactly. */
    Rational winnersShare(int round) {
        Entry winner = rounds.get(round).winner;
        return winner.value().multiply(profile.cost[winner.project]);
    }

    // The slope bounds after the first `count` rounds, which both passes share.
    private EqualSharesSlopes slopesBefore(int count, EqualSharesRounds later) {
        EqualSharesSlopes slopes = new EqualSharesSlopes(profile);
        for (int r = 0; r < count; r++) {
            if (!buy(slopes, rounds.get(r).winner, later.rounds.get(r).winner, null)) {
                return null;
            }
        }
        return slopes;
    }

    private static boolean buy(EqualSharesSlopes slopes, Entry winnerAtE, Entry winnerAtF, double[] fall) {
        double[] shareFall = fall != null ? fall : slopes.shareFall(winnerAtE.project, winnerAtE.signature, winnerAtF.signature);
        if (shareFall == null) {
            return false;
        }
        slopes.buy(winnerAtE.project, winnerAtE.signature, winnerAtF.signature, shareFall);
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

    /**
     * Point 3: the gap D = rival - winner (affordabilities) is positive at e and at f (each pass
     * chose the winner), and its slope stays within [m, M] all over [e, f]; then D is at least the
     * path that leaves D(e) with slope m and reaches D(f) with slope M, whose lowest point is
     * D(e) + m·(M - s)·(f - e)/(M - m), s being D's mean slope (D(f) - D(e))/(f - e).
     */
    private boolean staysBehindWithinSlopes(EqualSharesSlopes slopes, Entry winnerAtE, Entry winnerAtF,
                                            double[] winnerFall, Entry rivalAtE, Entry rivalAtF, Rational f) {
        if (rivalAtE == null) {
            return false; // not recorded at e, so its signature there is unknown
        }
        double[] rivalFall = slopes.shareFall(rivalAtE.project, rivalAtE.signature, rivalAtF.signature);
        if (rivalFall == null) {
            return false;
        }
        // An affordability is share / cost, so it falls at (share's fall) / cost.
        double winnerCost = profile.cost[winnerAtE.project].doubleValue();
        double rivalCost = profile.cost[rivalAtE.project].doubleValue();
        double roughLow = winnerFall[0] / winnerCost - rivalFall[1] / rivalCost;
        double roughHigh = winnerFall[1] / winnerCost - rivalFall[0] / rivalCost;
        double roughE = rivalAtE.approximately() - winnerAtE.approximately();
        double roughF = rivalAtF.approximately() - winnerAtF.approximately();
        double roughLength = f.subtract(endowment).doubleValue();
        double roughMean = (roughF - roughE) / roughLength;
        if (roughLow < 0 && roughE + roughLow * (roughHigh - roughMean) * roughLength / (roughHigh - roughLow) <= 0) {
            return false; // clearly not settled; only a likely success is worked out exactly
        }
        Rational low = exactly(winnerFall[0]).divide(profile.cost[winnerAtE.project])
            .subtract(exactly(rivalFall[1]).divide(profile.cost[rivalAtE.project]));
        Rational high = exactly(winnerFall[1]).divide(profile.cost[winnerAtE.project])
            .subtract(exactly(rivalFall[0]).divide(profile.cost[rivalAtE.project]));
        Rational length = f.subtract(endowment);
        if (settledWithinErrors(low, high, length, winnerAtE, rivalAtE, winnerAtF, rivalAtF)) {
            return true;
        }
        Rational gapE = rivalAtE.value().subtract(winnerAtE.value());
        Rational gapF = rivalAtF.value().subtract(winnerAtF.value());
        Rational mean = gapF.subtract(gapE).divide(length);
        if (mean.compareTo(low) < 0 || mean.compareTo(high) > 0) {
            return false; // cannot be, if both passes bought the same; refuse rather than trust it
        }
        if (low.signum() >= 0) {
            return true; // D never falls: at least D(e)
        }
        Rational lowest = gapE.add(low.multiply(high.subtract(mean)).multiply(length).divide(high.subtract(low)));
        boolean winnerTakesTies = profile.tieRank[winnerAtE.project] < profile.tieRank[rivalAtF.project];
        return lowest.signum() > 0 || (lowest.signum() == 0 && winnerTakesTies);
    }

    /**
     * Point 3 without exact affordabilities, which are costly (worked out from every purse paying
     * in full): each is taken anywhere within its error bound. The mean slope is then surely within
     * [low, high], and the lowest point, affine in D(e) and in D(f), is at least its value with each
     * at the end of its interval that lowers it. False when that does not settle it: then exactly.
     */
    private static boolean settledWithinErrors(Rational low, Rational high, Rational length, Entry winnerAtE,
                                               Entry rivalAtE, Entry winnerAtF, Entry rivalAtF) {
        if (high.compareTo(low) <= 0 || !Double.isFinite(winnerAtE.approximately() + rivalAtE.approximately()
            + winnerAtF.approximately() + rivalAtF.approximately())) {
            return false;
        }
        Rational[] winnerE = within(winnerAtE);
        Rational[] rivalE = within(rivalAtE);
        Rational[] winnerF = within(winnerAtF);
        Rational[] rivalF = within(rivalAtF);
        Rational gapELow = rivalE[0].subtract(winnerE[1]);
        Rational gapEHigh = rivalE[1].subtract(winnerE[0]);
        Rational gapFLow = rivalF[0].subtract(winnerF[1]);
        Rational gapFHigh = rivalF[1].subtract(winnerF[0]);
        if (gapFLow.subtract(gapEHigh).compareTo(low.multiply(length)) < 0
            || gapFHigh.subtract(gapELow).compareTo(high.multiply(length)) > 0) {
            return false; // the mean slope might lie outside: for the exact check to say
        }
        if (low.signum() >= 0) {
            return true;
        }
        // lowest = D(e) + low·(high·length - D(f) + D(e)) / (high - low): rising with D(f), and with
        // D(e) as high / (high - low) does.
        Rational gapE = high.signum() >= 0 ? gapELow : gapEHigh;
        Rational lowest = gapE.add(low.multiply(high.multiply(length).subtract(gapFLow).add(gapE)).divide(high.subtract(low)));
        return lowest.signum() > 0;
    }

    private static Rational[] within(Entry entry) {
        return entry.affordability.within();
    }

    private static Rational exactly(double bound) {
        return Rational.of(new java.math.BigDecimal(bound));
    }
}
