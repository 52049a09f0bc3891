package org.baraza.pb;

import java.util.Locale;

/** The pabulib {@code vote_type}s: how a voter expressed their preference. */
public enum BallotKind {
    APPROVAL("approval"),
    CHOOSE_ONE("choose-1"),
    CUMULATIVE("cumulative"),
    ORDINAL("ordinal"),
    SCORING("scoring");

    private final String voteType;

    BallotKind(String voteType) {
        this.voteType = voteType;
    }

    /** The name used in a pabulib file's META {@code vote_type}. */
    public String voteType() {
        return voteType;
    }

    /** Ballots whose points, not just their list of projects, carry the voter's preference. */
    public boolean hasPoints() {
        return this == CUMULATIVE || this == SCORING;
    }

    /** @throws IllegalArgumentException for a vote type pabulib does not define */
    public static BallotKind ofVoteType(String voteType) {
        String wanted = voteType == null ? "" : voteType.trim().toLowerCase(Locale.ROOT);
        for (BallotKind kind : values()) {
            if (kind.voteType.equals(wanted)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown vote_type '" + voteType + "'");
    }
}
