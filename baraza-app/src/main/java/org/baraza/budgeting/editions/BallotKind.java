package org.baraza.budgeting.editions;

/** The form of an edition's ballot; the schema's comment on budget_edition.ballot_kind says what each allows. */
public enum BallotKind {
    APPROVAL, KNAPSACK, CUMULATIVE, RANKED
}
