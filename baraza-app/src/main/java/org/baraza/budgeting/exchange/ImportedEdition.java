package org.baraza.budgeting.exchange;

/** What an import created: the edition, its one heading, and how many projects and ballots it holds. */
record ImportedEdition(long editionId, long headingId, int projects, int ballots) {
}
