/**
 * Participatory budgeting: editions (participatory processes whose phases open project submission,
 * supports and balloting), headings with their budgets, projects residents submit and valuators
 * review, secret ballots (approval, knapsack, cumulative, ranked) cast online, at a booth or on paper,
 * and results computed by the fair rules of the {@code baraza-pb} engine and explained to residents.
 * Sub-packages are internal: {@code editions} (editions, headings, rules), {@code projects}
 * (submission, supports, valuation, incompatibilities), {@code ballots} (voter roll and ballot box),
 * {@code results} (computation, explanation, publication) and {@code exchange} (pabulib import and export).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Participatory budgeting",
    allowedDependencies = {"platform", "participation", "participation::images", "participation::text", "pb"})
package org.baraza.budgeting;
