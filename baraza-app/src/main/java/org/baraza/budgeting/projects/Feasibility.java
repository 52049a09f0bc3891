package org.baraza.budgeting.projects;

/** A valuator's verdict on a project: only FEASIBLE projects, with their cost, go on the ballot. */
enum Feasibility {
    PENDING, FEASIBLE, UNFEASIBLE
}
