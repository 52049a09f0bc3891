package org.baraza.participation.proposals;

/** A PDF attached to a proposal, as listed (the content is read only to serve it). */
record ProposalDocument(long id, String fileName, int bytes) {
}
