package org.baraza.participation;

/** The id of a proposal made in a participatory process; unique across municipalities, but always used with one. */
public record ProposalId(long value) {

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
