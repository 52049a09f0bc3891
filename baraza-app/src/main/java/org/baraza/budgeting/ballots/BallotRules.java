package org.baraza.budgeting.ballots;

/**
 * The voting rules of an edition, as the admin set them before balloting opened (and frozen since):
 * the ballot's form, its limits, and which headings a voter may vote in.
 *
 * @param maxProjects APPROVAL: most projects per heading; RANKED: k of "top k"; else null
 * @param minSpendPercent KNAPSACK: the least share of a heading's budget a voter's projects must reach (0: none)
 * @param pointsPerVoter CUMULATIVE: the points a voter spreads over a heading's projects
 * @param maxPointsPerProject CUMULATIVE: the most points one project may get from one voter
 */
record BallotRules(Kind kind, Integer maxProjects, int minSpendPercent, Integer pointsPerVoter, Integer maxPointsPerProject,
                   HeadingChoice headingChoice) {

    /** The ballot forms of budget_edition.ballot_kind. */
    enum Kind {
        /** Tick up to maxProjects projects. */
        APPROVAL,
        /** Tick projects whose total cost fits the heading's budget (Stanford's "knapsack voting"). */
        KNAPSACK,
        /** Spread points over projects. */
        CUMULATIVE,
        /** Rank your top maxProjects projects. */
        RANKED
    }

    /** Which headings a voter takes part in (budget_edition.heading_choice). */
    enum HeadingChoice {
        /** The city-wide headings and the heading of the district the census places the voter in. */
        OWN_DISTRICT_AND_CITY,
        /** Exactly one heading, whichever the voter chooses. */
        ONE_OF_CHOICE
    }

    BallotRules {
        if (kind == null || headingChoice == null) {
            throw new IllegalArgumentException("ballot kind and heading choice are required");
        }
        if ((kind == Kind.APPROVAL || kind == Kind.RANKED) && (maxProjects == null || maxProjects < 1)) {
            throw new IllegalArgumentException(kind + " ballots need a maximum number of projects");
        }
        if (kind == Kind.CUMULATIVE && (pointsPerVoter == null || maxPointsPerProject == null || pointsPerVoter < 1
            || maxPointsPerProject < 1)) {
            throw new IllegalArgumentException("cumulative ballots need points per voter and per project");
        }
        if (minSpendPercent < 0 || minSpendPercent > 100) {
            throw new IllegalArgumentException("minimum spend is a percentage");
        }
    }

    public boolean ticks() {
        return kind == Kind.APPROVAL || kind == Kind.KNAPSACK;
    }

    public boolean points() {
        return kind == Kind.CUMULATIVE;
    }

    public boolean ranks() {
        return kind == Kind.RANKED;
    }
}
